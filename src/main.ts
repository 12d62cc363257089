// The composition root: the one place that builds the store, the fetcher and the logger
// from the configuration and hands them to the pipeline, the server and the CLI.
import { readFileSync } from 'node:fs';
import pino, { type Logger } from 'pino';
import { z } from 'zod';
import type { Config } from './config.js';
import { describeError, SitrepError } from './core/errors.js';
import { type SiteRule, SiteRulesSchema } from './extract/site-rules.js';
import { createFetcher } from './ingest/fetch/index.js';
import type { PipelineContext } from './pipeline/context.js';
import { createExtractorPool } from './pipeline/extractor.js';
import { JobQueue } from './queue/job-queue.js';
import { dialectOfLocation } from './store/dialect.js';
import { openStore, type Store } from './store/index.js';

export interface Runtime extends PipelineContext {
  config: Config;
  close(): Promise<void>;
}

/** A logger writing JSON lines to stderr, so stdout stays clean for --json output. */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}

/** Reads and validates the per-site extraction rules file; a broken file is a configuration error. */
export function loadSiteRules(file: string | null): SiteRule[] {
  if (!file) return [];
  try {
    return SiteRulesSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (cause) {
    const detail =
      cause instanceof z.ZodError
        ? z.prettifyError(cause).replace(/\s+/g, ' ')
        : describeError(cause);
    throw new SitrepError('CONFIG_INVALID', `site rules in ${file}: ${detail}`, { cause });
  }
}

/**
 * Opens the store and builds the fetcher and logger that the pipeline needs. On PostgreSQL
 * the pipeline runs in workers: the runtime carries the job queue, and ingesting stores
 * captures for them. A worker process asks for `work: true`, which also has it watch for
 * jobs whose worker died.
 */
export async function createRuntime(
  config: Config,
  log = createLogger(config.logLevel),
  options: { work?: boolean } = {},
): Promise<Runtime> {
  const store: Store = await openStore(config.database);
  let queue: JobQueue | undefined;
  if (dialectOfLocation(config.database) === 'postgres') {
    try {
      queue = await JobQueue.open(config.database, {
        supervise: Boolean(options.work),
        expireSeconds: config.jobExpireSeconds,
        retryLimit: config.jobRetries,
        // Quick expiry means quick polling: a dead worker's job is retried promptly.
        pollSeconds: Math.min(1, Math.max(0.5, config.jobExpireSeconds / 4)),
      });
    } catch (err) {
      await store.close();
      throw err;
    }
    queue.onError((err) => log.error(`job queue: ${describeError(err)}`));
  }
  const fetcher = createFetcher({
    userAgent: config.userAgent,
    timeoutMs: config.fetchTimeoutMs,
    maxBytes: config.maxBytes,
    allowPrivate: config.allowPrivate,
    respectRobots: config.respectRobots,
    perHostDelayMs: config.hostDelayMs,
  });
  const extractor = createExtractorPool(config.extractThreads, loadSiteRules(config.siteRules));
  return {
    config,
    store,
    fetcher,
    extractor,
    log,
    pollIntervalMinutes: config.pollMinutes,
    queue,
    async close() {
      await queue?.close();
      await extractor.close();
      await fetcher.close();
      await store.close();
    },
  };
}
