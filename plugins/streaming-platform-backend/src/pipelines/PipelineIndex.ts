import {
  DataSourceStatus,
  PipelineListResponse,
} from '@internal/backstage-plugin-streaming-platform-common';
import { ClusterConfig } from '../config';

/** Filters of a pipeline listing. */
export interface PipelineFilter {
  cluster?: string;
}

/**
 * What the backend knows about pipelines, answered from memory.
 *
 * This version ingests nothing: cluster watches and CloudWatch polling are not
 * implemented yet, so the index holds no pipelines and every source says so.
 * Requests never reach a cluster; the watches that will feed this index will.
 */
export class PipelineIndex {
  readonly #clusters: ClusterConfig[];
  readonly #emulator?: { scenario: string; clusters: string[] };

  constructor(options: {
    clusters: ClusterConfig[];
    /** The embedded emulator's clusters, when it is the source. */
    emulator?: { scenario: string; clusters: string[] };
  }) {
    this.#clusters = options.clusters;
    this.#emulator = options.emulator;
  }

  list(filter: PipelineFilter = {}): PipelineListResponse {
    return { items: [], sources: this.sources(filter) };
  }

  private sources(filter: PipelineFilter): DataSourceStatus[] {
    if (this.#emulator) {
      const { scenario } = this.#emulator;
      return this.#emulator.clusters
        .filter(name => !filter.cluster || name === filter.cluster)
        .map(name => ({
          kind: 'kubernetes' as const,
          id: name,
          state: 'not-connected' as const,
          message: `Emulated cluster '${name}' (platform emulator, scenario ${scenario}) is running, but this version of the backend does not watch clusters yet, so it knows no pipelines on it.`,
        }));
    }
    if (this.#clusters.length === 0) {
      return [
        {
          kind: 'kubernetes',
          id: '*',
          state: 'not-connected',
          message:
            'No cluster is configured under streamingPlatform.clusters, and this version of the backend does not watch clusters yet, so it knows no pipelines.',
        },
      ];
    }
    return this.#clusters
      .filter(c => !filter.cluster || c.name === filter.cluster)
      .map(c => ({
        kind: 'kubernetes' as const,
        id: c.name,
        state: 'not-connected' as const,
        message: `Cluster '${c.name}' is configured, but this version of the backend does not watch clusters yet, so it knows no pipelines on it.`,
      }));
  }
}
