import { findOwnPaths } from '@backstage/cli-common';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Where the tests find the template and the upstream schemas they check its
 * output against.
 *
 * The schemas live in the project's shared/reference folder, beside the
 * repository (a checkout at /work/main has them at /work/shared/reference).
 * A checkout elsewhere — CI's clean clone in a temporary folder — may point
 * STREAMING_REFERENCE_DIR at a copy. Without either, the FlinkDeployment CRD
 * still comes from the platform emulator, which ships the same upstream
 * file, and the Backstage schemas from the installed packages' own
 * validators.
 */

/** Resolves a path inside this repository. */
export function repoPath(...segments: string[]): string {
  return findOwnPaths(__dirname).resolveRoot(...segments);
}

/** The template's folder. */
export const TEMPLATE_DIR = repoPath('templates', 'flink-streaming-pipeline');

/**
 * The reference folder, or undefined when there is none. A
 * STREAMING_REFERENCE_DIR that does not exist is an error rather than a
 * reason to skip: a typo would otherwise turn checks off silently.
 */
export function findReferenceDir(): string | undefined {
  const configured = process.env.STREAMING_REFERENCE_DIR;
  if (configured) {
    const dir = resolve(configured);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new Error(
        `STREAMING_REFERENCE_DIR is ${configured}, which is not a folder`,
      );
    }
    return dir;
  }
  const beside = repoPath('..', 'shared', 'reference');
  return existsSync(beside) ? beside : undefined;
}

/** A file of the reference folder, or undefined without one. */
export function findReferenceFile(...segments: string[]): string | undefined {
  const dir = findReferenceDir();
  if (!dir) {
    return undefined;
  }
  const path = join(dir, ...segments);
  if (!existsSync(path)) {
    throw new Error(`The reference folder ${dir} has no ${join(...segments)}`);
  }
  return path;
}

const FLINK_DEPLOYMENT_CRD = 'flinkdeployments.flink.apache.org-v1.yml';

/**
 * The FlinkDeployment CRD (Flink Kubernetes Operator 1.15): the reference
 * copy, else the emulator's, found the way the emulator finds it.
 */
export function flinkDeploymentCrdFile(): string {
  const reference = findReferenceFile(
    'flink-kubernetes-operator',
    FLINK_DEPLOYMENT_CRD,
  );
  if (reference) {
    return reference;
  }
  const emulatorRoot = dirname(
    require.resolve('@internal/platform-emulator/package.json'),
  );
  return join(emulatorRoot, 'crds', FLINK_DEPLOYMENT_CRD);
}
