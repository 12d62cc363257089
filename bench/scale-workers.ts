// The worker half of bench:scale: extract, analyze and story throughput of real articles
// through the PostgreSQL job queue, with 1 and then 2 `sitrep worker` processes, each on a
// fresh database given the same sample. Workers are real processes, as an operator would
// run them; their peak memory is read from /proc.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  /**
   * Cores kept busy on average: the CPU time of the workers and of PostgreSQL's processes
   * over the run's wall time. One worker already keeps more than one busy (PostgreSQL works
   * while it computes), which bounds what two can gain on a machine of few cores.
   */
  coresBusy: number;
}

/** CPU seconds (user and system) a live process has used, or 0 once it has gone. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** The live processes named `postgres`: on this machine, the benchmark's server. */
export function postgresPids(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        return /^Name:\s+postgres$/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
      } catch {
        return false; // The process ended while we looked.
      }
    });
}

const postgresCpuSeconds = () => postgresPids().reduce((n, pid) => n + cpuSeconds(pid), 0);

/** Peak resident set of a live process in MB (VmHWM), or 0 once it has gone. */
export function peakRssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

/** The sitrep command as built for the benchmarks (tsconfig.bench.json), or from the sources. */
function sitrepArgs(args: string[]): string[] {
  const built = join(ROOT, '.bench-build/src/cli/bin.js');
  return existsSync(built)
    ? [built, ...args]
    : ['--import', 'tsx', join(ROOT, 'src/cli/bin.ts'), ...args];
}

/** Runs `sitrep ARGS` to the end; rejects on a non-zero exit. */
function sitrep(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, sitrepArgs(args), {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`sitrep ${args[0]} exited ${code}`)),
    );
  });
}

/** Starts a worker and resolves once it has said it is ready (models loaded, queues joined). */
function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, sitrepArgs(['worker']), {
    cwd: ROOT,
    env: { ...process.env, ...env, SITREP_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stderr!.on('data', (d: Buffer) => {
      seen += d.toString();
      if (seen.includes('"worker started"')) resolve(child);
      if (seen.length > 100_000) seen = seen.slice(-1000);
    });
    child.once('exit', (code) =>
      reject(new Error(`a worker exited (${code}) before it was ready`)),
    );
  });
}

/**
 * Times `workers` worker processes on a fresh database: once all are ready, the sample
 * (JSON Lines of real records) is queued by `sitrep ingest`, and the clock runs until every
 * document is extracted, every article analyzed and placed in a story, and no job is left.
 */
export async function timeWorkers(
  url: string,
  sample: string,
  workers: number,
  dataDir: string,
): Promise<WorkerRun> {
  const env = { SITREP_DATABASE: url, SITREP_DATA_DIR: dataDir, SITREP_LOG_LEVEL: 'warn' };
  const db = new pg.Client(url);
  const children: ChildProcess[] = [];
  try {
    for (let i = 0; i < workers; i++) children.push(await startWorker(env));
    await db.connect();
    const count = async (query: string) => Number((await db.query(query)).rows[0].n);
    const peaks = children.map(() => 0);
    const cpuBefore = children.reduce((n, c) => n + cpuSeconds(c.pid!), postgresCpuSeconds());
    const start = performance.now();
    await sitrep(['ingest', '--quiet', sample], env);
    for (;;) {
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
      await new Promise((r) => setTimeout(r, 200));
    }
    const seconds = (performance.now() - start) / 1000;
    const cpu = children.reduce((n, c) => n + cpuSeconds(c.pid!), postgresCpuSeconds());
    const articles = await count('SELECT count(*) AS n FROM article');
    return {
      workers,
      articles,
      seconds,
      articlesPerSecond: articles / seconds,
      peakRssMb: peaks,
      coresBusy: (cpu - cpuBefore) / seconds,
    };
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(
      children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r)))),
    );
    await db.end().catch(() => {});
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
