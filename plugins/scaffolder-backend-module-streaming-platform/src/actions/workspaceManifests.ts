import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * The Kubernetes objects in a workspace folder: every document of every
 * `.yaml`/`.yml` file in it, kustomization files left out (they list the
 * objects, they are not objects). The folder must lie inside the workspace.
 */
export async function readWorkspaceManifests(
  workspacePath: string,
  folder: string,
): Promise<Array<Record<string, unknown>>> {
  const dir = resolveSafeChildPath(workspacePath, folder);
  let names: string[];
  try {
    names = (await fs.readdir(dir)).sort();
  } catch {
    throw new InputError(
      `manifestsPath '${folder}' is not a folder in the workspace`,
    );
  }
  const objects: Array<Record<string, unknown>> = [];
  for (const name of names) {
    if (!/\.ya?ml$/.test(name) || /^kustomization\.ya?ml$/.test(name)) continue;
    const text = await fs.readFile(path.join(dir, name), 'utf8');
    for (const doc of parseAllDocuments(text)) {
      if (doc.errors.length) {
        throw new InputError(
          `${folder}/${name} is not valid YAML: ${doc.errors[0].message}`,
        );
      }
      const value = doc.toJS();
      if (value === null || value === undefined) continue;
      if (typeof value !== 'object' || Array.isArray(value)) {
        throw new InputError(
          `${folder}/${name} holds a document that is not an object`,
        );
      }
      objects.push(value);
    }
  }
  if (!objects.length) {
    throw new InputError(`manifestsPath '${folder}' holds no manifests`);
  }
  return objects;
}
