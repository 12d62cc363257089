// 50 SIGKILLs at random points of a real ingest: while articles are stored, while they are
// analysed and while they are placed in stories. After every kill the database must pass
// its integrity checks, hold everything that was seen committed before the kill, and hold
// nothing twice; each round then resumes to the end, which must equal a clean run's.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliProcess, startCli } from '../test-support/cli.js';
import { dataPath, tempDir } from '../test-support/index.js';

const TRIALS = 50;
const ARTICLES = 60;
const SEED = 20261127;
const records = dataPath('reuters21578/articles.jsonl');

type Phase = 'ingest' | 'analysis' | 'stories';
const PHASES: Phase[] = ['ingest', 'analysis', 'stories'];
/** The kills of one round, each on the run that resumes from the one before. */
const ROUND: Phase[] = ['ingest', 'analysis', 'analysis', 'stories'];

interface Progress {
  articles: number;
  analyzed: number;
  placed: number;
}

/** What a run may be seen to have committed; zeros before the file exists. */
function progressOf(file: string): Progress {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db
        .prepare(
          `SELECT (SELECT count(*) FROM article) AS articles,
                  (SELECT count(*) FROM article WHERE analyzer IS NOT NULL) AS analyzed,
                  (SELECT count(*) FROM story_article) AS placed`,
        )
        .get() as Progress;
    } finally {
      db.close();
    }
  } catch {
    return { articles: 0, analyzed: 0, placed: 0 };
  }
}

/** Everything a run leaves, keyed by article text so two databases compare. */
function snapshot(file: string) {
  const db = new Database(file);
  try {
    const all = <T>(sql: string) => db.prepare(sql).all() as T[];
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    db.exec("INSERT INTO article_fts(article_fts) VALUES('integrity-check')");
    const annotations = all<{ hash: string; analyzed: number; n: string }>(
      `SELECT a.text_hash AS hash, a.analyzer IS NOT NULL AS analyzed,
              (SELECT count(*) FROM mention WHERE article_id = a.id) || '/' ||
              (SELECT count(*) FROM quote WHERE article_id = a.id) || '/' ||
              (SELECT count(*) FROM claim WHERE article_id = a.id) || '/' ||
              (SELECT count(*) FROM time_expr WHERE article_id = a.id) AS n
         FROM article a`,
    );
    const stories = all<{ members: string }>(
      `SELECT group_concat(a.text_hash) AS members FROM
         (SELECT sa.story_id, a.text_hash FROM story_article sa JOIN article a ON a.id = sa.article_id
           ORDER BY a.text_hash) a GROUP BY a.story_id`,
    )
      .map((s) => s.members)
      .sort();
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      foreignKeys: all('PRAGMA foreign_key_check').length,
      duplicateArticles: one(
        'SELECT count(*) AS n FROM (SELECT 1 FROM article GROUP BY source_id, text_hash HAVING count(*) > 1)',
      ),
      documents: one('SELECT count(*) AS n FROM document'),
      placedTwice: one(
        'SELECT count(*) AS n FROM (SELECT 1 FROM story_article GROUP BY article_id HAVING count(*) > 1)',
      ),
      // Counts kept beside the rows they count must agree with them after any kill.
      wrongStoryCounts: one(
        `SELECT count(*) AS n FROM story s
          WHERE article_count != (SELECT count(*) FROM story_article WHERE story_id = s.id)`,
      ),
      wrongEntityCounts: one(
        `SELECT count(*) AS n FROM entity e
          WHERE mention_count != (SELECT count(*) FROM mention WHERE entity_id = e.id)
             OR article_count != (SELECT count(DISTINCT article_id) FROM mention WHERE entity_id = e.id)`,
      ),
      annotations: new Map(annotations.map((a) => [a.hash, a])),
      stories,
    };
  } finally {
    db.close();
  }
}

/** mulberry32: the kill times repeat from the seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * When a run has reached `phase`, and how long after that the kill may come. Articles are
 * stored, analysed and placed in one transaction a batch (this corpus is one batch), so
 * the database shows a phase only once it is over: ingest and stories start at the run's
 * own progress lines on stderr (its first, and the one saying the analysis is done), the
 * analysis when the stored articles are all there.
 */
const TRIGGERS: Record<
  Phase,
  { reached(stderr: string, file: string, total: number): boolean; maxDelayMs: number }
> = {
  ingest: { reached: (stderr) => stderr.includes('ingest:'), maxDelayMs: 300 },
  analysis: { reached: (_, file, total) => progressOf(file).articles === total, maxDelayMs: 1000 },
  stories: { reached: (stderr) => stderr.includes('analyze: 100%'), maxDelayMs: 150 },
};

/** Where a kill landed, read from what it left. */
function landedIn(p: Progress, total: number): Phase | 'finishing' {
  if (p.articles < total) return 'ingest';
  if (p.analyzed < p.articles) return 'analysis';
  if (p.placed < p.articles) return 'stories';
  return 'finishing';
}

describe.skipIf(!records)('kill trials', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);

  it(`${TRIALS} SIGKILLs during ingest, analysis and clustering lose and duplicate nothing`, {
    timeout: 900_000,
  }, async () => {
    const corpus = join(dir, 'corpus.jsonl');
    const lines = readFileSync(records!, 'utf8').split('\n').slice(0, ARTICLES);
    writeFileSync(corpus, `${lines.join('\n')}\n`);
    // Not --quiet: the progress lines on stderr say when the analysis is done.
    const args = ['ingest', '--json', corpus];

    const cleanDb = join(dir, 'clean.db');
    expect((await runCliProcess(args, { SITREP_DATABASE: cleanDb })).code).toBe(0);
    const clean = snapshot(cleanDb);
    const total = clean.annotations.size;
    expect(total).toBeGreaterThan(50);
    expect([...clean.annotations.values()].every((a) => a.analyzed)).toBe(true);

    const next = random(SEED);
    const landed: Record<string, number> = {};
    let kills = 0;
    for (let round = 0; kills < TRIALS; round++) {
      const file = join(dir, `round-${round}.db`);
      for (const target of ROUND) {
        if (kills === TRIALS) break;
        const trigger = TRIGGERS[target];
        const delay = Math.floor(next() * trigger.maxDelayMs);
        const child = startCli(args, { SITREP_DATABASE: file });
        const exited = runCliProcess(args, {}, child);
        let done = false;
        void exited.then(() => {
          done = true;
        });
        let stderr = '';
        child.stderr?.on('data', (d: Buffer) => {
          stderr += d.toString();
        });
        while (!done && !trigger.reached(stderr, file, total))
          await new Promise((r) => setTimeout(r, 10));
        if (done) break; // the run finished first: this round is complete
        await new Promise((r) => setTimeout(r, delay));
        // Read from outside just before the kill: all of this was committed.
        const seen = progressOf(file);
        child.kill('SIGKILL');
        const result = await exited;
        if (result.signal !== 'SIGKILL') break;
        kills++;

        const after = progressOf(file);
        const where = landedIn(after, total);
        landed[where] = (landed[where] ?? 0) + 1;
        const state = snapshot(file);
        const trial = `kill ${kills} (round ${round}, ${where})`;
        expect(state.integrity, trial).toBe('ok');
        expect(state.foreignKeys, trial).toBe(0);
        expect(state.duplicateArticles, trial).toBe(0);
        expect(state.placedTwice, trial).toBe(0);
        expect(state.wrongStoryCounts, trial).toBe(0);
        expect(state.wrongEntityCounts, trial).toBe(0);
        expect(after.articles, trial).toBeGreaterThanOrEqual(seen.articles);
        expect(after.analyzed, trial).toBeGreaterThanOrEqual(seen.analyzed);
        expect(after.placed, trial).toBeGreaterThanOrEqual(seen.placed);
        // An article analysed before the kill was analysed once, exactly as in a clean run.
        for (const [hash, a] of state.annotations) {
          expect(clean.annotations.has(hash), trial).toBe(true);
          if (a.analyzed) expect(a.n, `${trial}: ${hash}`).toBe(clean.annotations.get(hash)!.n);
          else expect(a.n, `${trial}: ${hash}`).toBe('0/0/0/0');
        }
      }
      // The round resumes to the end, which must be where a clean run ends.
      const resumed = await runCliProcess(args, { SITREP_DATABASE: file });
      expect(resumed.code, resumed.stderr).toBe(0);
      const end = snapshot(file);
      expect(end.integrity).toBe('ok');
      expect(end.documents).toBe(clean.documents);
      expect(end.duplicateArticles).toBe(0);
      expect(new Map([...end.annotations].map(([h, a]) => [h, a.n]))).toEqual(
        new Map([...clean.annotations].map(([h, a]) => [h, a.n])),
      );
      expect(end.stories).toEqual(clean.stories);
    }
    console.log(`kill trials: ${kills} kills, landed in ${JSON.stringify(landed)}`);
    expect(kills).toBe(TRIALS);
    for (const phase of PHASES) expect(landed[phase], phase).toBeGreaterThan(0);
  });
});
