import { SerializedError } from '@backstage/errors';
import { DataSourceStatus } from '@internal/backstage-plugin-streaming-platform-common';
import { AwsSourceHealth } from '../aws/types';
import { ClusterWatchHealth } from '../kubernetes/types';

/*
 * Per-source freshness for answers: every response says, per source behind
 * it, whether its data is current, and if not, since when and why.
 */

const iso = (ms: number | undefined) =>
  ms === undefined ? undefined : new Date(ms).toISOString();

/** Where the data comes from, for messages: the emulator says so. */
export interface SourceOrigin {
  emulatorScenario?: string;
}

/** Marks what the emulator answered, so the UI can show its banner. */
const marked = (status: DataSourceStatus, origin: SourceOrigin) =>
  origin.emulatorScenario ? { ...status, emulated: true } : status;

export function kubernetesSource(
  health: ClusterWatchHealth,
  origin: SourceOrigin,
): DataSourceStatus {
  return marked(kubernetesStatus(health, origin), origin);
}

function kubernetesStatus(
  health: ClusterWatchHealth,
  origin: SourceOrigin,
): DataSourceStatus {
  const what = origin.emulatorScenario
    ? `Emulated cluster '${health.cluster}' (platform emulator, scenario ${origin.emulatorScenario})`
    : `Cluster '${health.cluster}'`;
  const base = {
    kind: 'kubernetes' as const,
    id: health.cluster,
    lastSuccessAt: health.lastSuccessAt,
    ...(health.error ? { error: health.error } : {}),
  };
  switch (health.state) {
    case 'ok':
      return {
        ...base,
        state: 'ok',
        message: `${what}: watching; data is current.`,
      };
    case 'stale':
      return {
        ...base,
        state: 'stale',
        message: `${what}: the watch is reconnecting; showing the last data seen${
          health.lastSuccessAt ? ` (in sync at ${health.lastSuccessAt})` : ''
        }.`,
      };
    case 'starting':
      return {
        ...base,
        state: 'stale',
        message: `${what}: reading the cluster for the first time.`,
      };
    default:
      return {
        ...base,
        state: 'error',
        message: `${what}: cannot be read${
          health.error ? `: ${health.error.message}` : ''
        }.`,
      };
  }
}

export function cloudWatchSource(
  options: Parameters<typeof cloudWatchStatus>[0],
): DataSourceStatus {
  return marked(cloudWatchStatus(options), options.origin);
}

function cloudWatchStatus(options: {
  region: string;
  /** This instance's poller health, when it has polled. */
  health?: AwsSourceHealth;
  /** The newest lag minute known (from any replica's poll). */
  newestAt?: number;
  now: number;
  pollIntervalMs: number;
  origin: SourceOrigin;
}): DataSourceStatus {
  const { region, health, newestAt, now, pollIntervalMs } = options;
  const what = options.origin.emulatorScenario
    ? `CloudWatch lag in ${region} (platform emulator)`
    : `CloudWatch lag (AWS/Kafka) in ${region}`;
  // CloudWatch publishes MSK metrics a few minutes late.
  const fresh =
    newestAt !== undefined && now - newestAt <= 3 * pollIntervalMs + 5 * 60_000;
  const error: SerializedError | undefined = health?.error;
  const lastSuccessAt = health?.lastSuccessAt ?? iso(newestAt);
  if (health?.state === 'error' || health?.state === 'stale') {
    return {
      kind: 'cloudwatch',
      id: region,
      state: newestAt === undefined ? 'error' : 'stale',
      message: `${what}: the last poll failed${
        error ? ` (${error.message})` : ''
      }; ${
        newestAt === undefined
          ? 'no lag data yet.'
          : `showing lag up to ${iso(newestAt)}.`
      }`,
      lastSuccessAt,
      ...(error ? { error } : {}),
    };
  }
  if (newestAt === undefined) {
    return {
      kind: 'cloudwatch',
      id: region,
      state: 'stale',
      message: `${what}: no lag data yet; the first poll has not completed.`,
    };
  }
  return {
    kind: 'cloudwatch',
    id: region,
    state: fresh ? 'ok' : 'stale',
    message: fresh
      ? `${what}: polled every ${Math.round(
          pollIntervalMs / 1000,
        )} s; newest minute ${iso(newestAt)}.`
      : `${what}: no new lag since ${iso(newestAt)}.`,
    lastSuccessAt,
  };
}

export function pricesSource(
  id: 'price-list' | 'spot-price-history',
  health: AwsSourceHealth,
  origin: SourceOrigin,
): DataSourceStatus {
  return marked(pricesStatus(id, health, origin), origin);
}

function pricesStatus(
  id: 'price-list' | 'spot-price-history',
  health: AwsSourceHealth,
  origin: SourceOrigin,
): DataSourceStatus {
  const what =
    id === 'price-list'
      ? 'On-demand prices (AWS Price List)'
      : 'Spot prices (EC2 spot price history)';
  const from = origin.emulatorScenario ? ' from the platform emulator' : '';
  const state = health.state === 'starting' ? 'stale' : health.state;
  return {
    kind: 'prices',
    id,
    state,
    message:
      state === 'ok'
        ? `${what}${from}: current. Cost figures are estimates.`
        : `${what}${from}: not available${
            health.error ? ` (${health.error.message})` : ''
          }; cost uses ${
            health.lastSuccessAt
              ? `prices read at ${health.lastSuccessAt}`
              : 'the shipped on-demand price table'
          }.`,
    ...(health.lastSuccessAt ? { lastSuccessAt: health.lastSuccessAt } : {}),
    ...(health.error ? { error: health.error } : {}),
  };
}

export function databaseSource(health: {
  lastSuccessAt?: number;
  error?: SerializedError;
  pending: number;
}): DataSourceStatus {
  if (health.error) {
    return {
      kind: 'database',
      id: 'history',
      state: 'stale',
      message: `History cannot be written right now; ${health.pending} records wait and will be written when the database is back.`,
      lastSuccessAt: iso(health.lastSuccessAt),
      error: health.error,
    };
  }
  return {
    kind: 'database',
    id: 'history',
    state: 'ok',
    message: 'History is recorded in the Backstage database.',
    ...(health.lastSuccessAt
      ? { lastSuccessAt: iso(health.lastSuccessAt) }
      : {}),
  };
}

/** A failed read of history degrades the panel, not the answer. */
export function databaseReadError(error: unknown): DataSourceStatus {
  const e = error as Error;
  return {
    kind: 'database',
    id: 'history',
    state: 'error',
    message: `History could not be read: ${e?.message ?? String(error)}`,
    error: { name: e?.name ?? 'Error', message: e?.message ?? String(error) },
  };
}
