// What a worker does with each kind of job. Every handler commits its work, the job's
// completion and the jobs that follow from it in one transaction, and checks first (under
// a row lock) that the work is still to do: a job handed out twice (its first worker was
// presumed dead) takes effect once.
import { ANALYZER_VERSION, analyzeArticle } from '../analyze/index.js';
import { describeError } from '../core/errors.js';
import type { Annotations } from '../core/types.js';
import type { Job, JobData, JobQueue } from '../queue/job-queue.js';
import type { Store } from '../store/index.js';
import { sharedModels } from './analyze.js';
import type { PipelineContext } from './context.js';
import { type Extractor, inlineExtractor } from './extractor.js';
import { ingestUrl, pollFeed } from './feeds.js';
import { applyResult, emptyReextractReport, extractSafely, fallbackSource } from './reextract.js';
import { resolveSource } from './resolve-source.js';

export interface JobContext {
  store: Store;
  queue: JobQueue;
  extractor?: Extractor;
  log?: PipelineContext['log'];
}

const NOTHING: Annotations = { entities: [], quotes: [], claims: [], times: [] };

/** Extracts a pending document into an article and sends the article on to analysis. */
export async function extractJob(ctx: JobContext, job: Job<JobData['extract']>): Promise<void> {
  const { store, queue } = ctx;
  const [document] = await store.documents.getMany([job.data.documentId]);
  if (document?.outcome !== 'pending') {
    await queue.complete(store.kysely, 'extract', job.id);
    return;
  }
  const result = await extractSafely(ctx.extractor ?? inlineExtractor, document.capture);
  const sourceId = result.ok
    ? await store.sources.ensure(
        resolveSource(result.value, document.capture, fallbackSource(document.capture)),
      )
    : null;
  await store.transaction(async (repos) => {
    if ((await repos.documents.outcomeOf(document.id)) === 'pending') {
      const report = emptyReextractReport();
      const articleId = await applyResult(repos, report, document.id, undefined, result, sourceId);
      if (articleId !== undefined) await queue.send(repos.kysely, 'analyze', [{ articleId }]);
    }
    await queue.complete(repos.kysely, 'extract', job.id);
  });
}

/**
 * Analyzes an article unless it already carries this analyzer version's annotations. The
 * analysis runs outside the transaction; only the write holds locks. An article the
 * analyzers fail on is stored with no annotations, as `sitrep analyze` does.
 */
export async function analyzeJob(ctx: JobContext, job: Job<JobData['analyze']>): Promise<void> {
  const { store, queue } = ctx;
  const stamped = await store.articles.analyzerOf(job.data.articleId);
  const article =
    stamped === ANALYZER_VERSION ? null : await store.articles.get(job.data.articleId);
  let found = NOTHING;
  if (article) {
    try {
      found = analyzeArticle(article, sharedModels());
    } catch (err) {
      ctx.log?.error({ err, article: article.id }, 'analysis failed; stored with no annotations');
    }
  }
  if (article) await store.entities.resolveAhead(found.entities);
  await store.transaction(async (repos) => {
    const analyzer = await repos.articles.analyzerOf(job.data.articleId);
    await queue.complete(repos.kysely, 'analyze', job.id);
    // New entities were made above, each in a statement of its own: this transaction
    // waits on no other worker's.
    if (analyzer !== undefined && analyzer !== ANALYZER_VERSION) {
      await repos.annotations.replace(job.data.articleId, ANALYZER_VERSION, found);
    }
  });
}

/** Fetches a feed or a page; what it finds goes to the extract queue (the context's queue). */
export async function ingestJob(
  ctx: PipelineContext & { queue: JobQueue },
  job: Job<JobData['ingest']>,
): Promise<void> {
  const data = job.data;
  if ('feedId' in data) {
    const feed = await ctx.store.feeds.get(data.feedId);
    if (feed) {
      const polled = await pollFeed(ctx, feed);
      if (polled.error) ctx.log.warn({ feed: feed.url }, `feed poll failed: ${polled.error}`);
    }
  } else {
    const result = await ingestUrl(ctx, data.url, data.source);
    for (const f of result.failures) ctx.log.warn({ url: data.url }, `ingest failed: ${f.reason}`);
  }
  // Fetching is not transactional; a repeat finds the same bytes and stores nothing twice.
  await ctx.queue.complete(ctx.store.kysely, 'ingest', job.id);
}

/** Times a job is run again at once when PostgreSQL ends its transaction to break a deadlock. */
const CONFLICT_RETRIES = 3;

/** PostgreSQL's codes for "deadlock detected" and "could not serialize": run it again. */
function isTransient(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

/**
 * Runs a batch of jobs one by one. A job that meets a deadlock is run again at once; one
 * that throws otherwise is failed (retried later, with backoff) without holding up the rest.
 */
export async function eachJob<T>(
  queue: JobQueue,
  name: 'ingest' | 'extract' | 'analyze',
  jobs: Array<Job<T>>,
  run: (job: Job<T>) => Promise<void>,
  log?: PipelineContext['log'],
): Promise<void> {
  for (const job of jobs) {
    for (let attempt = 0; ; attempt++) {
      try {
        await run(job);
        break;
      } catch (err) {
        if (isTransient(err) && attempt < CONFLICT_RETRIES) continue;
        log?.warn({ job: job.id, queue: name }, `job failed, to be retried: ${describeError(err)}`);
        await queue.fail(name, job.id, err);
        break;
      }
    }
  }
}
