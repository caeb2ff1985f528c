import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/**
 * An answer serialized once and sent to many: the bytes, their tag, and a
 * gzip of them made on first demand. Sending the same Buffer spares each
 * response a copy of a text that runs to tens of kilobytes for a team; under
 * load those copies were most of the garbage the collector paused for.
 */
export class SerializedAnswer {
  readonly body: Buffer;
  readonly etag: string;
  #gzipped?: Promise<Buffer>;

  constructor(value: unknown) {
    this.body = Buffer.from(JSON.stringify(value));
    this.etag = `W/"${createHash('sha1')
      .update(this.body)
      .digest('base64url')}"`;
  }

  /** The body gzipped, once (in the thread pool, off the event loop). */
  gzipped(): Promise<Buffer> {
    this.#gzipped ??= gzipAsync(this.body);
    return this.#gzipped;
  }
}

/** Answers shorter than this go uncompressed; the header costs more. */
export const GZIP_MIN_BYTES = 1024;
