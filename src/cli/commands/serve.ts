// `sitrep serve` and `sitrep watch`: the long-running commands.
import type { Command } from 'commander';
import { configFrom, type GlobalOptions } from '../context.js';

/** Registers the serve and watch commands. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web UI and API, and poll feeds in the background')
    .option('--port <port>', 'port (default SITREP_PORT or 8080)')
    .option('--host <host>', 'address to listen on (default SITREP_HOST or 127.0.0.1)')
    .option('--no-watch', 'do not poll feeds')
    .action(async (opts: { port?: string; host?: string; watch: boolean }) => {
      const { runServe } = await import('./serve-run.js');
      await runServe(configFrom(program.opts<GlobalOptions>(), 'info'), opts);
    });

  program
    .command('worker')
    .description(
      'take ingest, extract and analyze jobs from the queue, and place articles in stories when this worker leads (PostgreSQL)',
    )
    .option('--batch <n>', 'jobs taken at a time from the extract and analyze queues', '10')
    .action(async (opts: { batch: string }) => {
      const { runWorkerCommand } = await import('./serve-run.js');
      await runWorkerCommand(configFrom(program.opts<GlobalOptions>(), 'info'), {
        batchSize: Number(opts.batch),
      });
    });

  program
    .command('watch')
    .description('poll the feeds on their schedule, with backoff for failing feeds')
    .option('--once', 'poll the feeds that are due once, then exit')
    .action(async (opts: { once?: boolean }) => {
      const { runWatch } = await import('./serve-run.js');
      await runWatch(configFrom(program.opts<GlobalOptions>(), 'info'), opts);
    });
}
