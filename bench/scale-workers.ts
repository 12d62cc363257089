// The worker half of bench:scale: extract, analyze and story throughput of real articles
// through the PostgreSQL job queue, with 1 and then 2 `sitrep worker` processes, each on a
// fresh database holding the same sample. Workers are real processes started from the
// sources, as an operator would run them; their peak memory is read from /proc.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { ROOT } from '../src/test-support/index.js';

export interface WorkerRun {
  workers: number;
  articles: number;
  seconds: number;
  articlesPerSecond: number;
  /** Peak resident memory of each worker process, in MB. */
  peakRssMb: number[];
}

/** Peak resident set of a live process in MB (VmHWM), or 0 once it has gone. */
export function peakRssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

/** Runs `sitrep ARGS` from the sources to the end; rejects on a non-zero exit. */
function sitrep(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src/cli/bin.ts'), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`sitrep ${args[0]} exited ${code}`)),
    );
  });
}

/**
 * Queues the sample (JSON Lines of real records) into a fresh database, then times `workers`
 * worker processes from their start until every document is extracted, every article
 * analyzed and placed in a story, and no job is left.
 */
export async function timeWorkers(
  url: string,
  sample: string,
  workers: number,
  dataDir: string,
): Promise<WorkerRun> {
  const env = { SITREP_DATABASE: url, SITREP_DATA_DIR: dataDir, SITREP_LOG_LEVEL: 'warn' };
  await sitrep(['ingest', '--quiet', sample], env);
  const db = new pg.Client(url);
  await db.connect();
  const count = async (query: string) => Number((await db.query(query)).rows[0].n);
  const start = performance.now();
  const children = Array.from({ length: workers }, () =>
    spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/bin.ts'), 'worker'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  const peaks = children.map(() => 0);
  try {
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      children.forEach((c, i) => {
        peaks[i] = Math.max(peaks[i]!, peakRssMb(c.pid!));
      });
      const left = await count(
        `SELECT (SELECT count(*) FROM document WHERE outcome = 'pending')
              + (SELECT count(*) FROM article WHERE analyzer IS NULL)
              + (SELECT count(*) FROM article a WHERE NOT EXISTS (SELECT 1 FROM story_article sa WHERE sa.article_id = a.id))
              + (SELECT count(*) FROM sitrep_jobs.job WHERE state IN ('created', 'retry', 'active') AND name <> 'cluster') AS n`,
      );
      if (left === 0) break;
      if (children.some((c) => c.exitCode !== null)) throw new Error('a worker exited early');
    }
    const seconds = (performance.now() - start) / 1000;
    const articles = await count('SELECT count(*) AS n FROM article');
    return { workers, articles, seconds, articlesPerSecond: articles / seconds, peakRssMb: peaks };
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(
      children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r)))),
    );
    await db.end();
  }
}

/** Writes a sample of real records: the first `n` of each JSON Lines file, interleaved. */
export function writeSample(files: string[], n: number, out: string): number {
  const lists = files.map((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .slice(0, n),
  );
  const lines: string[] = [];
  for (let i = 0; i < n; i++) for (const list of lists) if (list[i]) lines.push(list[i]!);
  writeFileSync(out, `${lines.join('\n')}\n`);
  return lines.length;
}
