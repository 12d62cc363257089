// bench:scale — sitrep at a million articles, on SQLite and on PostgreSQL, and the
// pipeline's throughput with 1 and with 2 worker processes.
//
//  1. Workers: the same sample of real records (Reuters, PolNeAR and open-news, interleaved)
//     is queued into a fresh PostgreSQL database for 1 and then 2 `sitrep worker`
//     processes; articles per second from queueing to the last story placement.
//  2. Stores: bench:api's 101,251-article store, copied nine times over (scale-store.ts says
//     how), once as a SQLite file and once as a PostgreSQL database. Both are kept under
//     .bench-cache/ and reused; building them takes about an hour.
//  3. Latency: search and story requests through the Hono app on each store, sampled as
//     bench:api samples them; p50 and p95.
//  4. Memory and disk: the peak resident memory of every process (this one, each worker,
//     each PostgreSQL process) and each store's size.
//
//   npm run -s bench:scale -- [--copies 9] [--sample 600] [--requests 300] [--skip-workers]
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { createApp } from '../src/api/app.js';
import { seededRandom } from '../src/core/seeded-random.js';
import { openStore, type Store } from '../src/store/index.js';
import { DATA_DIR, tempDir } from '../src/test-support/index.js';
import { runStatements, startPostgres } from '../src/test-support/postgres-server.js';
import { openApiStore } from './api-store.js';
import { flag, numberOption, option } from './args.js';
import {
  allStories,
  type Endpoint,
  measure,
  sampler,
  searchTerms,
  summarize,
  weightedStory,
} from './latency.js';
import { buildPostgresScale, buildSqliteScale } from './scale-store.js';
import {
  peakRssMb,
  postgresPids,
  timeWorkers,
  type WorkerRun,
  writeSample,
} from './scale-workers.js';

const copies = numberOption('--copies', 9);
const sampleSize = numberOption('--sample', 600);
const requests = numberOption('--requests', 300);
const cacheDir = resolve('.bench-cache');
/** `--engines postgres` measures one engine only (building the SQLite store takes hours). */
const engines = (option('--engines') ?? 'sqlite,postgres').split(',');
const log = (line: string) => console.log(`  ${line}`);

/**
 * The server's settings: durable (fsync on) but with asynchronous commit, as a news
 * pipeline can afford (a crash loses the last moments of work, which the queue redoes),
 * and memory sized for a 24 GB machine shared with the workers.
 */
const SERVER_SETTINGS = {
  fsync: 'on',
  full_page_writes: 'on',
  synchronous_commit: 'off',
  shared_buffers: '1GB',
  effective_cache_size: '8GB',
  work_mem: '32MB',
  maintenance_work_mem: '1GB',
  max_wal_size: '8GB',
  checkpoint_timeout: '30min',
};

/** The largest peak resident memory among the PostgreSQL server's processes, in MB. */
const postgresPeakMb = () => Math.max(0, ...postgresPids().map(peakRssMb));

async function hasTable(url: string, table: string): Promise<boolean> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query('SELECT to_regclass($1) IS NOT NULL AS found', [table])).rows[0]
      .found;
  } finally {
    await client.end();
  }
}

/** p50 and p95 of search and story requests on a store, sampled as bench:api samples them. */
async function latency(store: Store, label: string) {
  const sample = sampler(seededRandom(11));
  const maxId = (await store.articles.list({ limit: 1 }))[0]?.id ?? 0;
  const stories = await allStories(store);
  const terms = await searchTerms(store, maxId, sample);
  const largest = stories.slice(0, 5).map((s) => s.id);
  let storyCalls = 0;
  const endpoints: Endpoint[] = [
    { name: 'search', next: () => `/api/search?q=${encodeURIComponent(sample.pick(terms))}` },
    {
      name: 'story',
      next: () => {
        const i = storyCalls++;
        return `/api/stories/${i % 10 === 0 ? largest[(i / 10) % largest.length] : weightedStory(stories, sample.random)}`;
      },
    },
  ];
  const app = createApp({ store, options: { rateLimitPerMinute: 1e9 } });
  const { samples, errors } = await measure(app, endpoints, { warmup: 20, rounds: 3, requests });
  if (errors.size > 0)
    throw new Error(`${label}: requests failed: ${JSON.stringify(Object.fromEntries(errors))}`);
  const out = new Map<string, { p50: number; p95: number }>();
  for (const e of endpoints) {
    const m = summarize(samples.get(e.name)!);
    out.set(e.name, { p50: m.p50, p95: m.p95 });
    console.log(
      `${label} ${e.name.padEnd(7)} p50 ${m.p50} ms  p95 ${m.p95} ms  (p95 by round ${m.byRound.join(' / ')})`,
    );
    console.log(`  slowest: ${m.slowest.map((x) => `${x.url} ${Math.round(x.ms)} ms`).join(', ')}`);
  }
  return { search: out.get('search')!, story: out.get('story')! };
}

async function main(): Promise<void> {
  const started = performance.now();
  const base = await openApiStore({ cacheDir, target: 100_000, rebuild: false });
  const basePath = base.path;
  await base.store.close();

  const server = await startPostgres({
    dir: join(cacheDir, 'pg-scale'),
    settings: SERVER_SETTINGS,
  });
  let peakPostgres = 0;
  const watchPostgres = setInterval(() => {
    peakPostgres = Math.max(peakPostgres, postgresPeakMb());
  }, 1000);
  try {
    // 1. Workers.
    const runs: WorkerRun[] = [];
    if (!flag('--skip-workers')) {
      const tmp = tempDir('sitrep-scale-');
      const file = join(tmp.dir, 'sample.jsonl');
      const records = writeSample(
        ['reuters21578/articles.jsonl', 'polnear/articles.jsonl', 'open-news/articles.jsonl'].map(
          (f) => join(DATA_DIR, f),
        ),
        sampleSize,
        file,
      );
      for (const workers of [1, 2]) {
        const name = `workers_${workers}`;
        await runStatements(server.adminUrl, [
          `DROP DATABASE IF EXISTS ${name}`,
          `CREATE DATABASE ${name}`,
        ]);
        const run = await timeWorkers(server.urlFor(name), file, workers, tmp.dir);
        runs.push(run);
        console.log(
          `${workers} worker(s): ${run.articles} articles from ${records} records in ${run.seconds.toFixed(1)} s: ` +
            `${run.articlesPerSecond.toFixed(1)} articles/s, ${run.coresBusy.toFixed(2)} cores busy; peak memory ${run.peakRssMb.join(', ')} MB`,
        );
      }
      tmp.cleanup();
    }

    // 2. Stores.
    const sqlitePath = join(cacheDir, `scale-${copies}-v1.db`);
    const sqliteStart = performance.now();
    if (engines.includes('sqlite')) {
      const sqliteBuilt = await buildSqliteScale(basePath, sqlitePath, copies, log);
      if (sqliteBuilt.built)
        console.log(
          `SQLite store built in ${((performance.now() - sqliteStart) / 1000).toFixed(0)} s`,
        );
    }
    const pgName = `scale_${copies}_v1`;
    const pgUrl = server.urlFor(pgName);
    if (
      engines.includes('postgres') &&
      !(await hasTable(pgUrl, 'bench_complete').catch(() => false))
    ) {
      const pgStart = performance.now();
      await runStatements(server.adminUrl, [
        `DROP DATABASE IF EXISTS ${pgName}`,
        `CREATE DATABASE ${pgName}`,
      ]);
      await buildPostgresScale(basePath, pgUrl, copies, log);
      await runStatements(pgUrl, ['CREATE TABLE bench_complete (built_at text)']);
      console.log(
        `PostgreSQL store built in ${((performance.now() - pgStart) / 1000).toFixed(0)} s`,
      );
    }

    // 3. Latency, and 4. disk.
    const results: Record<
      string,
      {
        articles: number;
        mb: number;
        search: { p50: number; p95: number };
        story: { p50: number; p95: number };
      }
    > = {};
    for (const [engine, location] of (
      [
        ['sqlite', sqlitePath],
        ['postgres', pgUrl],
      ] as const
    ).filter(([engine]) => engines.includes(engine))) {
      const store = await openStore(location);
      const stats = await store.stats();
      const measured = await latency(store, engine);
      results[engine] = {
        articles: stats.articles,
        mb: Math.round((stats.databaseBytes ?? 0) / 1048576),
        search: measured.search,
        story: measured.story,
      };
      await store.close();
    }
    peakPostgres = Math.max(peakPostgres, postgresPeakMb());
    clearInterval(watchPostgres);

    const benchPeak = Math.round(process.resourceUsage().maxRSS / 1024);
    const workerPeaks = runs.flatMap((r) => r.peakRssMb);
    const peak = Math.max(benchPeak, peakPostgres, ...workerPeaks);
    const [one, two] = runs;
    console.log('\n| | SQLite | PostgreSQL |\n|---|---|---|');
    console.log(
      `| articles | ${results.sqlite?.articles ?? '-'} | ${results.postgres?.articles ?? '-'} |`,
    );
    console.log(
      `| search p50 / p95 (ms) | ${results.sqlite?.search?.p50 ?? '-'} / ${results.sqlite?.search?.p95 ?? '-'} | ${results.postgres?.search?.p50 ?? '-'} / ${results.postgres?.search?.p95 ?? '-'} |`,
    );
    console.log(
      `| story p50 / p95 (ms) | ${results.sqlite?.story?.p50 ?? '-'} / ${results.sqlite?.story?.p95 ?? '-'} | ${results.postgres?.story?.p50 ?? '-'} / ${results.postgres?.story?.p95 ?? '-'} |`,
    );
    console.log(
      `| size on disk (MB) | ${results.sqlite?.mb ?? '-'} | ${results.postgres?.mb ?? '-'} |`,
    );
    if (one && two) {
      console.log(
        `\nworkers: 1 → ${one.articlesPerSecond.toFixed(1)} articles/s, 2 → ${two.articlesPerSecond.toFixed(1)} articles/s ` +
          `(${(two.articlesPerSecond / one.articlesPerSecond).toFixed(2)}×); ` +
          `cores busy ${one.coresBusy.toFixed(2)} and ${two.coresBusy.toFixed(2)} of ${cpus().length}, ` +
          `so two could gain ${(cpus().length / one.coresBusy).toFixed(2)}× at most here`,
      );
    }
    console.log(
      `peak memory (MB): this process ${benchPeak}, workers ${workerPeaks.join(', ') || '-'}, PostgreSQL ${peakPostgres}`,
    );
    console.log(`in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    console.log(
      JSON.stringify({
        articles: results.sqlite?.articles ?? results.postgres?.articles,
        articles_postgres: results.postgres?.articles,
        workers_1_articles_per_s: one ? Math.round(one.articlesPerSecond * 10) / 10 : null,
        workers_2_articles_per_s: two ? Math.round(two.articlesPerSecond * 10) / 10 : null,
        workers_cores_busy:
          one && two ? [one.coresBusy, two.coresBusy].map((c) => Math.round(c * 100) / 100) : null,
        workers_speedup:
          one && two
            ? Math.round((two.articlesPerSecond / one.articlesPerSecond) * 100) / 100
            : null,
        search_p95_ms_sqlite: results.sqlite?.search?.p95,
        search_p95_ms_postgres: results.postgres?.search?.p95,
        story_p95_ms_sqlite: results.sqlite?.story?.p95,
        story_p95_ms_postgres: results.postgres?.story?.p95,
        peak_rss_mb: peak,
        peak_rss_mb_by_process: { bench: benchPeak, workers: workerPeaks, postgres: peakPostgres },
        disk_mb_sqlite: results.sqlite?.mb,
        disk_mb_postgres: results.postgres?.mb,
      }),
    );
  } finally {
    clearInterval(watchPostgres);
    await server.stop();
  }
}

await main();
