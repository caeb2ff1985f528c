import { Filter } from '@aws-sdk/client-pricing';
import { SpotPrice } from '@aws-sdk/client-ec2';
import {
  FALLBACK_ONDEMAND_PRICES,
  OnDemandPrice,
} from '@internal/backstage-plugin-streaming-platform-common';

/*
 * What the AWS price answers mean, as pure functions: the Price List filters
 * of one EC2 on-demand Linux price, the price in its product documents, the
 * newest spot price per instance type and zone, and the shipped table.
 */

/** The Price List filters of an instance type's on-demand Linux, shared-tenancy price. */
export function priceListFilters(
  region: string,
  instanceType: string,
): Filter[] {
  return [
    ['instanceType', instanceType],
    ['regionCode', region],
    ['operatingSystem', 'Linux'],
    ['tenancy', 'Shared'],
    ['preInstalledSw', 'NA'],
    // `Used` is the price of running instances (not capacity reservations).
    ['capacitystatus', 'Used'],
  ].map(([Field, Value]) => ({ Type: 'TERM_MATCH', Field, Value }));
}

/** The parts of a Price List product document read here. */
interface PriceListDocument {
  product?: { attributes?: Record<string, unknown> };
  terms?: {
    OnDemand?: Record<
      string,
      {
        priceDimensions?: Record<
          string,
          { unit?: unknown; pricePerUnit?: { USD?: unknown } }
        >;
      }
    >;
  };
}

/**
 * The hourly USD price in the `PriceList` documents of a GetProducts answer:
 * the `OnDemand` terms' price dimension in `Hrs`. When several products
 * match, those sold on demand (`marketoption: OnDemand`, where the attribute
 * exists) are preferred, then the lowest positive price. Undefined when
 * none has one.
 */
export function onDemandUsdPerHour(
  priceList: readonly unknown[],
): number | undefined {
  const candidates: Array<{ usd: number; onDemandMarket: boolean }> = [];
  for (const item of priceList) {
    let document: PriceListDocument | undefined;
    try {
      // The SDK hands the documents over as JSON strings.
      document = JSON.parse(String(item));
    } catch {
      continue;
    }
    const market = document?.product?.attributes?.marketoption;
    const onDemandMarket = market === undefined || market === 'OnDemand';
    for (const term of Object.values(document?.terms?.OnDemand ?? {})) {
      for (const dimension of Object.values(term?.priceDimensions ?? {})) {
        const usd = Number(dimension?.pricePerUnit?.USD);
        if (dimension?.unit === 'Hrs' && Number.isFinite(usd) && usd > 0) {
          candidates.push({ usd, onDemandMarket });
        }
      }
    }
  }
  const preferred = candidates.some(c => c.onDemandMarket)
    ? candidates.filter(c => c.onDemandMarket)
    : candidates;
  return preferred.length ? Math.min(...preferred.map(c => c.usd)) : undefined;
}

/** A spot price as EC2 published it. */
export interface SpotQuote {
  instanceType: string;
  zone: string;
  usdPerHour: number;
  /** When the price took effect, epoch ms. */
  effectiveAt: number;
}

/** The newest price per instance type and zone of a spot price history. */
export function newestSpotPrices(history: readonly SpotPrice[]): SpotQuote[] {
  const newest = new Map<string, SpotQuote>();
  for (const item of history) {
    const usdPerHour = Number(item.SpotPrice);
    const effectiveAt = item.Timestamp?.getTime();
    if (
      !item.InstanceType ||
      !item.AvailabilityZone ||
      !Number.isFinite(usdPerHour) ||
      usdPerHour <= 0 ||
      effectiveAt === undefined ||
      !Number.isFinite(effectiveAt)
    ) {
      continue;
    }
    const key = `${item.InstanceType}\u0000${item.AvailabilityZone}`;
    const known = newest.get(key);
    if (!known || effectiveAt > known.effectiveAt) {
      newest.set(key, {
        instanceType: item.InstanceType,
        zone: item.AvailabilityZone,
        usdPerHour,
        effectiveAt,
      });
    }
  }
  return [...newest.values()];
}

const FALLBACK_BY_KEY = new Map<string, OnDemandPrice>(
  FALLBACK_ONDEMAND_PRICES.map(p => [`${p.region}\u0000${p.instanceType}`, p]),
);

/** The shipped on-demand price of an instance type in a region, if listed. */
export function fallbackOnDemandPrice(
  region: string,
  instanceType: string,
): OnDemandPrice | undefined {
  return FALLBACK_BY_KEY.get(`${region}\u0000${instanceType}`);
}
