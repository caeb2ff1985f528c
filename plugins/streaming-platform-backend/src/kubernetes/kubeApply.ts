import { InputError } from '@backstage/errors';
import { KubeConfig } from '@kubernetes/client-node';
import http from 'node:http';
import https from 'node:https';
import {
  KubeCallName,
  kubeStatusError,
  kubeTransportError,
} from './kubeErrors';

/** What a server-side apply left: the object as the server now has it. */
export interface AppliedObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
  };
}

/**
 * Server-side-applies one object (PATCH with `application/apply-patch+yaml`;
 * JSON is YAML) with the KubeConfig's TLS settings and credentials, as the
 * given field manager, forcing conflicts (the template owns what it
 * generated). `dryRun` asks the server to validate and admit without
 * storing. Rejects with typed errors; a 400 or 422 carries the API server's
 * own reason (`spec.job.parallelism: Invalid value…`), which names the
 * field and holds only what was sent.
 */
export async function kubeApply(
  kubeConfig: KubeConfig,
  path: string,
  object: unknown,
  options: {
    call: KubeCallName;
    fieldManager: string;
    dryRun: boolean;
    signal: AbortSignal;
  },
): Promise<{ object: AppliedObject; created: boolean }> {
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) {
    throw new InputError(
      `Kubernetes API could not ${options.call}: the kubeconfig has no current cluster`,
    );
  }
  const url = new URL(cluster.server.replace(/\/+$/, '') + path);
  url.searchParams.set('fieldManager', options.fieldManager);
  url.searchParams.set('force', 'true');
  if (options.dryRun) url.searchParams.set('dryRun', 'All');
  const body = Buffer.from(JSON.stringify(object));
  const requestOptions: https.RequestOptions = {
    method: 'PATCH',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/apply-patch+yaml',
      'Content-Length': body.length,
    },
  };
  try {
    await kubeConfig.applyToHTTPSOptions(requestOptions);
  } catch (error) {
    throw kubeTransportError(options.call, error);
  }
  const send = url.protocol === 'http:' ? http.request : https.request;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      { ...requestOptions, signal: options.signal },
      response => {
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', error =>
          reject(kubeTransportError(options.call, error)),
        );
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (status === 200 || status === 201) {
            try {
              resolve({
                object: JSON.parse(text) as AppliedObject,
                created: status === 201,
              });
            } catch (error) {
              reject(kubeTransportError(options.call, error));
            }
            return;
          }
          const typed = kubeStatusError(options.call, status);
          const reason =
            status === 400 || status === 422 ? statusMessage(text) : undefined;
          reject(
            reason && typed instanceof InputError
              ? new InputError(`${typed.message}: ${reason}`)
              : typed,
          );
        });
      },
    );
    request.on('error', error =>
      reject(
        kubeTransportError(
          options.call,
          options.signal.aborted ? options.signal.reason ?? error : error,
        ),
      ),
    );
    request.end(body);
  });
}

/** The `message` of a Kubernetes Status, single-line and bounded. */
function statusMessage(text: string): string | undefined {
  try {
    const parsed = JSON.parse(text) as { kind?: unknown; message?: unknown };
    if (parsed.kind !== 'Status' || typeof parsed.message !== 'string') {
      return undefined;
    }
    return parsed.message.replace(/\s+/g, ' ').slice(0, 500);
  } catch {
    return undefined;
  }
}
