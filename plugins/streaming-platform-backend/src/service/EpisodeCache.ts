import { ScalingEpisode } from '@internal/backstage-plugin-streaming-platform-common';
import { detectScalingEpisodes } from '../analysis/episodes';
import { HistoryStore, TimeWindow } from '../history/types';

const MINUTE = 60_000;

/** The window the cached episodes cover: the dashboards' "last 24 hours". */
export const EPISODE_WINDOW_MS = 24 * 60 * MINUTE;

/**
 * Detects a pipeline's scaling episodes from its recorded history. Recent
 * episodes are cached per pipeline for a minute, so dashboards do not re-read
 * a day of events on every request.
 */
export class EpisodeCache {
  readonly #history: HistoryStore;
  readonly #ttlMs: number;
  readonly #cache = new Map<
    string,
    { at: number; episodes: Promise<ScalingEpisode[]> }
  >();

  constructor(history: HistoryStore, options: { ttlMs?: number } = {}) {
    this.#history = history;
    this.#ttlMs = options.ttlMs ?? MINUTE;
  }

  /** Episodes of the last 24 hours, at most a minute old. */
  recent(
    pipelineRef: string,
    lagTargetSeconds: number,
    now: number,
  ): Promise<ScalingEpisode[]> {
    const cached = this.#cache.get(pipelineRef);
    if (cached && now - cached.at < this.#ttlMs) return cached.episodes;
    const episodes = this.detect(
      pipelineRef,
      lagTargetSeconds,
      { from: now - EPISODE_WINDOW_MS, to: now },
      now,
    );
    const entry = { at: now, episodes };
    // A failed read is not cached: the next request tries again.
    episodes.catch(() => {
      if (this.#cache.get(pipelineRef) === entry)
        this.#cache.delete(pipelineRef);
    });
    if (!cached) {
      this.#cache.set(pipelineRef, entry);
      return episodes;
    }
    // Stale: answer with what is known while the new read runs.
    cached.at = now;
    episodes.then(
      () => this.#cache.set(pipelineRef, entry),
      () => {},
    );
    return cached.episodes;
  }

  /** Episodes whose decision falls in the window, from the database. */
  async detect(
    pipelineRef: string,
    lagTargetSeconds: number,
    window: TimeWindow,
    now: number,
  ): Promise<ScalingEpisode[]> {
    const cluster = pipelineRef.split('/')[0];
    // Phases reach past the decision: read a margin on both sides.
    const wide = {
      from: window.from - 30 * MINUTE,
      to: window.to + 30 * MINUTE,
    };
    const [events, pods, lag] = await Promise.all([
      this.#history.eventsForPipeline(pipelineRef, wide),
      this.#history.podLifecycles(pipelineRef, wide),
      this.#history.lagSamples([pipelineRef], wide),
    ]);
    const nodeNames = new Set(pods.map(p => p.nodeName).filter(Boolean));
    const nodeClaims = nodeNames.size
      ? (await this.#history.nodeClaimLifecycles(cluster, wide)).filter(
          c => c.nodeName && nodeNames.has(c.nodeName),
        )
      : [];
    return detectScalingEpisodes({
      pipelineRef,
      events,
      pods,
      nodeClaims,
      lag,
      lagTargetSeconds,
      now,
    }).filter(e => {
      const decided = Date.parse(e.decidedAt);
      return decided >= window.from && decided < window.to;
    });
  }
}
