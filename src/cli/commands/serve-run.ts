// What `sitrep serve` and `sitrep watch` do, loaded only when one of them runs.
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../../api/app.js';
import { describeError, SitrepError } from '../../core/errors.js';
import { announcePlacements } from '../../pipeline/placement-events.js';
import { runWorker } from '../../pipeline/worker.js';
import { parseOpml } from '../../ingest/opml.js';
import type { Runtime } from '../../main.js';
import { addFeeds, pollDueFeeds, watchFeeds } from '../../pipeline/feeds.js';
import { EventBus } from '../../pipeline/events.js';
import { afterIngest } from '../../pipeline/after-ingest.js';
import { deliverWebhooks, matchWatches } from '../../pipeline/watches.js';
import type { Config } from '../../config.js';
import { withRuntime } from '../context.js';

/** Adds the feeds of the configured OPML file, if any. */
async function importConfiguredOpml(rt: Runtime): Promise<void> {
  if (!rt.config.opml) return;
  try {
    const parsed = parseOpml(await readFile(rt.config.opml, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.detail ?? parsed.reason);
    const added = await addFeeds(rt, parsed.value);
    rt.log.info({ opml: rt.config.opml, feeds: parsed.value.length, added }, 'feeds imported');
  } catch (err) {
    rt.log.error({ opml: rt.config.opml }, `cannot read the OPML file: ${describeError(err)}`);
  }
}

/** Seconds between webhook rounds while serving: a match reaches its receiver within a few seconds. */
const WEBHOOK_INTERVAL_MS = 3_000;

/**
 * The token of the first-run sign-in link: on a fresh install (no SITREP_API_TOKEN, no
 * token yet) a write token is made and kept in DATA_DIR/ui-token, readable by the owner
 * only; later starts read it back, as long as it still works.
 */
async function uiToken(rt: Runtime): Promise<string | null> {
  const file = join(rt.config.dataDir, 'ui-token');
  const saved = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (saved && (await rt.store.tokens.verify(saved))) return saved;
  if (rt.config.apiToken || (await rt.store.tokens.countActive()) > 0) return null;
  const { token } = await rt.store.tokens.create({ name: 'ui (first run)', scope: 'admin' });
  // On PostgreSQL nothing else has made the data folder yet.
  await mkdir(rt.config.dataDir, { recursive: true });
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return token;
}

/** Where people reach the server: SITREP_PUBLIC_URL, else the address it listens on (a wildcard shown as localhost). */
function baseUrl(config: Config, port: number): string {
  if (config.publicUrl) return config.publicUrl;
  const host = ['0.0.0.0', '::', ''].includes(config.host)
    ? 'localhost'
    : config.host.includes(':')
      ? `[${config.host}]`
      : config.host;
  return `http://${host}:${port}`;
}

/** Matches watches and sends due webhooks every few seconds until the signal aborts. */
function runWebhooks(rt: Runtime, base: string, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    let busy: Promise<void> = Promise.resolve();
    const timer = setInterval(() => {
      busy = busy.then(async () => {
        if (signal.aborted) return;
        try {
          // Matching here too catches articles placed by another process (a CLI ingest).
          await matchWatches(rt);
          await deliverWebhooks(rt, { allowPrivate: rt.config.allowPrivate, baseUrl: base });
        } catch (err) {
          rt.log.error(`webhook round failed: ${describeError(err)}`);
        }
      });
    }, WEBHOOK_INTERVAL_MS);
    signal.addEventListener(
      'abort',
      () => {
        clearInterval(timer);
        void busy.then(resolve);
      },
      { once: true },
    );
  });
}

function untilSignal(): { signal: AbortSignal; done: Promise<void> } {
  const controller = new AbortController();
  const done = new Promise<void>((resolve) => {
    const stop = () => {
      controller.abort();
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return { signal: controller.signal, done };
}

/** Serves the web UI and API, polling feeds unless told not to, until SIGINT or SIGTERM. */
export async function runServe(
  config: Config,
  opts: { port?: string; host?: string; watch: boolean },
): Promise<void> {
  if (opts.port) config.port = Number(opts.port);
  if (opts.host) config.host = opts.host;
  await withRuntime(config, async (rt) => {
    await importConfiguredOpml(rt);
    const { signal, done } = untilSignal();
    rt.events ??= new EventBus();
    const signIn = await uiToken(rt);
    const app = createApp({
      store: rt.store,
      token: config.apiToken,
      pipeline: rt,
      events: rt.events,
      options: {
        corsOrigins: config.corsOrigins,
        rateLimitPerMinute: config.rateLimitPerMinute,
        requireReadToken: config.requireReadToken,
        allowPrivate: config.allowPrivate,
      },
    });
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    rt.log.info(
      { url: `http://${config.host}:${port}/`, database: rt.store.db.location },
      'sitrep is serving',
    );
    process.stderr.write(
      `sitrep is serving http://${config.host}:${port}/ (database ${rt.store.db.location})\n`,
    );
    const base = baseUrl(config, port);
    if (signIn)
      process.stderr.write(
        `sign in to make changes: ${base}/login?token=${encodeURIComponent(signIn)}\n`,
      );
    // With a job queue, workers poll the feeds (the story assigner schedules them).
    const watcher = opts.watch && !rt.queue ? watchFeeds(rt, signal) : Promise.resolve();
    const webhooks = runWebhooks(rt, base, signal);
    // With a job queue, workers place articles: learn of it from the store.
    const placements = rt.queue
      ? announcePlacements(rt.store, rt.events, signal)
      : Promise.resolve();
    await done;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Server-sent event streams never end by themselves; without this, close would wait forever.
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    await closed;
    await watcher;
    await webhooks;
    await placements;
  });
}

/** Works the job queue until SIGINT or SIGTERM, then finishes the jobs in hand. */
export async function runWorkerCommand(config: Config, opts: { batchSize: number }): Promise<void> {
  if (!Number.isInteger(opts.batchSize) || opts.batchSize < 1)
    throw new SitrepError('CONFIG_INVALID', '--batch must be a whole number of at least 1');
  // One worker is one core: extraction runs on its own thread, not in a pool.
  config.extractThreads = 0;
  await withRuntime(
    config,
    async (rt) => {
      if (!rt.queue)
        throw new SitrepError('QUEUE_UNAVAILABLE', 'sitrep worker needs --database postgres://…');
      const { signal } = untilSignal();
      await runWorker({ ...rt, queue: rt.queue }, signal, {
        url: config.database,
        batchSize: opts.batchSize,
      });
    },
    { work: true },
  );
}

/** Polls feeds on their schedule (or once) until SIGINT or SIGTERM. */
export async function runWatch(config: Config, opts: { once?: boolean }): Promise<void> {
  await withRuntime(config, async (rt) => {
    await importConfiguredOpml(rt);
    // Webhooks link to the server's pages: where it is reached, not where this process runs.
    const base = baseUrl(config, config.port);
    if (opts.once) {
      const results = await pollDueFeeds(rt);
      await afterIngest(rt);
      await deliverWebhooks(rt, { allowPrivate: rt.config.allowPrivate, baseUrl: base });
      for (const r of results) {
        process.stdout.write(
          `feed ${r.feedId}: ${r.error ? `error: ${r.error}` : `${r.added} added, ${r.duplicates} duplicates, ${r.failed} failed`}\n`,
        );
      }
      return;
    }
    const { signal } = untilSignal();
    // A watcher running without the server still fires the watches it matches.
    await Promise.all([watchFeeds(rt, signal), runWebhooks(rt, base, signal)]);
  });
}
