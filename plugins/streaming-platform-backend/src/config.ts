import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  isValidClusterName,
  pipelineRoleArnPatternProblem,
} from '@internal/backstage-plugin-streaming-platform-common';
import { DEFAULT_CPU_TO_MEMORY_PRICE_RATIO } from './analysis/costSplit';
import { RetentionSettings } from './history/types';

/** How the backend authenticates to a cluster's API server. */
export type ClusterAuthProvider = 'serviceAccount' | 'aws' | 'kubeconfig';

/** One configured cluster, as `streamingPlatform.clusters[]` describes it. */
export interface ClusterConfig {
  name: string;
  url?: string;
  authProvider: ClusterAuthProvider;
  serviceAccountToken?: string;
  caData?: string;
  skipTLSVerify: boolean;
  /** The AWS region (EKS tokens, prices, CloudWatch); from the URL when EKS. */
  region?: string;
  /** The MSK cluster whose consumer lag this cluster's pipelines have. */
  mskClusterName?: string;
  /** `kubeconfig`: the file (default: `KUBECONFIG` / ~/.kube/config) and context. */
  kubeconfigPath?: string;
  context?: string;
}

/** Consumer lag from CloudWatch. */
export interface CloudWatchConfig {
  /** Overrides each cluster's region. */
  region?: string;
  /** An endpoint override (a VPC endpoint, or the emulator). */
  endpoint?: string;
  pollIntervalMs: number;
  requestTimeoutMs: number;
  /** How far back the first poll after a start reads (CloudWatch keeps 15 days). */
  backfillMs: number;
}

/** Node prices. */
export interface PricingConfig {
  refreshIntervalMs: number;
  endpoint?: string;
  requestTimeoutMs: number;
  /** OpenCost's split of a node's price between CPU and memory. */
  cpuToMemoryPriceRatio: number;
}

/** The embedded platform emulator's settings. */
export interface EmulatorConfig {
  scenario: string;
  dataDir: string;
  warmupMs: number;
}

/** The plugin's configuration, read once at start-up. */
export interface StreamingPlatformConfig {
  source: 'emulator' | 'clusters';
  emulator: EmulatorConfig;
  clusters: ClusterConfig[];
  cloudWatch: CloudWatchConfig;
  pricing: PricingConfig;
  retention: RetentionSettings;
  /** The lag target of pipelines without the lag-target annotation, seconds. */
  defaultLagTargetSeconds: number;
  /**
   * How many minutes in a row a pipeline must have had at least half its
   * requested vCPU on on-demand nodes to be listed as stuck on on-demand.
   */
  stuckOnDemandMinutes: number;
  selfService: SelfServiceConfig;
}

/** What self-service creation may do. */
export interface SelfServiceConfig {
  applyToCluster: boolean;
  fieldManager: string;
  /** A pattern of `{cluster}`, `{namespace}`, `{name}`; unset: no pipeline can be created. */
  pipelineRoleArn?: string;
}

const SCENARIOS = ['demo', 'demo-node-groups', 'fleet-L'];

const AUTH_PROVIDERS: readonly ClusterAuthProvider[] = [
  'serviceAccount',
  'aws',
  'kubeconfig',
];

const DAY = 86_400_000;

/** A number setting with a default and bounds; out of bounds names the key. */
function bounded(
  config: Config | undefined,
  prefix: string,
  key: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!(value >= min && value <= max)) {
    throw new InputError(`${prefix}.${key} must be between ${min} and ${max}`);
  }
  return value;
}

/**
 * Reads and checks `streamingPlatform`; a mistake stops the backend at
 * start-up with the key that is wrong, rather than surfacing on a request.
 */
export function readStreamingPlatformConfig(
  config: Config,
): StreamingPlatformConfig {
  const root = config.getOptionalConfig('streamingPlatform');
  const clusterConfigs = root?.getOptionalConfigArray('clusters') ?? [];
  const seen = new Set<string>();
  const clusters = clusterConfigs.map((cluster, index) => {
    const key = `streamingPlatform.clusters[${index}]`;
    const name = cluster.getString('name');
    if (!isValidClusterName(name)) {
      throw new InputError(
        `${key}.name '${name}' is invalid: use letters, digits, '-' and '_' (at most 100)`,
      );
    }
    if (seen.has(name)) {
      throw new InputError(`${key}.name '${name}' is used by another cluster`);
    }
    seen.add(name);
    const authProvider = cluster.getString('authProvider');
    if (!AUTH_PROVIDERS.includes(authProvider as ClusterAuthProvider)) {
      throw new InputError(
        `${key}.authProvider '${authProvider}' is not one of ${AUTH_PROVIDERS.join(
          ', ',
        )}`,
      );
    }
    const url = cluster.getOptionalString('url');
    if (url !== undefined && !/^https?:\/\/[^\s]+$/.test(url)) {
      throw new InputError(`${key}.url '${url}' is not an http(s) URL`);
    }
    const region =
      cluster.getOptionalString('region') ??
      /\.([a-z]{2}(?:-[a-z]+)+-\d)\.eks\.amazonaws\.com/.exec(url ?? '')?.[1];
    return {
      name,
      url,
      authProvider: authProvider as ClusterAuthProvider,
      serviceAccountToken: cluster.getOptionalString('serviceAccountToken'),
      caData: cluster.getOptionalString('caData'),
      skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
      region,
      mskClusterName: cluster.getOptionalString('mskClusterName'),
      kubeconfigPath: cluster.getOptionalString('kubeconfigPath'),
      context: cluster.getOptionalString('context'),
    };
  });
  clusters.forEach((cluster, index) => {
    if (cluster.authProvider === 'aws' && (!cluster.url || !cluster.region)) {
      throw new InputError(
        `streamingPlatform.clusters[${index}] uses authProvider 'aws' and needs 'url' and 'region' (or an EKS url that names the region)`,
      );
    }
  });
  const source = root?.getOptionalString('source') ?? 'emulator';
  if (source !== 'emulator' && source !== 'clusters') {
    throw new InputError(
      `streamingPlatform.source '${source}' is not one of emulator, clusters`,
    );
  }
  const emulator = root?.getOptionalConfig('emulator');
  const scenario = emulator?.getOptionalString('scenario') ?? 'demo';
  if (!SCENARIOS.includes(scenario)) {
    throw new InputError(
      `streamingPlatform.emulator.scenario '${scenario}' is not one of ${SCENARIOS.join(
        ', ',
      )}`,
    );
  }
  const warmupMinutes = emulator?.getOptionalNumber('warmupMinutes') ?? 120;
  if (!(warmupMinutes >= 0 && warmupMinutes <= 15 * 24 * 60)) {
    throw new InputError(
      `streamingPlatform.emulator.warmupMinutes must be between 0 and ${
        15 * 24 * 60
      }`,
    );
  }
  const cloudWatch = root?.getOptionalConfig('cloudWatch');
  const pricing = root?.getOptionalConfig('pricing');
  const retention = root?.getOptionalConfig('retention');
  const endpoint = (c: Config | undefined, key: string) => {
    const value = c?.getOptionalString('endpoint');
    if (value !== undefined && !/^https?:\/\/[^\s]+$/.test(value)) {
      throw new InputError(`${key}.endpoint '${value}' is not an http(s) URL`);
    }
    return value;
  };
  return {
    source,
    emulator: {
      scenario,
      dataDir: emulator?.getOptionalString('dataDir') ?? 'data/emulator',
      warmupMs: warmupMinutes * 60_000,
    },
    clusters,
    cloudWatch: {
      region: cloudWatch?.getOptionalString('region'),
      endpoint: endpoint(cloudWatch, 'streamingPlatform.cloudWatch'),
      pollIntervalMs:
        bounded(
          cloudWatch,
          'streamingPlatform.cloudWatch',
          'pollIntervalSeconds',
          60,
          10,
          3600,
        ) * 1000,
      requestTimeoutMs:
        bounded(
          cloudWatch,
          'streamingPlatform.cloudWatch',
          'requestTimeoutSeconds',
          20,
          1,
          120,
        ) * 1000,
      backfillMs:
        bounded(
          cloudWatch,
          'streamingPlatform.cloudWatch',
          'backfillMinutes',
          180,
          0,
          15 * 24 * 60,
        ) * 60_000,
    },
    pricing: {
      refreshIntervalMs:
        bounded(
          pricing,
          'streamingPlatform.pricing',
          'refreshHours',
          6,
          0.1,
          168,
        ) * 3_600_000,
      endpoint: endpoint(pricing, 'streamingPlatform.pricing'),
      requestTimeoutMs:
        bounded(
          pricing,
          'streamingPlatform.pricing',
          'requestTimeoutSeconds',
          30,
          1,
          300,
        ) * 1000,
      cpuToMemoryPriceRatio: bounded(
        pricing,
        'streamingPlatform.pricing',
        'cpuToMemoryPriceRatio',
        DEFAULT_CPU_TO_MEMORY_PRICE_RATIO,
        0.01,
        1000,
      ),
    },
    retention: {
      minuteSamplesMs:
        bounded(
          retention,
          'streamingPlatform.retention',
          'minuteSamplesDays',
          14,
          1,
          90,
        ) * DAY,
      hourlyRollupsMs:
        bounded(
          retention,
          'streamingPlatform.retention',
          'hourlyRollupsDays',
          395,
          1,
          3650,
        ) * DAY,
      eventsMs:
        bounded(
          retention,
          'streamingPlatform.retention',
          'eventsDays',
          90,
          1,
          3650,
        ) * DAY,
    },
    defaultLagTargetSeconds: bounded(
      root,
      'streamingPlatform',
      'defaultLagTargetSeconds',
      60,
      1,
      86_400,
    ),
    // Runs are found in the 48 hours of samples kept in memory.
    stuckOnDemandMinutes: bounded(
      root,
      'streamingPlatform',
      'stuckOnDemandMinutes',
      60,
      1,
      48 * 60,
    ),
    selfService: {
      applyToCluster:
        root?.getOptionalBoolean('selfService.applyToCluster') ??
        source === 'emulator',
      fieldManager: fieldManagerOf(root),
      pipelineRoleArn: pipelineRoleArnOf(root, source),
    },
  };
}

function pipelineRoleArnOf(
  root: Config | undefined,
  source: string,
): string | undefined {
  const value = root?.getOptionalString('selfService.pipelineRoleArn');
  if (value === undefined) {
    // The emulator has no IAM: an all-zero account marks the ARN as made up.
    return source === 'emulator'
      ? 'arn:aws:iam::000000000000:role/flink-{namespace}-{name}'
      : undefined;
  }
  const problem = pipelineRoleArnPatternProblem(value);
  if (problem) {
    throw new InputError(
      `streamingPlatform.selfService.pipelineRoleArn: ${problem}`,
    );
  }
  return value;
}

function fieldManagerOf(root: Config | undefined): string {
  const value =
    root?.getOptionalString('selfService.fieldManager') ??
    'backstage-streaming-platform';
  // Kubernetes takes at most 128 printable characters.
  if (!/^[\x21-\x7e]{1,128}$/.test(value)) {
    throw new InputError(
      'streamingPlatform.selfService.fieldManager must be 1 to 128 printable characters without spaces',
    );
  }
  return value;
}
