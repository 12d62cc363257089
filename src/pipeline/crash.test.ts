// Crash safety: a SIGKILL in the middle of an ingest loses nothing that was committed,
// and running the same ingest again ends exactly where a clean run ends.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliProcess, startCli } from '../test-support/cli.js';
import { dataPath, tempDir } from '../test-support/index.js';

const reuters = dataPath('reuters21578/articles.jsonl');

function inspect(file: string) {
  const db = new Database(file);
  try {
    const count = (db.prepare('SELECT count(*) AS n FROM article').get() as { n: number }).n;
    const duplicates = (
      db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM article GROUP BY source_id, text_hash HAVING count(*) > 1)').get() as { n: number }
    ).n;
    const documents = (db.prepare('SELECT count(*) AS n FROM document').get() as { n: number }).n;
    const fts = (db.prepare("SELECT count(*) AS n FROM article_fts WHERE article_fts MATCH 'cocoa'").get() as { n: number }).n;
    const integrity = db.pragma('integrity_check', { simple: true });
    db.exec("INSERT INTO article_fts(article_fts) VALUES('integrity-check')");
    return { count, duplicates, documents, fts, integrity };
  } finally {
    db.close();
  }
}

async function articleCount(file: string): Promise<number> {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM article').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

describe.skipIf(!reuters)('crash safety', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  const args = ['ingest', '--quiet', '--no-analyze', '--json', reuters!];

  it('a killed ingest, run again, ends with the same articles as a clean run', { timeout: 180_000 }, async () => {
    const cleanDb = join(dir, 'clean.db');
    const clean = await runCliProcess(args, { SITREP_DATABASE: cleanDb });
    expect(clean.code).toBe(0);
    const expected = inspect(cleanDb);
    expect(expected.count).toBeGreaterThan(15_000);

    const crashDb = join(dir, 'crash.db');
    const child = startCli(args, { SITREP_DATABASE: crashDb });
    const exited = runCliProcess(args, {}, child);
    let seen = 0;
    while (seen < expected.count / 3) {
      await new Promise((r) => setTimeout(r, 50));
      seen = await articleCount(crashDb);
    }
    child.kill('SIGKILL');
    expect((await exited).signal).toBe('SIGKILL');
    const midway = inspect(crashDb);
    expect(midway.count).toBeGreaterThan(0);
    expect(midway.count).toBeLessThan(expected.count);
    expect(midway.integrity).toBe('ok');

    const resumed = await runCliProcess(args, { SITREP_DATABASE: crashDb });
    expect(resumed.code).toBe(0);
    const after = inspect(crashDb);
    expect(after.count).toBe(expected.count);
    expect(after.documents).toBe(expected.documents);
    expect(after.fts).toBe(expected.fts);
    expect(after.duplicates).toBe(0);
    expect(after.integrity).toBe('ok');
  });
});
