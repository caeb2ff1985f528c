import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { JsonObject, isJsonObject } from './json';

/** What the server needs to know of a CustomResourceDefinition's served version. */
export interface CustomResourceDefinitionVersion {
  group: string;
  version: string;
  kind: string;
  plural: string;
  /** The version's `schema.openAPIV3Schema`. */
  schema: JsonObject;
  /** With a status subresource, writes to the main resource leave `status` alone. */
  hasStatusSubresource: boolean;
}

/** The shipped FlinkDeployment CRD (flink-kubernetes-operator 1.15). */
export const FLINK_DEPLOYMENT_CRD_FILE =
  'flinkdeployments.flink.apache.org-v1.yml';

/**
 * The ExternalSecret CRD, external-secrets.io/v1beta1: a hand-written subset
 * of the operator's (see crds/README.md), not an upstream copy.
 */
export const EXTERNAL_SECRET_CRD_FILE =
  'externalsecrets.external-secrets.io-v1beta1-subset.yaml';

/** Finds a file in the package's `crds/` folder, in the source tree and in the built package alike. */
export function findCrdFile(fileName: string): string {
  // Like resolvePackagePath: the package root is where its package.json is.
  const packageRoot = dirname(
    require.resolve('@internal/platform-emulator/package.json'),
  );
  const path = join(packageRoot, 'crds', fileName);
  if (!existsSync(path)) {
    throw new Error(`Cannot find ${path}`);
  }
  return path;
}

const loaded = new Map<string, CustomResourceDefinitionVersion>();

/** Reads one served version of a CRD from its YAML manifest (once per file and version). */
export function loadCrdVersion(
  filePath: string,
  version: string,
): CustomResourceDefinitionVersion {
  const id = `${filePath}#${version}`;
  let definition = loaded.get(id);
  if (!definition) {
    definition = readCrdVersion(filePath, version);
    loaded.set(id, definition);
  }
  return definition;
}

function readCrdVersion(
  filePath: string,
  version: string,
): CustomResourceDefinitionVersion {
  const crd: unknown = parse(readFileSync(filePath, 'utf8'));
  if (!isJsonObject(crd) || !isJsonObject(crd.spec)) {
    throw new Error(`${filePath} is not a CustomResourceDefinition`);
  }
  const { spec } = crd;
  const names = spec.names;
  const versions = spec.versions;
  if (!isJsonObject(names) || !Array.isArray(versions)) {
    throw new Error(`${filePath} has no names or versions`);
  }
  const served = versions.find(
    (candidate: unknown) =>
      isJsonObject(candidate) && candidate.name === version,
  );
  if (!isJsonObject(served) || !isJsonObject(served.schema)) {
    throw new Error(`${filePath} does not serve version ${version}`);
  }
  const schema = served.schema.openAPIV3Schema;
  if (!isJsonObject(schema)) {
    throw new Error(`${filePath} version ${version} has no openAPIV3Schema`);
  }
  return {
    group: String(spec.group),
    version,
    kind: String(names.kind),
    plural: String(names.plural),
    schema,
    hasStatusSubresource:
      isJsonObject(served.subresources) &&
      served.subresources.status !== undefined,
  };
}
