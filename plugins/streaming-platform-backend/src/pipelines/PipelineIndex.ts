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

  constructor(options: { clusters: ClusterConfig[] }) {
    this.#clusters = options.clusters;
  }

  list(filter: PipelineFilter = {}): PipelineListResponse {
    return { items: [], sources: this.sources(filter) };
  }

  private sources(filter: PipelineFilter): DataSourceStatus[] {
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
