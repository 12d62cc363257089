// Opening the database: the one place that knows how to connect to each engine.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { SitrepError } from '../core/errors.js';
import type { Dialect } from './dialect.js';
import { migrationProvider } from './migrations/index.js';
import { cachingStatements } from './statement-cache.js';
import type { Database } from './schema.js';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** The SQLite file, or ':memory:'. */
  location: string;
  close(): Promise<void>;
}

/** Milliseconds a writer waits for another process's lock before giving up. */
const BUSY_TIMEOUT_MS = 10_000;
/** Page cache per connection: keeps the FTS and unique indexes hot while ingesting. */
const CACHE_KIB = 64 * 1024;

/** Opens (creating if needed) a SQLite database in WAL mode and brings its schema up to date. */
export async function openSqlite(file: string): Promise<Db> {
  let sqlite: SqliteDatabase.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    sqlite = new SqliteDatabase(file);
    sqlite.pragma('journal_mode = WAL');
    // NORMAL is durable across process crashes in WAL mode; only power loss can drop the
    // last transactions, which ingest simply redoes.
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    sqlite.pragma(`cache_size = -${CACHE_KIB}`);
    sqlite.pragma('temp_store = MEMORY');
  } catch (cause) {
    throw new SitrepError('STORE_OPEN_FAILED', file, { cause });
  }
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
  const db: Db = {
    kysely,
    dialect: 'sqlite',
    location: file,
    close: () => kysely.destroy(),
  };
  await migrate(db);
  return db;
}

/** Applies every pending migration, failing loudly if one does not apply. */
export async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({ db: db.kysely, provider: migrationProvider(db.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new SitrepError('STORE_MIGRATION_FAILED', failed, { cause: error });
  }
}
