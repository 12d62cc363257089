// Reading a response body with a size cap on both the bytes on the wire and the bytes
// after decompression, so neither a huge download nor a small compression bomb gets
// through. Decompression streams; the pipeline is torn down as soon as a cap is passed.
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { Result } from '../../core/types.js';

/** Raised inside the stream pipeline when a cap is passed. */
export class TooLargeError extends Error {
  constructor(what: string, maxBytes: number) {
    super(`${what} is larger than ${maxBytes} bytes`);
    this.name = 'TooLargeError';
  }
}

class UnsupportedEncodingError extends Error {}

/** Counts bytes flowing through and fails the pipeline past `maxBytes`. */
function createCounter(maxBytes: number, what: string, sink?: Uint8Array[]): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, callback: TransformCallback) {
      total += chunk.length;
      if (total > maxBytes) return callback(new TooLargeError(what, maxBytes));
      if (sink) {
        sink.push(chunk);
        return callback();
      }
      callback(null, chunk);
    },
  });
}

// Truncated bodies are common from real servers; browsers show what arrived, so do we.
const ZLIB_LENIENT = {
  flush: zlib.constants.Z_SYNC_FLUSH,
  finishFlush: zlib.constants.Z_SYNC_FLUSH,
};

/**
 * "deflate" should mean zlib-wrapped, but some servers send raw deflate; the first two
 * bytes tell which, so the choice is made on the first chunk.
 */
function createDeflateDecoder(): Transform {
  let inner: zlib.Inflate | zlib.InflateRaw | null = null;
  return new Transform({
    transform(chunk: Buffer, _enc, callback) {
      if (!inner) {
        const b0 = chunk[0] ?? 0;
        const b1 = chunk[1] ?? 0;
        const wrapped = (b0 & 0x0f) === 8 && ((b0 << 8) | b1) % 31 === 0;
        inner = wrapped ? zlib.createInflate(ZLIB_LENIENT) : zlib.createInflateRaw(ZLIB_LENIENT);
        inner.on('data', (data: Buffer) => this.push(data));
        inner.on('error', (err) => this.destroy(err));
      }
      inner.write(chunk, () => callback());
    },
    flush(callback) {
      if (!inner) return callback();
      inner.once('end', () => callback());
      inner.end();
    },
    destroy(err, callback) {
      inner?.destroy();
      callback(err);
    },
  });
}

function createDecoder(encoding: string): Transform {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip(ZLIB_LENIENT);
    case 'deflate':
      return createDeflateDecoder();
    case 'br':
      return zlib.createBrotliDecompress({
        flush: zlib.constants.BROTLI_OPERATION_FLUSH,
        finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
      });
    default:
      throw new UnsupportedEncodingError(`unsupported Content-Encoding: ${encoding}`);
  }
}

/** The codings of a Content-Encoding header, in the order they must be undone. */
export function parseContentEncoding(header: string | null | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity')
    .reverse();
}

export type BodyFailure = 'too-large' | 'unsupported-content' | 'network';

/** Reads and decompresses a body, enforcing `maxBytes` before and after decompression. */
export async function readBody(
  source: NodeJS.ReadableStream,
  contentEncoding: string | null | undefined,
  maxBytes: number,
): Promise<Result<Uint8Array, BodyFailure>> {
  const chunks: Uint8Array[] = [];
  let decoders: Transform[];
  try {
    decoders = parseContentEncoding(contentEncoding).map(createDecoder);
  } catch (err) {
    return { ok: false, reason: 'unsupported-content', detail: (err as Error).message };
  }
  try {
    await pipeline([
      source,
      createCounter(maxBytes, 'the response body'),
      ...decoders,
      createCounter(maxBytes, 'the decompressed body', chunks),
    ]);
  } catch (err) {
    if (err instanceof TooLargeError)
      return { ok: false, reason: 'too-large', detail: err.message };
    if (decoders.length && isZlibError(err)) {
      return {
        ok: false,
        reason: 'network',
        detail: `could not decompress the body: ${(err as Error).message}`,
      };
    }
    throw err;
  }
  return { ok: true, value: Buffer.concat(chunks) };
}

function isZlibError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code ?? '';
  return (
    code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code.startsWith('ERR__ERROR_FORMAT')
  );
}
