import { ServiceUnavailableError } from '@backstage/errors';
import { KubeConfig, Watch } from '@kubernetes/client-node';
import { KubeStatusCodeError, kubeGetJson } from './kubeGetJson';
import { kubeStatusError, kubeTransportError } from './kubeErrors';
import { KubeObject, WatchSink, WatchedKind } from './types';
import { WATCHED_RESOURCES } from './watchedKinds';

/** Timeouts and retry pacing of the watches; every field has a default. */
export interface ResourceWatcherTiming {
  /** Timeout of each list request (one page), default 30 s. */
  requestTimeoutMs?: number;
  /** Asked of the server for each watch, default 300. */
  watchTimeoutSeconds?: number;
  /** A watch that brings no data (event or bookmark) for this long is cut, default 90 s; also its connect timeout. */
  idleTimeoutMs?: number;
  /** First delay before restarting after an error, default 1 s; doubles up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  /** Default 30 s. */
  maxBackoffMs?: number;
  /** Objects per list page, default 500. */
  pageSize?: number;
  /** How often a kind the cluster does not serve (404) is looked for again, default 5 minutes. */
  notInstalledRecheckMs?: number;
}

export interface ResourceWatcherOptions extends ResourceWatcherTiming {
  cluster: string;
  kind: WatchedKind;
  kubeConfig: KubeConfig;
  sink: WatchSink;
  /** Called when `state`, or whether the kind is served, changes. */
  onStatusChange?: (status: ResourceWatcherStatus) => void;
}

export interface ResourceWatcherStatus {
  kind: WatchedKind;
  /** `ok`: listed and watching; `retrying`: waiting to list again after `error`. */
  state: 'starting' | 'ok' | 'retrying';
  error?: Error;
  /** When the error happened (ms). */
  errorAt?: number;
  /** Now when `ok`, else when the kind was last in sync (ms). */
  lastSyncAt?: number;
  /** Whether a list ever succeeded. */
  listedOnce: boolean;
  /** False while the cluster does not serve the kind (an add-on not installed). */
  installed: boolean;
}

export interface ResourceWatcherCounters {
  lists: number;
  watchEvents: number;
  relistsAfterGone: number;
  restarts: number;
}

type KubeList = {
  apiVersion?: string;
  kind?: string;
  metadata?: { resourceVersion?: string; continue?: string };
  items?: KubeObject[];
};

type WatchOutcome =
  /** `quick`: ended within a second without any data. */
  | { type: 'ended'; resourceVersion: string; quick: boolean }
  | { type: 'gone'; resourceVersion: string; events: number }
  /** Accepted, then silent for the idle timeout. */
  | { type: 'idle'; resourceVersion: string; error: Error }
  | { type: 'error'; resourceVersion: string; error: Error };

/** Resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    if (signal.aborted) {
      resolve();
      return;
    }
    let timer: NodeJS.Timeout | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Between half and all of `ms`, so that watchers failing together do not retry together. */
const jittered = (ms: number) => ms / 2 + (Math.random() * ms) / 2;

/**
 * Watches that end this soon without any data, this many times in a row,
 * count as failed: a server that closes every watch at once must not spin us.
 */
const MIN_HEALTHY_WATCH_MS = 1000;
const MAX_QUICK_WATCH_ENDS = 3;

/**
 * Mirrors one kind of one cluster into a sink, as an informer does: list
 * (paginated) → `replace`, then watch from the list's resourceVersion →
 * `apply` per change. A watch that ends, or whose connection is cut after
 * it was accepted, is resumed from the last resourceVersion seen (events and
 * bookmarks), as client-go's reflector does; 410 Gone lists again at once;
 * a watch silent for the idle timeout is resumed likewise, after a backoff;
 * any other failure (refused, 5xx, 401/403, parse error) lists again after
 * an exponential, jittered backoff, which a successful list resets.
 */
export class ResourceWatcher {
  readonly counters: ResourceWatcherCounters = {
    lists: 0,
    watchEvents: 0,
    relistsAfterGone: 0,
    restarts: 0,
  };
  readonly #options: Required<
    Omit<ResourceWatcherOptions, 'onStatusChange'>
  > & { onStatusChange?: ResourceWatcherOptions['onStatusChange'] };
  readonly #path: string;
  readonly #optional: boolean;
  #stopController?: AbortController;
  #running?: Promise<void>;
  #state: ResourceWatcherStatus['state'] = 'starting';
  #error?: Error;
  #errorAt?: number;
  #lastInSyncAt?: number;
  #listedOnce = false;
  #installed = true;

  constructor(options: ResourceWatcherOptions) {
    this.#options = {
      requestTimeoutMs: 30_000,
      watchTimeoutSeconds: 300,
      idleTimeoutMs: 90_000,
      initialBackoffMs: 1000,
      maxBackoffMs: 30_000,
      pageSize: 500,
      notInstalledRecheckMs: 5 * 60_000,
      ...options,
    };
    this.#path = WATCHED_RESOURCES[options.kind].path;
    this.#optional = WATCHED_RESOURCES[options.kind].optional;
  }

  get kind(): WatchedKind {
    return this.#options.kind;
  }

  start(): void {
    if (this.#running) return;
    const stopController = new AbortController();
    this.#stopController = stopController;
    this.#running = this.#run(stopController.signal);
  }

  /** Aborts the open request or watch and any pending retry; resolves when the loop has ended. */
  async stop(): Promise<void> {
    this.#stopController?.abort();
    await this.#running;
    this.#running = undefined;
  }

  status(): ResourceWatcherStatus {
    return {
      kind: this.#options.kind,
      state: this.#state,
      ...(this.#error ? { error: this.#error, errorAt: this.#errorAt } : {}),
      lastSyncAt: this.#state === 'ok' ? Date.now() : this.#lastInSyncAt,
      listedOnce: this.#listedOnce,
      installed: this.#installed,
    };
  }

  async #run(signal: AbortSignal): Promise<void> {
    const { initialBackoffMs, maxBackoffMs } = this.#options;
    let backoffMs = initialBackoffMs;
    // 410s that come before any event: the relist itself may be too old, so pace them.
    let immediateGones = 0;
    let quickEnds = 0;
    const retryAfter = async (error: Error) => {
      this.counters.restarts++;
      this.#setRetrying(error);
      await sleep(jittered(backoffMs), signal);
      backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
    };
    // A resumed watch that brings data again is back in sync.
    const onWatchData = () => {
      if (this.#state === 'retrying') {
        backoffMs = initialBackoffMs;
        this.#setInSync(true);
      }
    };

    while (!signal.aborted) {
      let resourceVersion: string;
      try {
        const listed = await this.#list(signal);
        if (signal.aborted) return;
        if (listed === 'not-served') {
          this.#options.sink.replace(
            this.#options.cluster,
            this.#options.kind,
            [],
          );
          backoffMs = initialBackoffMs;
          this.#setInSync(false);
          await sleep(this.#options.notInstalledRecheckMs, signal);
          continue;
        }
        this.#options.sink.replace(
          this.#options.cluster,
          this.#options.kind,
          listed.items,
        );
        resourceVersion = listed.resourceVersion;
        backoffMs = initialBackoffMs;
        this.#setInSync(true);
      } catch (error) {
        if (signal.aborted) return;
        await retryAfter(kubeTransportError(this.#call('list'), error));
        continue;
      }

      while (!signal.aborted) {
        const outcome = await this.#watchOnce(
          resourceVersion,
          signal,
          onWatchData,
        );
        if (signal.aborted) return;
        resourceVersion = outcome.resourceVersion;
        if (outcome.type === 'idle') {
          // The connection may be dead without a reset: open a new watch
          // from where this one was, no need to list.
          await retryAfter(outcome.error);
          continue;
        }
        if (outcome.type === 'ended') {
          quickEnds = outcome.quick ? quickEnds + 1 : 0;
          if (quickEnds < MAX_QUICK_WATCH_ENDS) {
            immediateGones = 0;
            continue;
          }
          quickEnds = 0;
          await retryAfter(
            new ServiceUnavailableError(
              `Kubernetes API could not ${this.#call(
                'watch',
              )}: the server keeps closing the watch at once`,
            ),
          );
          break;
        }
        if (outcome.type === 'gone') {
          this.counters.relistsAfterGone++;
          immediateGones = outcome.events === 0 ? immediateGones + 1 : 0;
          if (immediateGones > 1) {
            await sleep(
              jittered(
                Math.min(
                  initialBackoffMs * 2 ** (immediateGones - 2),
                  maxBackoffMs,
                ),
              ),
              signal,
            );
          }
          break;
        }
        await retryAfter(outcome.error);
        break;
      }
    }
  }

  #call(verb: 'list' | 'watch'): string {
    return `${verb} ${this.#options.kind} in cluster ${this.#options.cluster}`;
  }

  async #list(
    signal: AbortSignal,
  ): Promise<{ items: KubeObject[]; resourceVersion: string } | 'not-served'> {
    const { kubeConfig, requestTimeoutMs, pageSize } = this.#options;
    const call = this.#call('list');
    this.counters.lists++;
    const items: KubeObject[] = [];
    let resourceVersion = '';
    let continueToken: string | undefined;
    let limit: number | undefined = pageSize;
    for (;;) {
      const query = new URLSearchParams();
      if (limit) query.set('limit', String(limit));
      if (continueToken) query.set('continue', continueToken);
      let page: KubeList;
      try {
        page = await kubeGetJson<KubeList>(
          kubeConfig,
          `${this.#path}?${query}`,
          {
            call,
            signal: AbortSignal.any([
              signal,
              AbortSignal.timeout(requestTimeoutMs),
            ]),
          },
        );
      } catch (error) {
        if (!(error instanceof KubeStatusCodeError)) throw error;
        if (error.statusCode === 404 && this.#optional && !continueToken) {
          return 'not-served';
        }
        if (error.statusCode === 410 && continueToken) {
          // The snapshot was compacted between pages: one unpaginated list
          // instead, as client-go's pager does.
          items.length = 0;
          continueToken = undefined;
          limit = undefined;
          continue;
        }
        throw error.typed;
      }
      // List items carry no apiVersion/kind on a real server; watch events do.
      const itemKind = page.kind?.replace(/List$/, '');
      for (const item of page.items ?? []) {
        if (item.kind === undefined) {
          item.kind = itemKind;
          item.apiVersion = page.apiVersion;
        }
        items.push(item);
      }
      resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
      continueToken = page.metadata?.continue || undefined;
      if (!continueToken) return { items, resourceVersion };
    }
  }

  /** One watch from `resourceVersion`; `onData` is told of changes and bookmarks. */
  #watchOnce(
    resourceVersion: string,
    signal: AbortSignal,
    onData: () => void,
  ): Promise<WatchOutcome> {
    const { cluster, kind, sink, kubeConfig } = this.#options;
    const call = this.#call('watch');
    return new Promise<WatchOutcome>(resolve => {
      const startedAt = Date.now();
      let lastResourceVersion = resourceVersion;
      let received = 0;
      let events = 0;
      let gone = false;
      let failure: Error | undefined;
      let settled = false;
      let controller: AbortController | undefined;
      const onStop = () => controller?.abort();
      // Watch hands out its controller only once the server answered 200,
      // after any failure to connect has already reached `done`.
      const connected = () => controller !== undefined;
      signal.addEventListener('abort', onStop, { once: true });

      const finish = (outcome: WatchOutcome) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onStop);
        controller?.abort();
        resolve(outcome);
      };
      const done = (error: unknown) => {
        const at = lastResourceVersion;
        if (gone) {
          finish({ type: 'gone', resourceVersion: at, events });
        } else if (failure) {
          finish({ type: 'error', resourceVersion: at, error: failure });
        } else if ((error as { statusCode?: number })?.statusCode === 410) {
          finish({ type: 'gone', resourceVersion: at, events });
        } else if (
          (error as { name?: string })?.name === 'TimeoutError' &&
          connected()
        ) {
          finish({
            type: 'idle',
            resourceVersion: at,
            error: new ServiceUnavailableError(
              `Kubernetes API could not ${call}: no event or bookmark for ${
                this.#options.idleTimeoutMs / 1000
              } s`,
            ),
          });
        } else if (error && !connected()) {
          finish({
            type: 'error',
            resourceVersion: at,
            error: kubeTransportError(call, error),
          });
        } else {
          finish({
            type: 'ended',
            resourceVersion: at,
            quick:
              received === 0 && Date.now() - startedAt < MIN_HEALTHY_WATCH_MS,
          });
        }
      };
      const onEvent = (type: string, object: KubeObject) => {
        received++;
        switch (type) {
          case 'ADDED':
          case 'MODIFIED':
          case 'DELETED':
            if (events === 0) onData();
            events++;
            this.counters.watchEvents++;
            lastResourceVersion =
              object?.metadata?.resourceVersion ?? lastResourceVersion;
            try {
              sink.apply(cluster, kind, type, object);
            } catch (error) {
              // Watch swallows callback errors; a sink that fails must not lose changes silently.
              failure = new ServiceUnavailableError(
                `Could not apply a ${kind} change of cluster ${cluster}`,
                error,
              );
              controller?.abort();
            }
            return;
          case 'BOOKMARK':
            onData();
            lastResourceVersion =
              object?.metadata?.resourceVersion ?? lastResourceVersion;
            return;
          case 'ERROR': {
            const code = (object as { code?: unknown })?.code;
            if (code === 410) {
              gone = true;
            } else {
              failure = kubeStatusError(
                call,
                typeof code === 'number' ? code : 500,
              );
            }
            controller?.abort();
            return;
          }
          default:
            return;
        }
      };

      const watch = new Watch(kubeConfig);
      // Watch's timer (30 s by default) is an inactivity timer once
      // connected: any data resets it. Quiet kinds get a bookmark only every
      // minute or so, hence the longer idle timeout. The field is declared
      // private but is a plain property, the only way to set it in 2.0.
      (watch as unknown as { requestTimeoutMs: number }).requestTimeoutMs =
        this.#options.idleTimeoutMs;
      watch
        .watch(
          this.#path,
          {
            resourceVersion,
            allowWatchBookmarks: true,
            timeoutSeconds: this.#options.watchTimeoutSeconds,
          },
          onEvent,
          done,
        )
        .then(
          watchController => {
            controller = watchController;
            if (settled || signal.aborted) watchController.abort();
          },
          // Rejected before the request was sent (no cluster, auth provider failed).
          error => done(error ?? new Error('watch failed')),
        );
    });
  }

  #setInSync(installed: boolean) {
    const changed = this.#state !== 'ok' || this.#installed !== installed;
    this.#state = 'ok';
    this.#error = undefined;
    this.#errorAt = undefined;
    this.#listedOnce = true;
    this.#installed = installed;
    if (changed) this.#options.onStatusChange?.(this.status());
  }

  #setRetrying(error: Error) {
    const changed = this.#state !== 'retrying';
    if (this.#state === 'ok') this.#lastInSyncAt = Date.now();
    this.#state = 'retrying';
    this.#error = error;
    this.#errorAt = Date.now();
    if (changed) this.#options.onStatusChange?.(this.status());
  }
}
