// What `sitrep serve` and `sitrep watch` do, loaded only when one of them runs.
import { readFile } from 'node:fs/promises';
import { serve } from '@hono/node-server';
import { createApp } from '../../api/app.js';
import { describeError } from '../../core/errors.js';
import { parseOpml } from '../../ingest/opml.js';
import type { Runtime } from '../../main.js';
import { addFeeds, pollDueFeeds, watchFeeds } from '../../pipeline/feeds.js';
import { processPending } from '../../pipeline/process.js';
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
export async function runServe(config: Config, opts: { port?: string; host?: string; watch: boolean }): Promise<void> {
  if (opts.port) config.port = Number(opts.port);
  if (opts.host) config.host = opts.host;
  await withRuntime(config, async (rt) => {
    await importConfiguredOpml(rt);
    const { signal, done } = untilSignal();
    const app = createApp({ store: rt.store, token: config.apiToken });
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    rt.log.info({ url: `http://${config.host}:${port}/`, database: config.database }, 'sitrep is serving');
    process.stderr.write(`sitrep is serving http://${config.host}:${port}/ (database ${config.database})\n`);
    const watcher = opts.watch ? watchFeeds(rt, signal) : Promise.resolve();
    await done;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await watcher;
  });
}

/** Polls feeds on their schedule (or once) until SIGINT or SIGTERM. */
export async function runWatch(config: Config, opts: { once?: boolean }): Promise<void> {
  await withRuntime(config, async (rt) => {
    await importConfiguredOpml(rt);
    if (opts.once) {
      const results = await pollDueFeeds(rt);
      await processPending(rt);
      for (const r of results) {
        process.stdout.write(`feed ${r.feedId}: ${r.error ? `error: ${r.error}` : `${r.added} added, ${r.duplicates} duplicates, ${r.failed} failed`}\n`);
      }
      return;
    }
    const { signal } = untilSignal();
    await watchFeeds(rt, signal);
  });
}
