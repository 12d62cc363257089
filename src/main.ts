// The composition root: the one place that builds the store, the fetcher and the logger
// from the configuration and hands them to the pipeline, the server and the CLI.
import pino, { type Logger } from 'pino';
import type { Config } from './config.js';
import { createFetcher } from './ingest/fetch/index.js';
import type { PipelineContext } from './pipeline/context.js';
import { createExtractorPool } from './pipeline/extractor.js';
import { openStore, type Store } from './store/index.js';

export interface Runtime extends PipelineContext {
  config: Config;
  close(): Promise<void>;
}

/** A logger writing JSON lines to stderr, so stdout stays clean for --json output. */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}

/** Opens the store and builds the fetcher and logger that the pipeline needs. */
export async function createRuntime(config: Config, log = createLogger(config.logLevel)): Promise<Runtime> {
  const store: Store = await openStore(config.database);
  const fetcher = createFetcher({
    userAgent: config.userAgent,
    timeoutMs: config.fetchTimeoutMs,
    maxBytes: config.maxBytes,
    allowPrivate: config.allowPrivate,
    respectRobots: config.respectRobots,
    perHostDelayMs: config.hostDelayMs,
  });
  const extractor = createExtractorPool(config.extractThreads);
  return {
    config,
    store,
    fetcher,
    extractor,
    log,
    pollIntervalMinutes: config.pollMinutes,
    async close() {
      await extractor.close();
      await fetcher.close();
      await store.close();
    },
  };
}
