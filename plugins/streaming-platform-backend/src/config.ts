import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { isValidClusterName } from '@internal/backstage-plugin-streaming-platform-common';

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
}

const SCENARIOS = ['demo', 'demo-node-groups', 'fleet-L'];

const AUTH_PROVIDERS: readonly ClusterAuthProvider[] = [
  'serviceAccount',
  'aws',
  'kubeconfig',
];

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
    return {
      name,
      url,
      authProvider: authProvider as ClusterAuthProvider,
      serviceAccountToken: cluster.getOptionalString('serviceAccountToken'),
      caData: cluster.getOptionalString('caData'),
      skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
    };
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
  return {
    source,
    emulator: {
      scenario,
      dataDir: emulator?.getOptionalString('dataDir') ?? 'data/emulator',
      warmupMs: warmupMinutes * 60_000,
    },
    clusters,
  };
}
