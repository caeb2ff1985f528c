import { KubeConfig } from '@kubernetes/client-node';
import { InputError } from '@backstage/errors';
import http from 'node:http';
import https from 'node:https';
import {
  KubeCallName,
  kubeStatusError,
  kubeTransportError,
} from './kubeErrors';

/** A non-200 answer; the body is drained unread. */
export class KubeStatusCodeError extends Error {
  constructor(readonly statusCode: number, readonly typed: Error) {
    super(typed.message);
    this.name = 'KubeStatusCodeError';
  }
}

/**
 * GETs a JSON document from the cluster's API server with the KubeConfig's
 * TLS settings and credentials (`applyToHTTPSOptions` also hands out its
 * cached agent, so pages reuse connections). Plain `node:http` rather than
 * the typed APIs: lists stay raw JSON like watch events, without the
 * generated models' per-field conversion of 16,000 pods.
 *
 * Rejects with `KubeStatusCodeError` on a non-200 answer, else with a typed
 * transport error; `signal` aborts (timeouts, stop).
 */
export async function kubeGetJson<T>(
  kubeConfig: KubeConfig,
  path: string,
  options: { call: KubeCallName; signal: AbortSignal },
): Promise<T> {
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) {
    throw new InputError(
      `Kubernetes API could not ${options.call}: the kubeconfig has no current cluster`,
    );
  }
  const url = new URL(cluster.server.replace(/\/+$/, '') + path);
  const requestOptions: https.RequestOptions = {
    method: 'GET',
    headers: { Accept: 'application/json' },
  };
  try {
    await kubeConfig.applyToHTTPSOptions(requestOptions);
  } catch (error) {
    throw kubeTransportError(options.call, error);
  }
  const send = url.protocol === 'http:' ? http.request : https.request;
  return new Promise<T>((resolve, reject) => {
    const fail = (error: unknown) =>
      reject(
        error instanceof KubeStatusCodeError
          ? error
          : kubeTransportError(options.call, error),
      );
    const request = send(
      url,
      { ...requestOptions, signal: options.signal },
      response => {
        const status = response.statusCode ?? 0;
        if (status !== 200) {
          response.resume();
          fail(
            new KubeStatusCodeError(
              status,
              kubeStatusError(options.call, status),
            ),
          );
          return;
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', fail);
        response.on('aborted', () => fail(new Error('terminated')));
        response.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as T);
          } catch (error) {
            fail(error);
          }
        });
      },
    );
    request.on('error', error =>
      fail(options.signal.aborted ? options.signal.reason ?? error : error),
    );
    request.end();
  });
}
