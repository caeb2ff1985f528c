import { closeTo } from '../analysis/__testUtils__/closeTo';
import { LagSample, PipelineSample } from '../analysis/types';
import { DailyPipelineCost, HistoryStore, TimeWindow } from '../history/types';
import { RecentHistory } from './RecentHistory';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const D = Date.UTC(2026, 10, 28);
const REF = 'c1/payments/orders';
const OTHER = 'c1/risk/fraud';

const minutes = (from: number, count: number, cost: number) =>
  Array.from(
    { length: count },
    (_, i): PipelineSample => ({
      pipelineRef: REF,
      at: from + i * MIN,
      parallelism: 2,
      taskManagers: 1,
      vcpuByCapacityType: { spot: 0, 'on-demand': 2, reserved: 0 },
      costUsdPerHour: cost,
      onDemandUsdPerHour: cost * 2,
      priceSources: ['price-list'],
    }),
  );

const lag = (at: number, timeLagSeconds: number): LagSample => ({
  pipelineRef: REF,
  at,
  timeLagSeconds,
});

/** A history with these samples and rollups, counting the rollup reads. */
function fakeHistory(options: {
  samples: PipelineSample[];
  lag: LagSample[];
  daily: DailyPipelineCost[];
}) {
  const within = <T extends { pipelineRef: string; at: number }>(
    rows: T[],
    refs: string[],
    w: TimeWindow,
  ) =>
    rows.filter(
      r => refs.includes(r.pipelineRef) && r.at >= w.from && r.at < w.to,
    );
  const dailyPipelineCosts = jest.fn(async () => options.daily);
  const history = {
    pipelineSamples: async (refs: string[], w: TimeWindow) =>
      within(options.samples, refs, w),
    lagSamples: async (refs: string[], w: TimeWindow) =>
      within(options.lag, refs, w),
    dailyPipelineCosts,
  } as unknown as HistoryStore;
  return { history, dailyPipelineCosts };
}

describe('RecentHistory', () => {
  // 10:00:30 on day D.
  const now = D + 10 * HOUR + 30_000;
  const { history, dailyPipelineCosts } = fakeHistory({
    samples: [
      // Yesterday 00:00–00:59 at $6/h: $6. Today 09:00–09:59 at $12/h: $12,
      // all of it on on-demand nodes.
      ...minutes(D - DAY, 60, 6),
      ...minutes(D + 9 * HOUR, 60, 12),
    ],
    lag: [
      lag(D + 8 * HOUR + 10 * MIN, 100),
      lag(D + 8 * HOUR + 20 * MIN, 10),
      lag(D + 9 * HOUR + 30 * MIN, 200),
    ],
    daily: [
      {
        pipelineRef: REF,
        day: D - 3 * DAY,
        usd: 24,
        onDemandUsd: 48,
        minutes: 1440,
      },
      // Rollups of yesterday made of fewer minutes than memory holds
      { pipelineRef: REF, day: D - DAY, usd: 1, onDemandUsd: 2, minutes: 30 },
    ],
  });
  const recent = new RecentHistory(history);

  it("computes a pipeline's sparkline, breaches, daily costs and on-demand run", async () => {
    await recent.refresh([REF, OTHER], now, () => 60);
    expect(dailyPipelineCosts).toHaveBeenCalledTimes(1);
    expect(dailyPipelineCosts).toHaveBeenCalledWith([REF, OTHER], {
      from: D - 6 * DAY,
      to: D,
    });
    const figures = recent.figures(REF)!;
    // 24 clock hours from 11:00 the day before to 10:00 (the current hour).
    expect(figures.lagSparkline.from).toBe(
      new Date(D - 13 * HOUR).toISOString(),
    );
    expect(figures.lagSparkline.stepSeconds).toBe(3600);
    expect(figures.lagSparkline.timeLagSeconds).toHaveLength(24);
    expect(figures.lagSparkline.timeLagSeconds.slice(21)).toStrictEqual([
      100,
      200,
      null,
    ]);
    expect(figures.lagBreaches24h).toBe(2);
    expect(figures.lagBreachSeconds24h).toBe(120);
    expect(figures.costPerDay7d).toEqual(
      closeTo([
        {
          day: '2026-11-25',
          usd: 24,
          onDemandEquivalentUsd: 48,
          minutes: 1440,
        },
        { day: '2026-11-27', usd: 6, onDemandEquivalentUsd: 12, minutes: 60 },
        { day: '2026-11-28', usd: 12, onDemandEquivalentUsd: 24, minutes: 60 },
      ]),
    );
    expect(figures.onDemandRun).toEqual({
      since: D + 9 * HOUR,
      until: D + 9 * HOUR + 59 * MIN,
      minutes: 60,
    });
    // Nothing recorded: no lag, no days, no run.
    const other = recent.figures(OTHER)!;
    expect(other.lagSparkline.timeLagSeconds).toStrictEqual(
      new Array(24).fill(null),
    );
    expect(other.lagBreaches24h).toBe(0);
    expect(other.costPerDay7d).toEqual([]);
    expect(other.onDemandRun).toBeUndefined();
  });

  it('re-reads the older days when they may have changed, not every refresh', async () => {
    dailyPipelineCosts.mockClear();
    await recent.refresh([REF, OTHER], now + 30_000, () => 60);
    expect(dailyPipelineCosts).not.toHaveBeenCalled();
    // A new pipeline
    await recent.refresh([REF, OTHER, 'c1/x/y'], now + 60_000, () => 60);
    expect(dailyPipelineCosts).toHaveBeenCalledTimes(1);
    // 15 minutes on (rollups run every 15)
    await recent.refresh([REF], now + 16 * MIN, () => 60);
    expect(dailyPipelineCosts).toHaveBeenCalledTimes(2);
    // The next day
    await recent.refresh([REF], D + DAY + MIN, () => 60);
    expect(dailyPipelineCosts).toHaveBeenCalledTimes(3);
    expect(dailyPipelineCosts).toHaveBeenLastCalledWith([REF], {
      from: D - 5 * DAY,
      to: D + DAY,
    });
  });
});
