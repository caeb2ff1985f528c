import {
  _InstanceType,
  DescribeSpotPriceHistoryCommand,
  EC2Client,
  SpotPrice,
} from '@aws-sdk/client-ec2';
import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import { LoggerService } from '@backstage/backend-plugin-api';
import { SerializedError, ServiceUnavailableError } from '@backstage/errors';
import {
  CapacityType,
  FALLBACK_PRICES_AS_OF,
  PriceSource,
} from '@internal/backstage-plugin-streaming-platform-common';
import { NodePrice } from '../analysis/types';
import { describeAwsFailure, sourceError } from './awsFailure';
import { awsClientConfig, AwsConnectionOptions } from './clientConfig';
import { chunk } from './lagQueries';
import {
  fallbackOnDemandPrice,
  newestSpotPrices,
  onDemandUsdPerHour,
  priceListFilters,
  SpotQuote,
} from './priceParsing';
import { SourceHealth } from './SourceHealth';
import { AwsSourceHealth, NodePriceLookup } from './types';

/** The Price List API is served from a few regions only; us-east-1 is one. */
export const PRICE_LIST_REGION = 'us-east-1';

/** GetProducts calls at once: the Price List API's rate quota is low. */
const PRICE_LIST_CONCURRENCY = 4;
/** Instance types per DescribeSpotPriceHistory call. */
const SPOT_TYPES_PER_CALL = 100;
const MAX_PAGES = 100;

/** A node's price and when the prices behind it were read. */
export interface NodePriceQuote extends NodePrice {
  /** When the price was read (ISO 8601); the shipped table's date for it. */
  asOf?: string;
}

/** What the last refresh read. */
export interface PriceRefreshResult {
  onDemandPrices: number;
  spotPrices: number;
  calls: number;
}

export type PriceSourceId = 'price-list' | 'spot-price-history';

/** The limit on each Price List and EC2 attempt unless configured. */
export const DEFAULT_PRICE_REQUEST_TIMEOUT_MS = 30_000;

export interface PriceServiceOptions
  extends Omit<AwsConnectionOptions, 'requestTimeoutMs'> {
  /** The limit on each HTTP attempt (default 30 s). */
  requestTimeoutMs?: number;
  logger: LoggerService;
  /** Where the Price List API is called (default us-east-1). */
  priceListRegion?: string;
  /** Clients to use instead of ones made from the connection options. */
  pricingClient?: PricingClient;
  ec2ClientFor?(region: string): EC2Client;
  now?: () => number;
}

interface ReadPrice {
  usdPerHour: number;
  asOf: string;
}

type ZonePrices = Map<string, ReadPrice & { effectiveAt: number }>;

const key = (region: string, instanceType: string) =>
  `${region}\u0000${instanceType}`;

/**
 * Node prices: on-demand from the AWS Price List API, spot from EC2 spot
 * price history per instance type and zone, both read on `refresh`, with the
 * shipped on-demand table as fallback. A failed refresh keeps the prices
 * read before (the source's health turns `stale`).
 */
export class PriceService implements NodePriceLookup {
  readonly #options?: PriceServiceOptions & { requestTimeoutMs: number };
  readonly #now: () => number;
  readonly #onDemand = new Map<string, ReadPrice>();
  readonly #spot = new Map<string, ZonePrices>();
  readonly #health: Record<PriceSourceId, SourceHealth> = {
    'price-list': new SourceHealth(),
    'spot-price-history': new SourceHealth(),
  };
  #pricing?: PricingClient;
  readonly #ec2 = new Map<string, EC2Client>();
  #lastRefresh?: PriceRefreshResult;

  constructor(options: PriceServiceOptions | undefined) {
    this.#options = options && {
      ...options,
      requestTimeoutMs:
        options.requestTimeoutMs ?? DEFAULT_PRICE_REQUEST_TIMEOUT_MS,
    };
    this.#now = options?.now ?? Date.now;
    if (!options) {
      const notConfigured = sourceError(
        new ServiceUnavailableError(
          `AWS prices are not configured; using the shipped on-demand price table of ${FALLBACK_PRICES_AS_OF}`,
        ),
        'NotConfigured',
      );
      this.#health['price-list'].failed(notConfigured);
      this.#health['spot-price-history'].failed(notConfigured);
    }
  }

  /** Prices from the shipped table only, for when AWS is not configured. */
  static fallbackOnly(): PriceService {
    return new PriceService(undefined);
  }

  /**
   * Reads the on-demand and spot prices of these instance types in these
   * regions. Prices read before are kept where a call fails; never throws
   * for upstream failures (see `health`).
   */
  async refresh(
    instanceTypesByRegion: ReadonlyMap<string, ReadonlySet<string>>,
  ): Promise<void> {
    const result = { onDemandPrices: 0, spotPrices: 0, calls: 0 };
    this.#lastRefresh = result;
    if (!this.#options) return;
    const wanted = [...instanceTypesByRegion]
      .map(([region, types]) => ({ region, types: [...types].sort() }))
      .filter(r => r.types.length > 0);
    if (wanted.length === 0) return;
    await Promise.all([
      this.#refreshOnDemand(wanted, result),
      this.#refreshSpot(wanted, result),
    ]);
  }

  /** What the last refresh read, for logs and tests. */
  get lastRefresh(): PriceRefreshResult | undefined {
    return this.#lastRefresh;
  }

  priceOf(node: {
    region: string;
    instanceType: string;
    zone: string;
    capacityType: CapacityType;
  }): NodePriceQuote {
    const onDemand = this.#onDemandOf(node.region, node.instanceType);
    const base = {
      onDemandUsdPerHour: onDemand.usdPerHour,
      onDemandSource: onDemand.source,
    };
    if (node.capacityType === 'spot') {
      const spot = this.#spotOf(node.region, node.instanceType, node.zone);
      if (spot) {
        return {
          ...base,
          usdPerHour: spot.usdPerHour,
          source: 'spot-price-history',
          asOf: spot.asOf,
        };
      }
      // No spot price known: the on-demand price, which overstates the
      // node's cost; the source says so.
      return {
        ...base,
        usdPerHour: onDemand.usdPerHour,
        source: onDemand.source === 'unknown' ? 'unknown' : 'fallback-table',
        asOf: onDemand.asOf,
      };
    }
    // On-demand, and reserved: there is no Reserved Instance or Savings Plan
    // data, so reserved nodes are costed at the on-demand price.
    return {
      ...base,
      usdPerHour: onDemand.usdPerHour,
      source: onDemand.source,
      asOf: onDemand.asOf,
    };
  }

  health(): Record<PriceSourceId, AwsSourceHealth> {
    return {
      'price-list': this.#health['price-list'].get(),
      'spot-price-history': this.#health['spot-price-history'].get(),
    };
  }

  /** Closes the HTTP connections of the clients this service made. */
  destroy(): void {
    if (this.#pricing && !this.#options?.pricingClient) this.#pricing.destroy();
    this.#pricing = undefined;
    for (const client of this.#ec2.values()) client.destroy();
    this.#ec2.clear();
  }

  #onDemandOf(
    region: string,
    instanceType: string,
  ): { usdPerHour: number; source: PriceSource; asOf?: string } {
    const read = this.#onDemand.get(key(region, instanceType));
    if (read) return { ...read, source: 'price-list' };
    const shipped = fallbackOnDemandPrice(region, instanceType);
    if (shipped) {
      return {
        usdPerHour: shipped.usdPerHour,
        source: 'fallback-table',
        asOf: FALLBACK_PRICES_AS_OF,
      };
    }
    return { usdPerHour: 0, source: 'unknown' };
  }

  // The zone's price, else the newest price of any zone of the region.
  #spotOf(
    region: string,
    instanceType: string,
    zone: string,
  ): ReadPrice | undefined {
    const zones = this.#spot.get(key(region, instanceType));
    if (!zones) return undefined;
    const inZone = zones.get(zone);
    if (inZone) return inZone;
    let newest: (ReadPrice & { effectiveAt: number }) | undefined;
    for (const price of zones.values()) {
      if (!newest || price.effectiveAt > newest.effectiveAt) newest = price;
    }
    return newest;
  }

  async #refreshOnDemand(
    wanted: Array<{ region: string; types: string[] }>,
    result: PriceRefreshResult,
  ): Promise<void> {
    const options = this.#options!;
    const client = this.#pricingClient();
    const asOf = new Date(this.#now()).toISOString();
    const pairs = wanted.flatMap(({ region, types }) =>
      types.map(instanceType => ({ region, instanceType })),
    );
    let failure: SerializedError | undefined;
    await forEachLimited(pairs, PRICE_LIST_CONCURRENCY, async pair => {
      try {
        const priceList: unknown[] = [];
        let nextToken: string | undefined;
        for (let page = 0; page < MAX_PAGES; page++) {
          result.calls++;
          const output = await client.send(
            new GetProductsCommand({
              ServiceCode: 'AmazonEC2',
              FormatVersion: 'aws_v1',
              Filters: priceListFilters(pair.region, pair.instanceType),
              MaxResults: 100,
              NextToken: nextToken,
            }),
          );
          priceList.push(...(output.PriceList ?? []));
          nextToken = output.NextToken || undefined;
          if (!nextToken) break;
        }
        const usdPerHour = onDemandUsdPerHour(priceList);
        if (usdPerHour !== undefined) {
          this.#onDemand.set(key(pair.region, pair.instanceType), {
            usdPerHour,
            asOf,
          });
          result.onDemandPrices++;
        }
      } catch (error) {
        failure ??= describeAwsFailure({
          call: 'AWS Price List GetProducts',
          region: options.priceListRegion ?? PRICE_LIST_REGION,
          error,
          timeoutMs: options.requestTimeoutMs,
        });
      }
    });
    this.#settle('price-list', failure);
  }

  async #refreshSpot(
    wanted: Array<{ region: string; types: string[] }>,
    result: PriceRefreshResult,
  ): Promise<void> {
    const options = this.#options!;
    let failure: SerializedError | undefined;
    const now = this.#now();
    const asOf = new Date(now).toISOString();
    await Promise.all(
      wanted.map(async ({ region, types }) => {
        const client = this.#ec2ClientFor(region);
        for (const batch of chunk(types, SPOT_TYPES_PER_CALL)) {
          try {
            const history: SpotPrice[] = [];
            let nextToken: string | undefined;
            for (let page = 0; page < MAX_PAGES; page++) {
              result.calls++;
              // From now: EC2 answers the price in force now per zone.
              const output = await client.send(
                new DescribeSpotPriceHistoryCommand({
                  // Types come from node labels; EC2 answers nothing for unknown ones.
                  InstanceTypes: batch as _InstanceType[],
                  ProductDescriptions: ['Linux/UNIX'],
                  StartTime: new Date(now),
                  MaxResults: 1000,
                  NextToken: nextToken,
                }),
              );
              history.push(...(output.SpotPriceHistory ?? []));
              // EC2 ends a listing with an empty token.
              nextToken = output.NextToken || undefined;
              if (!nextToken) break;
            }
            for (const quote of newestSpotPrices(history)) {
              this.#putSpot(region, quote, asOf);
              result.spotPrices++;
            }
          } catch (error) {
            failure ??= describeAwsFailure({
              call: 'EC2 DescribeSpotPriceHistory',
              region,
              error,
              timeoutMs: options.requestTimeoutMs,
            });
          }
        }
      }),
    );
    this.#settle('spot-price-history', failure);
  }

  #putSpot(region: string, quote: SpotQuote, asOf: string) {
    let zones = this.#spot.get(key(region, quote.instanceType));
    if (!zones) {
      zones = new Map();
      this.#spot.set(key(region, quote.instanceType), zones);
    }
    zones.set(quote.zone, {
      usdPerHour: quote.usdPerHour,
      effectiveAt: quote.effectiveAt,
      asOf,
    });
  }

  #settle(source: PriceSourceId, failure: SerializedError | undefined) {
    if (failure) {
      this.#health[source].failed(failure);
      this.#options?.logger.warn(
        `Price refresh incomplete, keeping the prices read before: ${failure.message}`,
      );
    } else {
      this.#health[source].succeeded(this.#now());
    }
  }

  #pricingClient(): PricingClient {
    const options = this.#options!;
    this.#pricing ??=
      options.pricingClient ??
      new PricingClient(
        awsClientConfig(options.priceListRegion ?? PRICE_LIST_REGION, options),
      );
    return this.#pricing;
  }

  #ec2ClientFor(region: string): EC2Client {
    const options = this.#options!;
    if (options.ec2ClientFor) return options.ec2ClientFor(region);
    let client = this.#ec2.get(region);
    if (!client) {
      client = new EC2Client(awsClientConfig(region, options));
      this.#ec2.set(region, client);
    }
    return client;
  }
}

/** Runs `fn` over the items, at most `limit` at a time. */
async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await fn(item);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
}
