import { writeFile } from 'node:fs/promises';
import { stringify } from 'yaml';

export interface KubeconfigOptions {
  /** The API server URL, e.g. `http://127.0.0.1:43125`. */
  server: string;
  /** The bearer token the server expects, if any. */
  token?: string;
  /** Names of the cluster, user and context (default `platform-emulator`). */
  name?: string;
  /** The context's default namespace. */
  namespace?: string;
}

/** A kubeconfig for one cluster, one user and one current context. */
export function kubeconfigYaml(options: KubeconfigOptions): string {
  const name = options.name ?? 'platform-emulator';
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name,
        cluster: {
          server: options.server,
          // The server speaks plain HTTP on loopback. @kubernetes/client-node
          // 2.x refuses http:// URLs unless TLS verification is skipped;
          // kubectl accepts the flag and ignores it for http.
          'insecure-skip-tls-verify': true,
        },
      },
    ],
    users: [{ name, user: options.token ? { token: options.token } : {} }],
    contexts: [
      {
        name,
        context: {
          cluster: name,
          user: name,
          ...(options.namespace ? { namespace: options.namespace } : {}),
        },
      },
    ],
    'current-context': name,
    preferences: {},
  });
}

/**
 * Writes a kubeconfig that `kubectl --kubeconfig <path>` and
 * `KubeConfig.loadFromFile(path)` can use; readable by the owner only, as
 * it may hold a token.
 */
export async function writeKubeconfig(
  path: string,
  options: KubeconfigOptions,
): Promise<void> {
  await writeFile(path, kubeconfigYaml(options), { mode: 0o600 });
}
