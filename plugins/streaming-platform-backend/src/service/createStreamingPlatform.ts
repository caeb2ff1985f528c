import { LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { LagPoller, PriceService } from '../aws';
import { StreamingPlatformConfig } from '../config';
import { EmbeddedEmulator } from '../emulator';
import { HistoryStore } from '../history/types';
import {
  ClusterConnection,
  ClusterWatcher,
  createKubeConfig,
} from '../kubernetes';
import { SelfService } from './SelfService';
import { PlatformCluster, StreamingPlatform } from './StreamingPlatform';

// The emulator checks no AWS signature; any static key pair will do.
const EMULATOR_CREDENTIALS = {
  accessKeyId: 'AKIAEMULATOR00000000',
  secretAccessKey: 'emulator-secret-not-a-secret',
};

/**
 * Builds the data path for the configured source: the embedded emulator
 * (its clusters over HTTPS with a bearer token, its AWS endpoint) or real
 * clusters and AWS. The same classes run in both; only addresses differ.
 */
export async function createStreamingPlatform(options: {
  settings: StreamingPlatformConfig;
  logger: LoggerService;
  history: HistoryStore;
  catalog: CatalogService;
  emulator?: EmbeddedEmulator;
}): Promise<{ platform: StreamingPlatform; selfService: SelfService }> {
  const { settings, logger, emulator } = options;
  let clusters: Array<PlatformCluster & { connection: ClusterConnection }>;
  let awsEndpoint: { cloudWatch?: string; pricing?: string } = {};
  let credentials: typeof EMULATOR_CREDENTIALS | undefined;
  if (emulator) {
    clusters = emulator.clusters.map(c => ({
      name: c.name,
      region: c.region,
      mskClusterName: c.mskClusterName,
      connection: {
        name: c.name,
        authProvider: 'serviceAccount',
        url: c.url,
        token: emulator.token,
        skipTLSVerify: true,
      },
    }));
    awsEndpoint = { cloudWatch: emulator.awsUrl, pricing: emulator.awsUrl };
    credentials = EMULATOR_CREDENTIALS;
  } else {
    clusters = settings.clusters.map(c => ({
      name: c.name,
      region: c.region ?? settings.cloudWatch.region ?? '',
      mskClusterName: c.mskClusterName,
      connection: connectionOf(c),
    }));
    awsEndpoint = {
      cloudWatch: settings.cloudWatch.endpoint,
      pricing: settings.pricing.endpoint,
    };
  }
  const kubeConfigs = new Map(
    await Promise.all(
      clusters.map(
        async c => [c.name, await createKubeConfig(c.connection)] as const,
      ),
    ),
  );
  const anyAws =
    !!emulator || clusters.some(c => c.region) || !!settings.cloudWatch.region;
  const platform = new StreamingPlatform({
    settings,
    logger,
    history: options.history,
    catalog: options.catalog,
    clusters,
    createWatcher: (cluster, sink) =>
      new ClusterWatcher({
        cluster: cluster.name,
        kubeConfig: kubeConfigs.get(cluster.name)!,
        sink,
        logger: logger.child({ cluster: cluster.name }),
      }),
    lagPoller: new LagPoller({
      endpoint: awsEndpoint.cloudWatch,
      credentials,
      requestTimeoutMs: settings.cloudWatch.requestTimeoutMs,
      logger,
    }),
    prices: anyAws
      ? new PriceService({
          endpoint: awsEndpoint.pricing,
          credentials,
          requestTimeoutMs: settings.pricing.requestTimeoutMs,
          logger,
        })
      : PriceService.fallbackOnly(),
    origin: { emulatorScenario: emulator?.scenario },
  });
  const selfService = new SelfService({
    ctx: platform.context,
    catalog: options.catalog,
    clusters,
    kubeConfigs,
    config: settings.selfService,
    logger: logger.child({ task: 'self-service' }),
  });
  return { platform, selfService };
}

function connectionOf(
  c: StreamingPlatformConfig['clusters'][number],
): ClusterConnection {
  switch (c.authProvider) {
    case 'kubeconfig':
      return {
        name: c.name,
        authProvider: 'kubeconfig',
        kubeconfigPath: c.kubeconfigPath,
        context: c.context,
      };
    case 'aws':
      return {
        name: c.name,
        authProvider: 'aws',
        url: c.url!,
        region: c.region!,
        caData: c.caData,
        skipTLSVerify: c.skipTLSVerify,
      };
    default:
      return {
        name: c.name,
        authProvider: 'serviceAccount',
        url: c.url,
        token: c.serviceAccountToken,
        caData: c.caData,
        skipTLSVerify: c.skipTLSVerify,
      };
  }
}
