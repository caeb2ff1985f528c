import { randomUUID, timingSafeEqual } from 'node:crypto';
import {
  IncomingMessage,
  Server,
  ServerResponse,
  createServer,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Clock } from '../clock';
import { Faults, FaultState } from '../faults';
import {
  EXTERNAL_SECRET_CRD_FILE,
  FLINK_DEPLOYMENT_CRD_FILE,
  findCrdFile,
  loadCrdVersion,
} from './crds';
import { ApiWrite, ResourceWriter } from './ResourceWriter';
import {
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  versionInfo,
} from './discovery';
import { ListSnapshots, listObjects } from './list';
import { parseListOptions } from './listOptions';
import { ObjectStore } from './ObjectStore';
import { POD_DISRUPTION_BUDGETS } from './podDisruptionBudgets';
import { DiscoveryRoute, ResourceRoute, routeOf } from './routes';
import { SERVICE_ACCOUNTS } from './serviceAccounts';
import {
  KubeApiError,
  internalError,
  methodNotAllowed,
  notAcceptable,
  notFound,
  pathNotFound,
  requestEntityTooLarge,
  serviceUnavailable,
  unauthorized,
} from './status';
import { resourceKey } from './types';
import { WatchStream } from './watch';
import { WritableResource, customResource } from './writableResource';
import { mediaTypeOf } from './writeOptions';

export type { ApiWrite } from './ResourceWriter';

/** Real API servers refuse request bodies over 3 MiB. */
const MAX_BODY_BYTES = 3 * 1024 * 1024;

export interface KubeApiServerOptions {
  /** The objects to serve. */
  store: ObjectStore;
  /** Injected faults, flippable while the server runs. */
  faults?: Faults;
  /** Time for managedFields and deletion timestamps; defaults to the store's clock. */
  clock?: Clock;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port (read `port` from the result). */
  port?: number;
  /** When set, every request but /version and the health checks needs `Authorization: Bearer <token>`. */
  token?: string;
  /** How often watches that allow bookmarks get one (default 60 s). */
  bookmarkIntervalMs?: number;
  /**
   * How long a watch without `timeoutSeconds` stays open before the server
   * ends it: a random time in [min, max] seconds (default 300–600).
   */
  watchTimeoutSeconds?: { min: number; max: number };
  /** With the `dropWatches` fault, how long after opening a watch is cut (default 3 s). */
  dropWatchesAfterMs?: number;
  /**
   * Told of every write made through the API (not of store writes), of any
   * writable resource: FlinkDeployments, ServiceAccounts,
   * PodDisruptionBudgets, ExternalSecrets; `resourceKey` tells which.
   */
  onWrite?: (write: ApiWrite) => void;
  /** The FlinkDeployment CRD manifest; defaults to the package's `crds/` copy. */
  flinkDeploymentCrdPath?: string;
  /** The gitVersion `/version` reports. */
  gitVersion?: string;
}

export interface KubeApiServer {
  /** e.g. `http://127.0.0.1:43125` */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** How many watches are open. */
  openWatches(): number;
  /** Cuts every open watch and stops the server. */
  close(): Promise<void>;
}

interface RequestContext {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
}

function sendJson(
  response: ServerResponse,
  code: number,
  body: unknown,
  warnings: string[] = [],
) {
  const payload = Buffer.from(JSON.stringify(body));
  response.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': payload.length,
    'Cache-Control': 'no-cache, private',
    'Audit-Id': randomUUID(),
    ...(warnings.length > 0 ? { Warning: warnings } : {}),
  });
  response.end(payload);
}

function sendError(response: ServerResponse, error: KubeApiError) {
  sendJson(response, error.status.code, error.status);
}

/** Whether the client takes JSON: only a pure protobuf Accept is refused. */
function acceptsJson(accept: string | undefined): boolean {
  if (!accept) {
    return true;
  }
  return accept
    .split(',')
    .map(range => mediaTypeOf(range))
    .some(
      type =>
        type === 'application/json' ||
        type === 'application/*' ||
        type === '*/*' ||
        type === '',
    );
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!match) {
    return false;
  }
  const given = Buffer.from(match[1].trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      throw requestEntityTooLarge(MAX_BODY_BYTES);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Serves the objects of an ObjectStore over the Kubernetes API, on
 * loopback, to any standard client (kubectl, client-go, @kubernetes/client-node):
 * discovery, get, list (selectors, pagination, resourceVersion semantics),
 * watch (bookmarks, resume, 410 Gone), writes (with validation and
 * server-side apply) of what a pipeline's manifests hold — FlinkDeployments,
 * ServiceAccounts, PodDisruptionBudgets, ExternalSecrets — optional
 * bearer-token auth, and the API faults of `Faults`.
 */
export async function startKubeApiServer(
  options: KubeApiServerOptions,
): Promise<KubeApiServer> {
  const { store } = options;
  const faults = options.faults ?? new Faults();
  const clock = options.clock ?? store.clock;
  const host = options.host ?? '127.0.0.1';
  const bookmarkIntervalMs = options.bookmarkIntervalMs ?? 60_000;
  const watchTimeout = options.watchTimeoutSeconds ?? { min: 300, max: 600 };
  const dropWatchesAfterMs = options.dropWatchesAfterMs ?? 3_000;
  const snapshots = new ListSnapshots();
  const watches = new Set<WatchStream>();

  // What a pipeline's manifests hold; everything else is the simulation's to write.
  const writable: WritableResource[] = [
    customResource(
      loadCrdVersion(
        options.flinkDeploymentCrdPath ??
          findCrdFile(FLINK_DEPLOYMENT_CRD_FILE),
        'v1beta1',
      ),
    ),
    SERVICE_ACCOUNTS,
    POD_DISRUPTION_BUDGETS,
    customResource(
      loadCrdVersion(findCrdFile(EXTERNAL_SECRET_CRD_FILE), 'v1beta1'),
    ),
  ];
  const writers = new Map(
    writable.map(resource => {
      const writer = new ResourceWriter({
        store,
        clock,
        resource,
        onWrite: options.onWrite,
      });
      return [writer.resourceKey, writer];
    }),
  );

  let serverAddress = `${host}:0`;

  const onFaultChange = (state: FaultState) => {
    for (const watch of Array.from(watches)) {
      if (state.apiServerDown) {
        watch.drop();
      } else if (state.dropWatches) {
        watch.scheduleDrop(dropWatchesAfterMs);
      } else {
        watch.cancelDrop();
      }
    }
  };
  const onDropWatches = () => {
    for (const watch of Array.from(watches)) {
      watch.drop();
    }
  };
  faults.on('change', onFaultChange);
  faults.on('drop-watches', onDropWatches);

  const bookmarkTimer = setInterval(() => {
    const resourceVersion = store.resourceVersion();
    for (const watch of watches) {
      watch.bookmark(resourceVersion);
    }
  }, bookmarkIntervalMs);
  bookmarkTimer.unref();

  function serveDiscovery(context: RequestContext, route: DiscoveryRoute) {
    if (context.request.method !== 'GET') {
      throw methodNotAllowed();
    }
    let document: unknown;
    switch (route.document) {
      case 'version':
        document = versionInfo(options.gitVersion);
        break;
      case 'apiVersions':
        document = apiVersions(serverAddress);
        break;
      case 'groupList':
        document = apiGroupList();
        break;
      case 'group':
        document = apiGroup(route.group);
        break;
      case 'resourceList':
        document = apiResourceList(route.group, route.version);
        break;
      default:
        document = undefined;
    }
    if (!document) {
      throw pathNotFound();
    }
    sendJson(context.response, 200, document);
  }

  function serveWatch(
    context: RequestContext,
    route: ResourceRoute,
    key: string,
    listOptions: ReturnType<typeof parseListOptions>,
  ) {
    const seconds =
      listOptions.timeoutSeconds && listOptions.timeoutSeconds > 0
        ? listOptions.timeoutSeconds
        : watchTimeout.min +
          Math.random() * (watchTimeout.max - watchTimeout.min);
    const watch = new WatchStream(
      context.response,
      route.type,
      listOptions.allowWatchBookmarks,
    );
    watches.add(watch);
    watch.onClose(() => watches.delete(watch));
    watch.start({
      store,
      type: route.type,
      resourceKey: key,
      namespace: route.namespace,
      options: listOptions,
      faults: faults.state,
      timeoutMs: seconds * 1000,
    });
    if (faults.state.dropWatches) {
      watch.scheduleDrop(dropWatchesAfterMs);
    }
  }

  async function serveResource(context: RequestContext, route: ResourceRoute) {
    const { request, response, url } = context;
    const key = resourceKey(route.type);
    const method = request.method ?? 'GET';

    if (method === 'GET') {
      const listOptions = parseListOptions(
        url.searchParams,
        key,
        route.watchPath,
      );
      if (route.name !== undefined && !listOptions.watch) {
        const object = store.get(key, route.namespace, route.name);
        if (!object) {
          throw notFound(route.type, route.name);
        }
        sendJson(response, 200, object);
        return;
      }
      if (route.name !== undefined) {
        listOptions.name = route.name;
      }
      if (listOptions.watch) {
        serveWatch(context, route, key, listOptions);
        return;
      }
      sendJson(
        response,
        200,
        listObjects({
          store,
          type: route.type,
          resourceKey: key,
          namespace: route.namespace,
          options: listOptions,
          faults: faults.state,
          snapshots,
        }),
      );
      return;
    }

    const writer = writers.get(key);
    const allowed =
      (method === 'POST' && route.name === undefined) ||
      ((method === 'PUT' || method === 'PATCH' || method === 'DELETE') &&
        route.name !== undefined);
    if (!writer || !allowed || route.watchPath) {
      throw methodNotAllowed();
    }
    const body = await readBody(request);
    const result = writer.handle({
      method,
      namespace: route.namespace,
      name: route.name,
      query: url.searchParams,
      mediaType: mediaTypeOf(request.headers['content-type']),
      body,
      userAgent: request.headers['user-agent'],
    });
    sendJson(response, result.code, result.body, result.warnings);
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const context: RequestContext = {
      request,
      response,
      url: new URL(request.url ?? '/', 'http://localhost'),
    };
    try {
      if (faults.state.apiServerDown) {
        throw serviceUnavailable(
          'the server is currently unable to handle the request',
        );
      }
      if (faults.state.slowResponsesMs > 0) {
        await sleep(faults.state.slowResponsesMs);
        if (faults.state.apiServerDown) {
          throw serviceUnavailable(
            'the server is currently unable to handle the request',
          );
        }
      }
      const route = routeOf(context.url.pathname);
      if (route.kind === 'health') {
        response.writeHead(200, {
          'Content-Type': 'text/plain; charset=utf-8',
        });
        response.end('ok');
        return;
      }
      // Like EKS, /version is public (system:public-info-viewer).
      const isPublic =
        route.kind === 'discovery' && route.route.document === 'version';
      if (
        options.token &&
        !isPublic &&
        !tokenMatches(request.headers.authorization, options.token)
      ) {
        throw unauthorized();
      }
      if (!acceptsJson(request.headers.accept)) {
        throw notAcceptable();
      }
      switch (route.kind) {
        case 'discovery':
          serveDiscovery(context, route.route);
          return;
        case 'resource':
          await serveResource(context, route.route);
          return;
        default:
          throw pathNotFound();
      }
    } catch (error) {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      sendError(
        response,
        error instanceof KubeApiError
          ? error
          : internalError(
              error instanceof Error ? error.message : String(error),
            ),
      );
    }
  }

  const server: Server = createServer((request, response) => {
    void handle(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  serverAddress = `${host}:${port}`;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    openWatches: () => watches.size,
    close: async () => {
      faults.off('change', onFaultChange);
      faults.off('drop-watches', onDropWatches);
      clearInterval(bookmarkTimer);
      for (const watch of Array.from(watches)) {
        watch.drop();
      }
      await new Promise<void>(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
