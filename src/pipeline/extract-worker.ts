// A worker thread that runs extraction, the CPU-heavy pure stage, off the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { describeError } from '../core/errors.js';
import type { Capture } from '../core/types.js';
import { extractCapture, type SiteRule } from '../extract/index.js';

const rules: SiteRule[] = (workerData as { rules?: SiteRule[] } | null)?.rules ?? [];

parentPort?.on('message', ({ id, capture }: { id: number; capture: Capture }) => {
  try {
    parentPort!.postMessage({ id, result: extractCapture(capture, { rules }) });
  } catch (err) {
    parentPort!.postMessage({ id, result: { ok: false, reason: 'unreadable', detail: `extractor crashed: ${describeError(err)}` } });
  }
});
