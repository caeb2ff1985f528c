import { ServerResponse } from 'node:http';
import { FaultState } from '../faults';
import { StoreChange } from './ChangeLog';
import {
  ListOptions,
  ObjectFilter,
  objectFilter,
  parseResourceVersion,
} from './listOptions';
import { ObjectStore, ResourceVersionExpiredError } from './ObjectStore';
import { KubeApiError, KubeStatus, expired } from './status';
import { KubeObject, ResourceType, WatchEvent, groupVersion } from './types';

/**
 * The JSON of the object sent last: a change reaches its watches one after
 * the other, so they share one serialization (stored objects never change).
 */
let lastSent: { object: object; json: string } | undefined;

function serialized(object: object): string {
  if (lastSent?.object !== object) {
    lastSent = { object, json: JSON.stringify(object) };
  }
  return lastSent.json;
}

/**
 * A watch whose client falls this far behind the changes (bytes buffered
 * beyond the initial state) is closed, as a real server closes watchers
 * that do not keep up.
 */
const MAX_BACKLOG_BYTES = 64 * 1024 * 1024;

export interface WatchRequest {
  store: ObjectStore;
  type: ResourceType;
  /** The key the objects are served under (a view key for events.k8s.io). */
  resourceKey: string;
  namespace?: string;
  options: ListOptions;
  faults: Readonly<FaultState>;
  /** When the server ends the watch, as a real server's request timeout does. */
  timeoutMs: number;
}

type WatchLine = WatchEvent | { type: 'ERROR'; object: KubeStatus };

/**
 * One open watch: a chunked HTTP response of newline-delimited JSON watch
 * events, fed synchronously by the store.
 */
export class WatchStream {
  readonly #response: ServerResponse;
  readonly #type: ResourceType;
  readonly #allowBookmarks: boolean;
  readonly #timers = new Set<NodeJS.Timeout>();
  #unsubscribe: (() => void) | undefined;
  #dropTimer: NodeJS.Timeout | undefined;
  #closed = false;
  /** Buffered bytes allowed before the client counts as too slow. */
  #backlogLimit = Infinity;
  #onClose: (() => void) | undefined;

  constructor(
    response: ServerResponse,
    type: ResourceType,
    allowBookmarks: boolean,
  ) {
    this.#response = response;
    this.#type = type;
    this.#allowBookmarks = allowBookmarks;
    response.on('close', () => this.#cleanUp());
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Called once when the watch ends, however it ends. */
  onClose(callback: () => void) {
    this.#onClose = callback;
  }

  /**
   * Sends the events the request asks for (initial state, or the history
   * after its resourceVersion), then every matching change until it ends.
   */
  start(request: WatchRequest) {
    const { store, options, resourceKey, namespace, faults } = request;
    this.#response.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
      'Transfer-Encoding': 'chunked',
    });
    this.#response.flushHeaders();
    this.#response.socket?.setNoDelay(true);
    this.#later(request.timeoutMs, () => this.end());

    const filter = objectFilter(options, resourceKey);
    const requested =
      options.resourceVersion === undefined || options.resourceVersion === '0'
        ? undefined
        : parseResourceVersion(options.resourceVersion);
    const current = store.revision();

    if (requested !== undefined && options.sendInitialEvents !== true) {
      // Errors after the request was accepted arrive as one ERROR event, as
      // from a real server's watch cache.
      if (requested > current) {
        // Only a client that saw an earlier run of the emulator can be ahead
        // of it. A real server would wait for the revision; telling the
        // client its version is gone makes informers list again instead.
        this.#fail(
          expired(
            `resource version ${requested} is newer than the server's (${current}): the emulated cluster restarted; list again`,
          ),
        );
        return;
      }
      if (faults.expireResourceVersions && requested < current) {
        this.#fail(
          expired(`too old resource version: ${requested} (${current})`),
        );
        return;
      }
      let changes: StoreChange[];
      try {
        changes = store.changesSince(resourceKey, requested, { namespace });
      } catch (error) {
        if (error instanceof ResourceVersionExpiredError) {
          this.#fail(expired(error.message));
          return;
        }
        throw error;
      }
      for (const change of changes) {
        this.#deliver(change, filter);
      }
    } else {
      for (const object of store.all(resourceKey, namespace)) {
        if (!filter || filter(object)) {
          this.#send({ type: 'ADDED', object });
        }
      }
      if (options.sendInitialEvents) {
        this.#send({
          type: 'BOOKMARK',
          object: this.#bookmarkObject(String(current), {
            'k8s.io/initial-events-end': 'true',
          }),
        });
      }
    }
    if (this.#closed) {
      return;
    }
    // The initial state may be large; only a growing backlog after it counts.
    this.#backlogLimit = this.#response.writableLength + MAX_BACKLOG_BYTES;
    // Same tick as the replay above: no write can fall between the two.
    this.#unsubscribe = store.subscribe(resourceKey, { namespace }, change =>
      this.#deliver(change, filter),
    );
  }

  /** Sends a BOOKMARK at the given resourceVersion, if the client asked for them. */
  bookmark(resourceVersion: string) {
    if (this.#allowBookmarks && !this.#closed) {
      this.#send({
        type: 'BOOKMARK',
        object: this.#bookmarkObject(resourceVersion),
      });
    }
  }

  /** Ends the stream cleanly, as a server-side timeout does. */
  end() {
    if (!this.#closed) {
      this.#response.end();
      this.#cleanUp();
    }
  }

  /** Cuts the connection without ending the stream, as a network failure does. */
  drop() {
    if (!this.#closed) {
      this.#response.destroy();
      this.#cleanUp();
    }
  }

  /** Drops the connection after `ms`, unless it ends first or a drop is already due. */
  scheduleDrop(ms: number) {
    if (!this.#dropTimer) {
      this.#dropTimer = this.#later(ms, () => this.drop());
    }
  }

  cancelDrop() {
    if (this.#dropTimer) {
      clearTimeout(this.#dropTimer);
      this.#timers.delete(this.#dropTimer);
      this.#dropTimer = undefined;
    }
  }

  #later(ms: number, action: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      action();
    }, ms);
    timer.unref();
    this.#timers.add(timer);
    return timer;
  }

  #deliver(change: StoreChange, filter: ObjectFilter | undefined) {
    if (!filter) {
      this.#send({ type: change.type, object: change.object });
      return;
    }
    // An object that stops matching is DELETED for this watch, one that
    // starts matching is ADDED, as the watch cache does.
    const now = change.type !== 'DELETED' && filter(change.object);
    const before = change.previous !== undefined && filter(change.previous);
    if (change.type === 'DELETED') {
      if (before) {
        this.#send({ type: 'DELETED', object: change.object });
      }
    } else if (now && before) {
      this.#send({ type: 'MODIFIED', object: change.object });
    } else if (now) {
      this.#send({ type: 'ADDED', object: change.object });
    } else if (before) {
      const previous = change.previous!;
      this.#send({
        type: 'DELETED',
        object: {
          ...previous,
          metadata: {
            ...previous.metadata,
            resourceVersion: String(change.resourceVersion),
          },
        },
      });
    }
  }

  #bookmarkObject(
    resourceVersion: string,
    annotations?: Record<string, string>,
  ): KubeObject {
    return {
      kind: this.#type.kind,
      apiVersion: groupVersion(this.#type),
      metadata: {
        resourceVersion,
        ...(annotations ? { annotations } : {}),
      } as KubeObject['metadata'],
    };
  }

  #fail(error: KubeApiError) {
    this.#send({ type: 'ERROR', object: error.status });
    this.end();
  }

  #send(line: WatchLine) {
    if (this.#closed) {
      return;
    }
    this.#response.write(
      `{"type":"${line.type}","object":${serialized(line.object)}}\n`,
    );
    if (this.#response.writableLength > this.#backlogLimit) {
      // The client is too slow; a real server closes such watches too.
      this.end();
    }
  }

  #cleanUp() {
    if (this.#closed) {
      return;
    }
    this.#closed = true;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    for (const timer of this.#timers) {
      clearTimeout(timer);
    }
    this.#timers.clear();
    this.#onClose?.();
  }
}
