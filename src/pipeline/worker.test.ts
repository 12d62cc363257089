// Workers on a real PostgreSQL server, run as real `sitrep worker` processes: a worker
// killed with SIGKILL in the middle of a job loses no job, none takes effect twice, and
// every article ends up in exactly one story.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliProcess, startCli } from '../test-support/cli.js';
import { freshLocation, POSTGRES_RUN } from '../test-support/engines.js';
import { dataPath, tempDir } from '../test-support/index.js';

const reuters = dataPath('reuters21578/articles.jsonl');
const ARTICLES = 120;

async function until(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 120_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!reuters || !POSTGRES_RUN)('workers on PostgreSQL', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('a worker killed mid-job loses no job, repeats none, and every article lands in one story', {
    timeout: 300_000,
  }, async () => {
    const url = await freshLocation('postgres');
    const db = new pg.Client(url);
    await db.connect();
    const one = async (query: string) => Number((await db.query(query)).rows[0]?.n ?? 0);
    const input = join(tmp.dir, 'reuters.jsonl');
    writeFileSync(
      input,
      `${readFileSync(reuters!, 'utf8').split('\n').slice(0, ARTICLES).join('\n')}\n`,
    );
    // A quick expiry, so that the dead worker's jobs come back within seconds; one job per
    // fetch keeps every live job far inside it, even on a busy machine.
    const env = { SITREP_DATABASE: url, SITREP_DATA_DIR: tmp.dir, SITREP_JOB_EXPIRE_SECONDS: '5' };
    const workers = new Set<ReturnType<typeof startCli>>();
    let logs = '';
    const start = () => {
      const child = startCli(['worker', '--batch', '1'], env);
      child.stderr?.on('data', (d: Buffer) => {
        logs += d.toString();
      });
      workers.add(child);
      child.on('exit', () => workers.delete(child));
      return child;
    };
    try {
      const ingest = await runCliProcess(['ingest', input], env);
      expect(ingest.code, ingest.stderr).toBe(0);
      expect(ingest.stdout).toContain(`${ARTICLES} queued for workers`);
      expect(await one(`SELECT count(*) AS n FROM document WHERE outcome = 'pending'`)).toBe(
        ARTICLES,
      );

      // One worker alone, so that every active job is its own; kill it while it holds one.
      const active = () =>
        one(
          `SELECT count(*) AS n FROM sitrep_jobs.job WHERE state = 'active' AND name IN ('extract', 'analyze')`,
        );
      let orphaned = 0;
      for (let attempt = 0; attempt < 5 && orphaned === 0; attempt++) {
        const victim = start();
        await until(
          'the worker holds a job',
          async () =>
            (await active()) > 0 &&
            (await one('SELECT count(*) AS n FROM article WHERE analyzer IS NOT NULL')) >=
              5 * (attempt + 1),
        );
        victim.kill('SIGKILL');
        await new Promise((r) => victim.once('exit', r));
        orphaned = await active();
      }
      expect(orphaned, 'a job was in hand when the worker died').toBeGreaterThan(0);

      // Two fresh workers finish: the dead worker's jobs expire and are retried.
      start();
      start();
      const remaining = () =>
        one(
          `SELECT count(*) AS n FROM sitrep_jobs.job WHERE name IN ('extract', 'analyze', 'cluster') AND state IN ('created', 'retry', 'active')`,
        );
      await until(
        'every job is done, every article placed and every entity count change folded in',
        async () =>
          (await remaining()) === 0 &&
          (await one('SELECT count(*) AS n FROM entity_count_change')) === 0 &&
          (await one(`SELECT count(*) AS n FROM document WHERE outcome = 'pending'`)) === 0 &&
          (await one(
            'SELECT count(*) AS n FROM article a LEFT JOIN story_article sa ON sa.article_id = a.id WHERE sa.story_id IS NULL',
          )) === 0,
      );

      // The story assigner never lost its lease or failed a placement (the killed one just died).
      expect(logs).not.toMatch(/stopped placing articles|job failed/);
      const articles = await one('SELECT count(*) AS n FROM article');
      expect(articles).toBeGreaterThan(ARTICLES * 0.8);
      // No job lost: one completed extract per document and one completed analyze per article.
      expect(
        await one(
          `SELECT count(*) AS n FROM sitrep_jobs.job WHERE name = 'extract' AND state = 'completed'`,
        ),
      ).toBe(ARTICLES);
      expect(
        await one(
          `SELECT count(DISTINCT data->>'articleId') AS n FROM sitrep_jobs.job WHERE name = 'analyze' AND state = 'completed'`,
        ),
      ).toBe(articles);
      const dead = await db.query(`SELECT data, output FROM sitrep_jobs.job WHERE name = 'dead'`);
      expect(dead.rows, 'no job exhausted its retries').toEqual([]);
      expect(
        await one(`SELECT count(*) AS n FROM sitrep_jobs.job WHERE retry_count > 0`),
        'the orphaned jobs were retried',
      ).toBeGreaterThan(0);
      // None done twice: one article per document, one analysis per article.
      expect(
        await one(
          'SELECT count(*) AS n FROM (SELECT document_id FROM article GROUP BY document_id HAVING count(*) > 1) d',
        ),
      ).toBe(0);
      expect(
        await one(
          'SELECT count(*) AS n FROM (SELECT 1 FROM mention GROUP BY article_id, start, "end" HAVING count(*) > 1) d',
        ),
      ).toBe(0);
      expect(
        await one(
          'SELECT count(*) AS n FROM (SELECT 1 FROM quote GROUP BY article_id, start, "end" HAVING count(*) > 1) d',
        ),
      ).toBe(0);
      expect(await one('SELECT count(*) AS n FROM article WHERE analyzer IS NULL')).toBe(0);
      // Every article in exactly one live story, and the stories' counts agree with their members.
      expect(await one('SELECT count(DISTINCT article_id) AS n FROM story_article')).toBe(articles);
      expect(await one('SELECT count(*) AS n FROM story_article')).toBe(articles);
      expect(
        await one(
          'SELECT count(*) AS n FROM story_article sa JOIN story s ON s.id = sa.story_id WHERE s.merged_into IS NOT NULL',
        ),
      ).toBe(0);
      expect(
        await one(
          'SELECT count(*) AS n FROM story s WHERE s.merged_into IS NULL AND s.article_count <> (SELECT count(*) FROM story_article sa WHERE sa.story_id = s.id)',
        ),
      ).toBe(0);
      // Entity counts stayed exact under two writers, which logged their changes for the
      // assigner to fold in.
      expect(
        await one(
          `SELECT count(*) AS n FROM entity e
           WHERE e.mention_count <> (SELECT count(*) FROM mention m WHERE m.entity_id = e.id)
              OR e.article_count <> (SELECT count(DISTINCT article_id) FROM mention m WHERE m.entity_id = e.id)`,
        ),
      ).toBe(0);
    } finally {
      for (const child of workers) child.kill('SIGTERM');
      await Promise.all([...workers].map((c) => new Promise((r) => c.once('exit', r))));
      await db.end();
    }
  });
});
