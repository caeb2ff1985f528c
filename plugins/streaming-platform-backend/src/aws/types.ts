import { SerializedError } from '@backstage/errors';
import { CapacityType } from '@internal/backstage-plugin-streaming-platform-common';
import { LagSample, NodePrice } from '../analysis/types';

/** What the lag poller needs to know of a pipeline. */
export interface LagTarget {
  pipelineRef: string;
  region: string;
  mskClusterName: string;
  consumerGroup: string;
  topic: string;
}

/** The state of one upstream AWS source, for per-source freshness. */
export interface AwsSourceHealth {
  state: 'ok' | 'stale' | 'error' | 'starting';
  lastSuccessAt?: string;
  error?: SerializedError;
}

/** Result of one CloudWatch poll. */
export interface LagPollResult {
  samples: LagSample[];
  queries: number;
  calls: number;
}

/** Prices of nodes, refreshed from AWS with the shipped table as fallback. */
export interface NodePriceLookup {
  priceOf(node: {
    region: string;
    instanceType: string;
    zone: string;
    capacityType: CapacityType;
  }): NodePrice;
}
