import {
  CostFigures,
  LagSparkline,
  SpotMix,
} from '@internal/backstage-plugin-streaming-platform-common';
import { costFigures } from '../analysis/costAllocation';
import {
  DailyCost,
  dailyCostsFromSamples,
  mergeDailyCosts,
  utcDayStart,
} from '../analysis/dailyCost';
import {
  lagBreachCount,
  lagBreachSeconds,
  maxLagPerStep,
} from '../analysis/lag';
import { currentOnDemandRun, OnDemandRun } from '../analysis/onDemandRun';
import { spotMixFromSamples } from '../analysis/spotMix';
import { LagSample, PipelineSample } from '../analysis/types';
import { HistoryStore } from '../history/types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** How often the older days' costs are re-read: as often as rollups run. */
const DAILY_COSTS_TTL_MS = 15 * MINUTE;

/** One UTC day's cost of a pipeline, as the team dashboard shows it. */
export interface DayCost {
  /** `YYYY-MM-DD`. */
  day: string;
  usd: number;
  onDemandEquivalentUsd: number;
  /** Recorded minutes the figure is made of (1,440 for a whole day). */
  minutes: number;
}

/** What the last two days (and the week's daily costs) tell about one pipeline. */
export interface PipelineRecentFigures {
  spotMix24h: SpotMix;
  cost24h: CostFigures;
  costPrevious24h: CostFigures;
  lagBreachSeconds24h: number;
  /** How often lag went above the target in the last 24 hours. */
  lagBreaches24h: number;
  /** The highest time lag of each of the last 24 clock hours (the last one so far), oldest first. */
  lagSparkline: LagSparkline;
  /** Cost of each of the last 7 UTC days (today so far) that has recorded minutes, oldest first. */
  costPerDay7d: DayCost[];
  /** The current run of minutes with at least half the vCPU on on-demand, if any. */
  onDemandRun?: OnDemandRun;
}

/**
 * The last 48 hours of every pipeline's minute samples, kept in memory and
 * extended incrementally from the database (whichever replica wrote them), so
 * dashboards read 24-hour figures without scanning the database per request.
 * Daily costs of the week before today come from the hourly rollups, read
 * for all pipelines in one query at most every 15 minutes; yesterday's and
 * today's from the minute samples held here.
 */
export class RecentHistory {
  readonly #history: HistoryStore;
  readonly #samples = new Map<string, PipelineSample[]>();
  readonly #lag = new Map<string, LagSample[]>();
  readonly #figures = new Map<string, PipelineRecentFigures>();
  /** Per pipeline: each day's cost from the hourly rollups (6 days before today). */
  #olderDays = new Map<string, DailyCost[]>();
  #olderDaysRead?: { at: number; today: number; refs: Set<string> };
  #loadedUntil?: number;
  #computedAt?: number;

  constructor(history: HistoryStore) {
    this.#history = history;
  }

  /**
   * Reads what was recorded since the last refresh (48 h on the first), for
   * the given pipelines, and recomputes the 24-hour figures.
   */
  async refresh(
    pipelineRefs: string[],
    now: number,
    lagTargets: (ref: string) => number,
  ): Promise<void> {
    // Samples of the last few minutes may still be written (lag arrives late).
    const from =
      this.#loadedUntil === undefined
        ? now - 2 * DAY
        : Math.max(now - 2 * DAY, this.#loadedUntil - 15 * MINUTE);
    const window = { from, to: now + MINUTE };
    const chunks: string[][] = [];
    for (let i = 0; i < pipelineRefs.length; i += 200) {
      chunks.push(pipelineRefs.slice(i, i + 200));
    }
    for (const refs of chunks) {
      const [samples, lag] = await Promise.all([
        this.#history.pipelineSamples(refs, window),
        this.#history.lagSamples(refs, window),
      ]);
      merge(this.#samples, samples, from);
      merge(this.#lag, lag, from);
    }
    this.#loadedUntil = now;
    const today = utcDayStart(now);
    await this.#readOlderDays(pipelineRefs, now, today);
    const cutoff = now - 2 * DAY;
    const last24 = { from: now - DAY, to: now };
    const previous24 = { from: now - 2 * DAY, to: now - DAY };
    // The last 24 clock hours, the current one so far.
    const firstHour = Math.floor(now / HOUR) * HOUR - 23 * HOUR;
    const hours = { from: firstHour, to: firstHour + 24 * HOUR };
    const firstHourIso = new Date(hours.from).toISOString();
    // Yesterday and today lie wholly in the 48 hours held in memory.
    const recentDays = { from: today - DAY, to: now + MINUTE };
    for (const [i, ref] of pipelineRefs.entries()) {
      // A fleet's figures take a while (~0.3 ms a pipeline): let requests
      // in between, rather than stall them all at once.
      if (i > 0 && i % 100 === 0) await new Promise(setImmediate);
      const samples = trim(this.#samples, ref, cutoff);
      const lag = trim(this.#lag, ref, cutoff);
      const target = lagTargets(ref);
      const onDemandRun = currentOnDemandRun(samples, { now });
      this.#figures.set(ref, {
        spotMix24h: spotMixFromSamples(
          samples.filter(s => s.at >= last24.from),
          MINUTE,
        ),
        cost24h: costOver(samples, last24),
        costPrevious24h: costOver(samples, previous24),
        lagBreachSeconds24h: lagBreachSeconds(lag, target, last24),
        lagBreaches24h: lagBreachCount(lag, target, last24),
        lagSparkline: {
          from: firstHourIso,
          stepSeconds: HOUR / 1000,
          timeLagSeconds: maxLagPerStep(lag, hours, HOUR).map(p =>
            p.timeLagSeconds === undefined
              ? null
              : Math.round(p.timeLagSeconds * 10) / 10,
          ),
        },
        costPerDay7d: mergeDailyCosts(
          this.#olderDays.get(ref) ?? [],
          dailyCostsFromSamples(samples, recentDays),
        ).map(dayCost),
        ...(onDemandRun ? { onDemandRun } : {}),
      });
    }
    this.#computedAt = now;
  }

  /**
   * The six days before today from the hourly rollups, for every pipeline in
   * one query; re-read when the day turns, a pipeline is new, or after 15
   * minutes (rollups run every 15). Yesterday is read too: when its minute
   * samples are past retention, its rollups still know it.
   */
  async #readOlderDays(refs: string[], now: number, today: number) {
    const read = this.#olderDaysRead;
    if (
      read &&
      read.today === today &&
      now - read.at < DAILY_COSTS_TTL_MS &&
      refs.every(ref => read.refs.has(ref))
    ) {
      return;
    }
    const rows = await this.#history.dailyPipelineCosts(refs, {
      from: today - 6 * DAY,
      to: today,
    });
    const byRef = new Map<string, DailyCost[]>();
    for (const { pipelineRef, ...cost } of rows) {
      const list = byRef.get(pipelineRef) ?? [];
      list.push(cost);
      byRef.set(pipelineRef, list);
    }
    this.#olderDays = byRef;
    this.#olderDaysRead = { at: now, today, refs: new Set(refs) };
  }

  figures(ref: string): PipelineRecentFigures | undefined {
    return this.#figures.get(ref);
  }

  get computedAt(): number | undefined {
    return this.#computedAt;
  }
}

function merge<T extends { pipelineRef: string; at: number }>(
  target: Map<string, T[]>,
  rows: T[],
  from: number,
) {
  const byRef = new Map<string, T[]>();
  for (const row of rows) {
    let list = byRef.get(row.pipelineRef);
    if (!list) byRef.set(row.pipelineRef, (list = []));
    list.push(row);
  }
  for (const [ref, fresh] of byRef) {
    // Rows from `from` on are replaced by what the database says now.
    const kept = (target.get(ref) ?? []).filter(r => r.at < from);
    fresh.sort((a, b) => a.at - b.at);
    target.set(ref, kept.concat(fresh));
  }
}

function trim<T extends { at: number }>(
  map: Map<string, T[]>,
  ref: string,
  cutoff: number,
): T[] {
  const list = map.get(ref) ?? [];
  let start = 0;
  while (start < list.length && list[start].at < cutoff) start++;
  const trimmed = start ? list.slice(start) : list;
  if (start) map.set(ref, trimmed);
  return trimmed;
}

function dayCost(cost: DailyCost): DayCost {
  return {
    day: new Date(cost.day).toISOString().slice(0, 10),
    usd: cost.usd,
    onDemandEquivalentUsd: cost.onDemandUsd,
    minutes: cost.minutes,
  };
}

/** Each minute sample is a cost rate held for one minute. */
function costOver(
  samples: PipelineSample[],
  window: { from: number; to: number },
): CostFigures {
  let usd = 0;
  let onDemand = 0;
  const sources = new Set<PipelineSample['priceSources'][number]>();
  for (const s of samples) {
    if (s.at < window.from || s.at >= window.to) continue;
    usd += s.costUsdPerHour / 60;
    onDemand += s.onDemandUsdPerHour / 60;
    for (const source of s.priceSources) sources.add(source);
  }
  return costFigures(usd, onDemand, sources);
}
