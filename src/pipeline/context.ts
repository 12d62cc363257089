// What the pipeline needs from the outside world, handed in by the composition root.
import type { Logger } from 'pino';
import type { Fetcher } from '../ingest/fetch/index.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { Store } from '../store/index.js';
import type { EventBus } from './events.js';
import type { Extractor } from './extractor.js';
import type { IngestCounts } from './store-captures.js';

/** Progress of a long run, for progress bars and log lines. */
export interface ProgressEvent {
  phase: 'ingest' | 'extract' | 'analyze' | 'stories' | 'feed';
  done: number;
  total: number;
  counts?: IngestCounts;
  label?: string;
}

export interface PipelineContext {
  store: Store;
  fetcher: Fetcher;
  /** Where extraction runs; inline on this thread when absent. */
  extractor?: Extractor;
  log: Logger;
  /** Minutes between polls of a healthy feed. */
  pollIntervalMinutes: number;
  onProgress?: (event: ProgressEvent) => void;
  /** Where new articles, changed stories and watch matches are announced. */
  events?: EventBus;
  /**
   * The job queue, when workers do the pipeline (PostgreSQL): captures are stored for
   * extraction by a worker instead of being extracted here.
   */
  queue?: JobQueue;
}
