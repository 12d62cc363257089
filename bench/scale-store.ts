// The million-article stores bench:scale measures, one per engine, made from bench:api's
// store of 101,251 analyzed articles (real Reuters, PolNeAR and open-news articles and
// their time-shifted replays, placed in stories by the real pipeline; see api-store.ts).
//
// Padding: the base is copied whole nine times over, each copy as other outlets would run
// the same reports: every source, document, article, annotation, story and near-duplicate
// group is copied with its ids moved by copy × 1,000,000, under a source of its own
// ("Reuters (copy 3)"), with its own URLs and content hashes, and with the same entities
// (whose counts are scaled to match). Copies are made by INSERT … SELECT inside each
// engine, so the full-text index (FTS5 triggers, the tsvector column) is built for every
// copy as it would be for new articles. The PostgreSQL store first receives the base
// itself from the SQLite file, table by table.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { openStore } from '../src/store/index.js';

/** Id offset between copies; every base id is below it. */
export const COPY_OFFSET = 1_000_000;
/** Source id offset between copies (the base has a few hundred sources at most). */
const SOURCE_OFFSET = 10_000;

/** The tables copied, parents first, with how each copy's columns differ from the base's. */
function overrides(k: number): Record<string, Record<string, string>> {
  const off = k * COPY_OFFSET;
  const article = { article_id: `article_id + ${off}` };
  return {
    source: {
      id: `id + ${k * SOURCE_OFFSET}`,
      key: `key || '~copy-${k}'`,
      name: `name || ' (copy ${k})'`,
    },
    document: {
      id: `id + ${off}`,
      origin: `origin || '#copy-${k}'`,
      content_hash: `content_hash || '~copy-${k}'`,
      canonical_url: `canonical_url || '#copy-${k}'`,
    },
    article: {
      id: `id + ${off}`,
      document_id: `document_id + ${off}`,
      source_id: `source_id + ${k * SOURCE_OFFSET}`,
      url: `url || '#copy-${k}'`,
      canonical_url: `canonical_url || '#copy-${k}'`,
    },
    mention: article,
    quote: article,
    claim: article,
    time_expr: article,
    story: { id: `id + ${off}`, merged_into: `merged_into + ${off}` },
    story_article: { story_id: `story_id + ${off}`, article_id: `article_id + ${off}` },
    article_copy: { article_id: `article_id + ${off}`, group_id: `group_id + ${off}` },
  };
}

/** Which rows of a table are the base's (copies have ids at or above COPY_OFFSET). */
const BASE_ROWS: Record<string, string> = {
  source: `id < ${SOURCE_OFFSET}`,
  document: `id < ${COPY_OFFSET}`,
  article: `id < ${COPY_OFFSET}`,
  story: `id < ${COPY_OFFSET}`,
  story_article: `article_id < ${COPY_OFFSET}`,
  article_copy: `article_id < ${COPY_OFFSET}`,
};
const baseRows = (table: string) => BASE_ROWS[table] ?? `article_id < ${COPY_OFFSET}`;

/** Columns of a table that can be written (PostgreSQL's generated tsvector is not). */
async function columnsOf(db: Kysely<unknown>, table: string): Promise<string[]> {
  const tables = await db.introspection.getTables();
  const found = tables.find((t) => t.name === table);
  if (!found) throw new Error(`no table ${table}`);
  return found.columns.map((c) => c.name).filter((c) => c !== 'search');
}

/**
 * Adds copies 1..copies of the base, one transaction per copy and table, read from the
 * base's rows in `from` (a schema prefix such as `base.`, or the tables themselves).
 */
export async function addCopies(
  db: Kysely<unknown>,
  copies: number,
  log: (line: string) => void,
  from = '',
): Promise<void> {
  for (let k = 1; k <= copies; k++) {
    const start = performance.now();
    for (const [table, changed] of Object.entries(overrides(k))) {
      const columns = await columnsOf(db, table);
      // Annotation ids are their own: the copy takes new ones.
      const written = columns.filter((c) => !(c === 'id' && !('id' in changed)));
      const list = written.map((c) => `"${c}"`).join(', ');
      const values = written.map((c) => changed[c] ?? `"${c}"`).join(', ');
      await sql
        .raw(
          `INSERT INTO ${table} (${list}) SELECT ${values} FROM ${from}${table} WHERE ${baseRows(table)}`,
        )
        .execute(db);
    }
    log(`copy ${k} of ${copies} in ${((performance.now() - start) / 1000).toFixed(0)} s`);
  }
  // Every mention was copied with its entity, so each entity's counts grow by the same factor.
  await sql
    .raw(
      `UPDATE entity SET mention_count = mention_count * ${copies + 1}, article_count = article_count * ${copies + 1}`,
    )
    .execute(db);
}

/**
 * Builds (or reuses) the SQLite store: the base file copied, then copies added in place,
 * read from the base file attached beside it. While they go in, foreign keys are not
 * checked (the rows come from a store that enforced them) and the indexes and FTS5
 * triggers are dropped; both are made once at the end ('rebuild' indexes every article).
 * Kept live, each copy took longer than the last as the indexes outgrew the page cache:
 * 562 s for the first, 1,029 s for the fifth.
 */
export async function buildSqliteScale(
  base: string,
  path: string,
  copies: number,
  log: (line: string) => void,
) {
  if (existsSync(path)) return { path, built: false };
  const tmp = `${path}.building`;
  // A build that was stopped leaves its file and its WAL: start clean.
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  const source = new SqliteDatabase(base);
  source.pragma('wal_checkpoint(TRUNCATE)');
  source.close();
  copyFileSync(base, tmp);
  const store = await openStore(tmp);
  const db = store.db.kysely as Kysely<unknown>;
  const copied = Object.keys(overrides(1));
  const { rows: deferred } = await sql<{ name: string; type: string; sql: string }>`
    SELECT name, type, sql FROM sqlite_master
    WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN (${sql.join(copied)})`.execute(
    db,
  );
  for (const d of deferred) await sql.raw(`DROP ${d.type} ${d.name}`).execute(db);
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  await sql`PRAGMA synchronous = OFF`.execute(db);
  await sql`ATTACH DATABASE ${base} AS base`.execute(db);
  await addCopies(db, copies, log, 'base.');
  await sql`DETACH DATABASE base`.execute(db);
  let start = performance.now();
  await sql`INSERT INTO article_fts(article_fts) VALUES ('rebuild')`.execute(db);
  log(`FTS5 index rebuilt in ${((performance.now() - start) / 1000).toFixed(0)} s`);
  start = performance.now();
  for (const d of deferred) await sql.raw(d.sql).execute(db);
  log(
    `${deferred.length} indexes and triggers made in ${((performance.now() - start) / 1000).toFixed(0)} s`,
  );
  await store.close();
  const done = new SqliteDatabase(tmp);
  done.pragma('wal_checkpoint(TRUNCATE)');
  done.close();
  renameSync(tmp, path);
  return { path, built: true };
}

/** Rows sent per INSERT when moving the base into PostgreSQL (documents carry raw pages). */
const MOVE_BATCH: Record<string, number> = { document: 200, article: 500 };
const TABLES = [
  'source',
  'document',
  'article',
  'entity',
  'entity_alias',
  'mention',
  'quote',
  'claim',
  'time_expr',
  'story',
  'story_article',
  'article_copy',
];

/**
 * Moves the base from SQLite into an empty, migrated PostgreSQL database, keeping every id,
 * then adds the copies there. Foreign keys are not checked while loading (the rows come
 * from a store that enforced them); the GIN index is built once, at the end.
 */
export async function buildPostgresScale(
  base: string,
  url: string,
  copies: number,
  log: (line: string) => void,
) {
  const store = await openStore(url);
  const db = store.db.kysely as Kysely<unknown>;
  const client = new pg.Client(url);
  await client.connect();
  try {
    // The search index is built once, at the end, as its migration defined it.
    const { rows: searchIndexes } = await client.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
       WHERE tablename = 'article' AND indexdef LIKE '%USING gin%'`,
    );
    for (const index of searchIndexes) await client.query(`DROP INDEX ${index.name}`);
    await client.query("SET session_replication_role = 'replica'");
    const sqlite = new SqliteDatabase(base, { readonly: true });
    for (const table of TABLES) {
      const start = performance.now();
      const columns = await columnsOf(db, table);
      const list = columns.map((c) => `"${c}"`).join(', ');
      const insert = `INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1)`;
      let batch: Record<string, unknown>[] = [];
      let rows = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        await client.query(insert, [JSON.stringify(batch)]);
        rows += batch.length;
        batch = [];
      };
      for (const row of sqlite.prepare(`SELECT ${list} FROM ${table}`).iterate() as Iterable<
        Record<string, unknown>
      >) {
        // bytea arrives as text in PostgreSQL's hex input form.
        if (row.raw instanceof Uint8Array) row.raw = `\\x${Buffer.from(row.raw).toString('hex')}`;
        batch.push(row);
        if (batch.length >= (MOVE_BATCH[table] ?? 5000)) await flush();
      }
      await flush();
      log(`moved ${rows} ${table} rows in ${((performance.now() - start) / 1000).toFixed(0)} s`);
    }
    sqlite.close();
    // Rows came with their ids: each id sequence resumes after them (copies take new
    // annotation ids; their other ids are explicit, and the sequences follow once more).
    const resume = async () => {
      for (const table of TABLES.filter(
        (t) => !['entity_alias', 'article_copy', 'story_article'].includes(t),
      )) {
        await client.query(
          `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`,
        );
      }
    };
    await resume();
    await addCopies(db, copies, log);
    await resume();
    await client.query("SET session_replication_role = 'origin'");
    const start = performance.now();
    await client.query("SET maintenance_work_mem = '1GB'");
    for (const index of searchIndexes) await client.query(index.definition);
    log(`GIN index built in ${((performance.now() - start) / 1000).toFixed(0)} s`);
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
    await store.close();
  }
}
