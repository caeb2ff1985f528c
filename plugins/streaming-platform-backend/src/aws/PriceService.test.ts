import { mockServices } from '@backstage/backend-test-utils';
import { PlatformEmulator, PriceBook } from '@internal/platform-emulator';
import { createServer } from 'node:net';
import { PriceService, PriceServiceOptions } from './PriceService';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 28, 8);
const credentials = {
  accessKeyId: 'AKIDTEST',
  secretAccessKey: 'not-a-secret',
};

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise(resolve => server.close(resolve));
  return port;
}

const node = (
  instanceType: string,
  capacityType: 'spot' | 'on-demand' | 'reserved',
  zone = 'eu-west-1b',
  region = 'eu-west-1',
) => ({ region, instanceType, zone, capacityType });

describe('PriceService against the emulated Price List and EC2', () => {
  let emulator: PlatformEmulator;
  let book: PriceBook;
  const services: PriceService[] = [];
  const service = (options: Partial<PriceServiceOptions> = {}) => {
    const made = new PriceService({
      endpoint: emulator.aws.url,
      credentials,
      requestTimeoutMs: 5_000,
      logger: mockServices.logger.mock(),
      now: () => emulator.simulation.clock.now(),
      ...options,
    });
    services.push(made);
    return made;
  };
  const wanted = new Map([
    [
      'eu-west-1',
      new Set([
        'm5.large',
        'm6i.xlarge',
        'c6i.xlarge',
        'r6g.2xlarge',
        'x9.none',
      ]),
    ],
    ['us-east-1', new Set(['m5.large'])],
  ]);

  beforeAll(async () => {
    emulator = await PlatformEmulator.start({
      scenario: 'demo',
      clock: 'manual',
      startMs: T0,
    });
    emulator.advance(10 * MINUTE);
    // The demo scenario's one cluster is in eu-west-1.
    book = emulator.simulation.clusters.get('eks-demo-eu-west-1')!.prices;
  });
  afterEach(() => {
    emulator.faults.reset();
    emulator.aws.resetCalls();
  });
  afterAll(async () => {
    for (const s of services) s.destroy();
    await emulator.stop();
  });

  it('reads on-demand prices from the Price List and spot prices per zone from EC2', async () => {
    const prices = service();
    expect(prices.health()['price-list'].state).toBe('starting');
    emulator.aws.resetCalls();
    await prices.refresh(wanted);

    // One GetProducts per type and region; one spot history call per region.
    expect(emulator.aws.calls).toEqual({
      GetProducts: 6,
      DescribeSpotPriceHistory: 2,
    });
    expect(prices.lastRefresh).toEqual({
      onDemandPrices: 4,
      spotPrices: 12,
      calls: 8,
    });
    const now = emulator.simulation.clock.now();
    const asOf = new Date(now).toISOString();
    for (const type of [
      'm5.large',
      'm6i.xlarge',
      'c6i.xlarge',
      'r6g.2xlarge',
    ]) {
      expect(prices.priceOf(node(type, 'on-demand'))).toEqual({
        usdPerHour: book.onDemandUsdPerHour(type),
        source: 'price-list',
        onDemandUsdPerHour: book.onDemandUsdPerHour(type),
        onDemandSource: 'price-list',
        asOf,
      });
      for (const zone of book.zones) {
        const spot = prices.priceOf(node(type, 'spot', zone));
        expect(spot).toMatchObject({
          source: 'spot-price-history',
          onDemandUsdPerHour: book.onDemandUsdPerHour(type),
          onDemandSource: 'price-list',
          asOf,
        });
        expect(spot.usdPerHour).toBeCloseTo(
          book.spotUsdPerHour(type, zone, now)!,
          6,
        );
        expect(spot.usdPerHour).toBeLessThan(spot.onDemandUsdPerHour);
      }
    }
    expect(prices.health()).toEqual({
      'price-list': { state: 'ok', lastSuccessAt: asOf },
      'spot-price-history': { state: 'ok', lastSuccessAt: asOf },
    });
  });

  it('falls back per node: another zone, the shipped table, or unknown', async () => {
    const prices = service();
    await prices.refresh(wanted);
    const now = emulator.simulation.clock.now();

    // A zone without a price: the newest price of any zone of the region.
    const otherZone = prices.priceOf(node('m5.large', 'spot', 'eu-west-1z'));
    expect(otherZone.source).toBe('spot-price-history');
    expect(
      book.zones.map(z => book.spotUsdPerHour('m5.large', z, now)!.toFixed(6)),
    ).toContain(otherZone.usdPerHour.toFixed(6));

    // The demo emulates eu-west-1 only: us-east-1 has no Price List product
    // and no spot history, so the shipped table answers (and overstates spot).
    const table = {
      usdPerHour: 0.096,
      source: 'fallback-table',
      onDemandUsdPerHour: 0.096,
      onDemandSource: 'fallback-table',
      asOf: '2026-07-06',
    };
    expect(
      prices.priceOf(node('m5.large', 'on-demand', 'us-east-1a', 'us-east-1')),
    ).toEqual(table);
    expect(
      prices.priceOf(node('m5.large', 'spot', 'us-east-1a', 'us-east-1')),
    ).toEqual(table);

    // Reserved nodes are costed on demand (no RI data).
    expect(prices.priceOf(node('c6i.xlarge', 'reserved'))).toMatchObject({
      usdPerHour: book.onDemandUsdPerHour('c6i.xlarge'),
      source: 'price-list',
    });

    for (const capacityType of ['spot', 'on-demand', 'reserved'] as const) {
      expect(prices.priceOf(node('x9.none', capacityType))).toEqual({
        usdPerHour: 0,
        source: 'unknown',
        onDemandUsdPerHour: 0,
        onDemandSource: 'unknown',
      });
    }
  });

  it('uses the shipped table and says why when the endpoint is down', async () => {
    const prices = service({
      endpoint: `http://127.0.0.1:${await closedPort()}`,
      maxAttempts: 1,
    });
    await prices.refresh(wanted);

    expect(prices.priceOf(node('m5.large', 'spot'))).toEqual({
      usdPerHour: 0.107,
      source: 'fallback-table',
      onDemandUsdPerHour: 0.107,
      onDemandSource: 'fallback-table',
      asOf: '2026-07-06',
    });
    expect(prices.health()).toEqual({
      'price-list': {
        state: 'error',
        error: {
          name: 'ServiceUnavailableError',
          code: 'ECONNREFUSED',
          message:
            'AWS Price List GetProducts endpoint unreachable (ECONNREFUSED) in us-east-1',
        },
      },
      'spot-price-history': {
        state: 'error',
        error: {
          name: 'ServiceUnavailableError',
          code: 'ECONNREFUSED',
          message: expect.stringMatching(
            /^EC2 DescribeSpotPriceHistory endpoint unreachable \(ECONNREFUSED\) in (eu-west-1|us-east-1)$/,
          ),
        },
      },
    });
  });

  it('keeps the last prices read when a later refresh fails', async () => {
    const prices = service({ requestTimeoutMs: 500, maxAttempts: 1 });
    await prices.refresh(wanted);
    const before = {
      onDemand: prices.priceOf(node('m5.large', 'on-demand')),
      spot: prices.priceOf(node('m5.large', 'spot')),
    };
    const { lastSuccessAt } = prices.health()['price-list'];
    expect(before.onDemand.source).toBe('price-list');
    expect(before.spot.source).toBe('spot-price-history');

    emulator.advance(5 * MINUTE);
    emulator.faults.set({ slowResponsesMs: 2_000 });
    await prices.refresh(wanted);

    expect(prices.priceOf(node('m5.large', 'on-demand'))).toEqual(
      before.onDemand,
    );
    expect(prices.priceOf(node('m5.large', 'spot'))).toEqual(before.spot);
    expect(prices.health()).toEqual({
      'price-list': {
        state: 'stale',
        lastSuccessAt,
        error: {
          name: 'ServiceUnavailableError',
          code: 'TimeoutError',
          message:
            'AWS Price List GetProducts timed out (no answer within 500 ms) in us-east-1',
        },
      },
      'spot-price-history': {
        state: 'stale',
        lastSuccessAt,
        error: expect.objectContaining({ code: 'TimeoutError' }),
      },
    });

    emulator.faults.reset();
    await prices.refresh(wanted);
    expect(prices.health()['price-list']).toEqual({
      state: 'ok',
      lastSuccessAt: new Date(emulator.simulation.clock.now()).toISOString(),
    });
  }, 30_000);

  it('answers from the shipped table only when AWS is not configured', async () => {
    const prices = PriceService.fallbackOnly();
    await prices.refresh(wanted);
    expect(prices.lastRefresh).toEqual({
      onDemandPrices: 0,
      spotPrices: 0,
      calls: 0,
    });
    expect(prices.priceOf(node('r5.xlarge', 'on-demand'))).toEqual({
      usdPerHour: 0.282,
      source: 'fallback-table',
      onDemandUsdPerHour: 0.282,
      onDemandSource: 'fallback-table',
      asOf: '2026-07-06',
    });
    expect(prices.health()['spot-price-history']).toEqual({
      state: 'error',
      error: {
        name: 'ServiceUnavailableError',
        code: 'NotConfigured',
        message:
          'AWS prices are not configured; using the shipped on-demand price table of 2026-07-06',
      },
    });
  });
});
