// Progress for long runs: a bar on a terminal, a plain line every few seconds otherwise
// (logs and CI stay readable).
import cliProgress from 'cli-progress';
import type { ProgressEvent } from '../pipeline/context.js';
import { formatBytes } from './output.js';

/** How often a non-terminal run prints a progress line. */
const PLAIN_INTERVAL_MS = 5000;

export interface Progress {
  update(event: ProgressEvent): void;
  stop(): void;
}

function describe(event: ProgressEvent): string {
  const c = event.counts;
  return c ? `added ${c.added}, duplicates ${c.duplicates}, unchanged ${c.unchanged}, skipped ${c.skipped}, failed ${c.failed}` : '';
}

/** A progress display on stderr suited to where it is shown; silent when `quiet`. */
export function createProgress(quiet: boolean): Progress {
  if (quiet) return { update() {}, stop() {} };
  if (process.stderr.isTTY) {
    const bars = new Map<string, cliProgress.SingleBar>();
    const multi = new cliProgress.MultiBar(
      { format: ' {phase} |{bar}| {percentage}% {done} {info}', hideCursor: true, clearOnComplete: false, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    return {
      update(event) {
        let bar = bars.get(event.phase);
        if (!bar) {
          bar = multi.create(Math.max(event.total, 1), 0, { phase: event.phase.padEnd(7), done: '', info: '' });
          bars.set(event.phase, bar);
        }
        const done = event.phase === 'ingest' ? formatBytes(event.done) : String(event.done);
        bar.setTotal(Math.max(event.total, 1));
        bar.update(event.done, { done, info: describe(event) });
      },
      stop: () => multi.stop(),
    };
  }
  let last = 0;
  return {
    update(event) {
      const now = Date.now();
      if (now - last < PLAIN_INTERVAL_MS && event.done < event.total) return;
      last = now;
      const pct = event.total > 0 ? Math.floor((100 * event.done) / event.total) : 100;
      process.stderr.write(`${event.phase}: ${pct}% ${describe(event)}\n`);
    },
    stop() {},
  };
}
