import { LoggerService } from '@backstage/backend-plugin-api';
import { PlatformEmulator } from '@internal/platform-emulator';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { EmulatorConfig } from './config';

/** The emulator the backend started, as the rest of the plugin sees it. */
export interface EmbeddedEmulator {
  scenario: string;
  clusters: Array<{
    name: string;
    url: string;
    region: string;
    mskClusterName: string;
    kubeconfigPath?: string;
  }>;
  awsUrl: string;
  /** The bearer token its Kubernetes APIs require (random per start). */
  token: string;
  stop(): Promise<void>;
}

/**
 * Starts the platform emulator in this process on loopback, on the wall
 * clock, with `warmupMs` of history, and writes its kubeconfig files to the
 * data folder so kubectl (and the backend) can reach the emulated clusters.
 */
export async function startEmbeddedEmulator(
  config: EmulatorConfig,
  logger: LoggerService,
): Promise<EmbeddedEmulator> {
  const started = Date.now();
  const dataDir = path.resolve(config.dataDir);
  // The backend reads the emulated clusters the way it reads real ones: with
  // a bearer token. A fresh one per start; it guards loopback ports only.
  const token = randomBytes(24).toString('base64url');
  const emulator = await PlatformEmulator.start({
    scenario: config.scenario,
    clock: 'wall',
    warmupMs: config.warmupMs,
    kubeconfigDir: dataDir,
    token,
  });
  for (const cluster of emulator.clusters) {
    logger.info(
      `Platform emulator (${config.scenario}): cluster ${cluster.name} at ${cluster.url}; kubectl --kubeconfig ${cluster.kubeconfigPath} get pods -A`,
    );
  }
  logger.info(
    `Platform emulator (${config.scenario}): AWS endpoint ${
      emulator.aws.url
    }; started with ${Math.round(config.warmupMs / 60_000)} min of history in ${
      Date.now() - started
    } ms`,
  );
  return {
    scenario: config.scenario,
    clusters: emulator.clusters.map(c => ({
      name: c.name,
      url: c.url,
      region: c.region,
      mskClusterName: c.mskClusterName,
      kubeconfigPath: c.kubeconfigPath,
    })),
    awsUrl: emulator.aws.url,
    token,
    stop: () => emulator.stop(),
  };
}
