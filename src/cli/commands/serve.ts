// `sitrep serve` and `sitrep watch`: the long-running commands.
import { readFile } from 'node:fs/promises';
import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { createApp } from '../../api/app.js';
import { describeError } from '../../core/errors.js';
import { parseOpml } from '../../ingest/opml.js';
import type { Runtime } from '../../main.js';
import { addFeeds, pollDueFeeds, watchFeeds } from '../../pipeline/feeds.js';
import { analyzePending } from '../../pipeline/analyze.js';
import { configFrom, type GlobalOptions, withRuntime } from '../context.js';

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

/** Registers the serve and watch commands. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web UI and API, and poll feeds in the background')
    .option('--port <port>', 'port (default SITREP_PORT or 8080)')
    .option('--host <host>', 'address to listen on (default SITREP_HOST or 127.0.0.1)')
    .option('--no-watch', 'do not poll feeds')
    .action(async (opts: { port?: string; host?: string; watch: boolean }) => {
      const config = configFrom(program.opts<GlobalOptions>(), 'info');
      if (opts.port) config.port = Number(opts.port);
      if (opts.host) config.host = opts.host;
      await withRuntime(config, async (rt) => {
        await importConfiguredOpml(rt);
        const { signal, done } = untilSignal();
        const app = createApp({ store: rt.store });
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
    });

  program
    .command('watch')
    .description('poll the feeds on their schedule, with backoff for failing feeds')
    .option('--once', 'poll the feeds that are due once, then exit')
    .action(async (opts: { once?: boolean }) => {
      const config = configFrom(program.opts<GlobalOptions>(), 'info');
      await withRuntime(config, async (rt) => {
        await importConfiguredOpml(rt);
        if (opts.once) {
          const results = await pollDueFeeds(rt);
          await analyzePending(rt);
          for (const r of results) {
            process.stdout.write(`feed ${r.feedId}: ${r.error ? `error: ${r.error}` : `${r.added} added, ${r.duplicates} duplicates, ${r.failed} failed`}\n`);
          }
          return;
        }
        const { signal } = untilSignal();
        await watchFeeds(rt, signal);
      });
    });
}
