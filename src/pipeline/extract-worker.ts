// A worker thread that runs extraction, the CPU-heavy pure stage, off the main thread.
import { parentPort } from 'node:worker_threads';
import { describeError } from '../core/errors.js';
import type { Capture } from '../core/types.js';
import { extractCapture } from '../extract/index.js';

parentPort?.on('message', ({ id, capture }: { id: number; capture: Capture }) => {
  try {
    parentPort!.postMessage({ id, result: extractCapture(capture) });
  } catch (err) {
    parentPort!.postMessage({ id, result: { ok: false, reason: 'unreadable', detail: `extractor crashed: ${describeError(err)}` } });
  }
});
