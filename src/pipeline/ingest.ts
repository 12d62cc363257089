// `sitrep ingest`: files, folders and URLs in, articles out. One bad item never stops
// the batch; each one is counted and reported with a one-line reason.
import { basename, dirname } from 'node:path';
import { type InputEvent, listInputFiles, readInputFiles } from '../ingest/files.js';
import type { PipelineContext } from './context.js';
import { addFeeds, ingestUrl } from './feeds.js';
import { addCounts, emptyCounts, type IngestCounts, type ItemFailure, type PendingCapture, storeCaptures } from './store-captures.js';

export interface IngestReport extends IngestCounts {
  feedsAdded: number;
  failures: ItemFailure[];
  articleIds: number[];
}

export interface IngestOptions {
  /** The outlet to credit when an input names none. */
  source?: string;
}

/** Captures stored per transaction: big enough to be fast, small enough to lose little. */
const BATCH_SIZE = 250;
/** A batch of big pages is cut earlier, so that reading, extracting and storing overlap. */
const BATCH_MAX_BYTES = 2 * 1024 * 1024;
/** Batches being extracted or stored at once: one filling the workers while one is written. */
const MAX_BATCHES_IN_FLIGHT = 2;

function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** Adds one batch result to a running report. */
export function mergeInto(report: IngestReport, part: { counts: IngestCounts; failures: ItemFailure[]; articleIds: number[] }): void {
  addCounts(report, part.counts);
  report.failures.push(...part.failures);
  report.articleIds.push(...part.articleIds);
}

/** An empty report. */
export function emptyReport(): IngestReport {
  return { ...emptyCounts(), feedsAdded: 0, failures: [], articleIds: [] };
}

/** The folder name a file came from, credited as its source when nothing better is known. */
function folderSource(path: string): string {
  return basename(dirname(path)) || 'local';
}

/** Ingests files, folders and URLs, and reports what was added, skipped and failed. */
export async function ingestInputs(inputs: string[], ctx: PipelineContext, options: IngestOptions = {}): Promise<IngestReport> {
  const report = emptyReport();
  const urls = inputs.filter(isUrl);
  const { files, failures } = await listInputFiles(inputs.filter((i) => !isUrl(i)));
  const total = files.reduce((sum, f) => sum + f.size, 0);
  let done = 0;
  const progress = (event: InputEvent) => {
    done += event.bytes;
    ctx.onProgress?.({ phase: 'ingest', done, total, counts: report, label: event.label });
  };
  for (const failure of failures) countFailure(report, failure);

  let batch: PendingCapture[] = [];
  let batchSource = '';
  let batchBytes = 0;
  // Reading the next batch overlaps with extracting and storing the previous one.
  const inFlight = new Set<Promise<void>>();
  const flush = async () => {
    if (batch.length === 0) return;
    batchBytes = 0;
    const job = storeCaptures(ctx, batch, batchSource).then((part) => mergeInto(report, part));
    const tracked = job.finally(() => inFlight.delete(tracked));
    tracked.catch(() => {}); // awaited below; this only keeps an early failure from counting as unhandled
    inFlight.add(tracked);
    batch = [];
    if (inFlight.size >= MAX_BATCHES_IN_FLIGHT) await Promise.race(inFlight);
  };
  for await (const event of readInputFiles(files)) {
    if (event.type === 'failure') countFailure(report, event);
    else if (event.type === 'feeds') report.feedsAdded += await addFeeds(ctx, event.feeds);
    else {
      const source = options.source ?? folderSource(event.file);
      if (source !== batchSource) await flush();
      batchSource = source;
      batch.push({ capture: event.capture, label: event.label });
      batchBytes += event.capture.body.byteLength;
      if (batch.length >= BATCH_SIZE || batchBytes >= BATCH_MAX_BYTES) await flush();
    }
    progress(event);
  }
  await flush();
  await Promise.all(inFlight);

  for (const url of urls) {
    const part = await ingestUrl(ctx, url, options.source ?? url);
    mergeInto(report, part);
    report.feedsAdded += part.feedsAdded;
    ctx.onProgress?.({ phase: 'ingest', done, total, counts: report, label: url });
  }
  return report;
}

function countFailure(report: IngestReport, event: { label: string; reason: string }): void {
  report.failed++;
  report.failures.push({ label: event.label, reason: event.reason });
}
