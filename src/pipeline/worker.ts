// `sitrep worker`: one process taking ingest, extract and analyze jobs from the queue,
// and placing articles in stories while it is the assigner. Run one per core, on as many
// machines as the database can serve.
import { hostname } from 'node:os';
import type { JobQueue } from '../queue/job-queue.js';
import type { PipelineContext } from './context.js';
import { analyzeJob, eachJob, extractJob, ingestJob } from './jobs.js';
import { StoryAssigner } from './story-assigner.js';

export interface WorkerOptions {
  /** The PostgreSQL URL (the story assigner holds a connection of its own). */
  url: string;
  /** Jobs taken per fetch from the extract and analyze queues (default 10). */
  batchSize?: number;
  /** Seconds between the story assigner's attempts to lead and its sweeps (default 5). */
  assignerIntervalSeconds?: number;
}

/** Works until the signal aborts, then finishes the jobs in hand and returns. */
export async function runWorker(
  ctx: PipelineContext & { queue: JobQueue },
  signal: AbortSignal,
  options: WorkerOptions,
): Promise<void> {
  const { queue, log } = ctx;
  const batch = options.batchSize ?? 10;
  queue.work('ingest', 1, (jobs) =>
    eachJob(queue, 'ingest', jobs, (job) => ingestJob(ctx, job), log),
  );
  queue.work('extract', batch, (jobs) =>
    eachJob(queue, 'extract', jobs, (job) => extractJob(ctx, job), log),
  );
  queue.work('analyze', batch, async (jobs) => {
    await eachJob(queue, 'analyze', jobs, (job) => analyzeJob(ctx, job), log);
    await queue.requestClustering();
  });
  const assigner = new StoryAssigner(ctx, {
    url: options.url,
    holder: `${hostname()}:${process.pid}`,
    intervalSeconds: options.assignerIntervalSeconds,
  });
  assigner.start();
  log.info({ pid: process.pid }, 'worker started');
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
  log.info('worker stopping: finishing the jobs in hand');
  await assigner.stop();
  await queue.close();
}
