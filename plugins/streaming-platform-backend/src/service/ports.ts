import {
  AwsSourceHealth,
  LagPollResult,
  LagTarget,
  NodePriceLookup,
} from '../aws/types';
import { ClusterWatchHealth } from '../kubernetes/types';

/*
 * What the composition needs of the sources. The Kubernetes watchers, the
 * CloudWatch poller and the price service implement these; tests and the
 * benchmark use the same real classes against the emulator.
 */

export interface ClusterWatcherPort {
  start(): void;
  stop(): Promise<void> | void;
  health(): ClusterWatchHealth;
}

export interface LagPollerPort {
  poll(
    targets: LagTarget[],
    window: { from: number; to: number },
  ): Promise<LagPollResult>;
  /** Health per region this poller has polled. */
  health(region: string): AwsSourceHealth | undefined;
}

export interface PriceServicePort extends NodePriceLookup {
  refresh(instanceTypesByRegion: Map<string, Set<string>>): Promise<void>;
  health(): Record<'price-list' | 'spot-price-history', AwsSourceHealth>;
}
