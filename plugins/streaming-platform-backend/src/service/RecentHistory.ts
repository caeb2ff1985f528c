import {
  CostFigures,
  SpotMix,
} from '@internal/backstage-plugin-streaming-platform-common';
import { costFigures } from '../analysis/costAllocation';
import { lagBreachSeconds } from '../analysis/lag';
import { spotMixFromSamples } from '../analysis/spotMix';
import { LagSample, PipelineSample } from '../analysis/types';
import { HistoryStore } from '../history/types';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** What the last two days tell about one pipeline. */
export interface PipelineRecentFigures {
  spotMix24h: SpotMix;
  cost24h: CostFigures;
  costPrevious24h: CostFigures;
  lagBreachSeconds24h: number;
}

/**
 * The last 48 hours of every pipeline's minute samples, kept in memory and
 * extended incrementally from the database (whichever replica wrote them), so
 * dashboards read 24-hour figures without scanning the database per request.
 */
export class RecentHistory {
  readonly #history: HistoryStore;
  readonly #samples = new Map<string, PipelineSample[]>();
  readonly #lag = new Map<string, LagSample[]>();
  readonly #figures = new Map<string, PipelineRecentFigures>();
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
    const cutoff = now - 2 * DAY;
    for (const ref of pipelineRefs) {
      const samples = trim(this.#samples, ref, cutoff);
      const lag = trim(this.#lag, ref, cutoff);
      const last24 = { from: now - DAY, to: now };
      const previous24 = { from: now - 2 * DAY, to: now - DAY };
      this.#figures.set(ref, {
        spotMix24h: spotMixFromSamples(
          samples.filter(s => s.at >= last24.from),
          MINUTE,
        ),
        cost24h: costOver(samples, last24),
        costPrevious24h: costOver(samples, previous24),
        lagBreachSeconds24h: lagBreachSeconds(lag, lagTargets(ref), last24),
      });
    }
    this.#computedAt = now;
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
