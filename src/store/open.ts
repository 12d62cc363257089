// Opening the database: the one place that knows how to connect to each engine.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type Driver,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
} from 'kysely';
import pg from 'pg';
import { SitrepError } from '../core/errors.js';
import { type Dialect, dialectOfLocation, redactUrl } from './dialect.js';
import { migrationProvider } from './migrations/index.js';
import { preparingPool } from './pg-statements.js';
import { cachingStatements } from './statement-cache.js';
import type { Database } from './schema.js';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** The SQLite file, ':memory:', or the PostgreSQL URL (password removed). */
  location: string;
  close(): Promise<void>;
}

/** Milliseconds a writer waits for another process's lock before giving up. */
const BUSY_TIMEOUT_MS = 10_000;
/** Page cache per connection: keeps the FTS and unique indexes hot while ingesting. */
const CACHE_KIB = 64 * 1024;

/**
 * Transactions begin IMMEDIATE, taking the write lock first and waiting up to the busy
 * timeout for another process (a second `sitrep ingest`, the server). A deferred one that
 * reads before it writes fails at once, without waiting, when another process wrote in
 * between: its snapshot is stale (SQLITE_BUSY in WAL mode). Our transactions all write.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

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
  const kysely = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: cachingStatements(sqlite) }),
  });
  const db: Db = {
    kysely,
    dialect: 'sqlite',
    location: file,
    close: () => kysely.destroy(),
  };
  await migrate(db);
  return db;
}

/** Opens the database a location names: a postgres:// URL, or a SQLite file path. */
export function openDatabase(location: string, options: PostgresOptions = {}): Promise<Db> {
  return dialectOfLocation(location) === 'postgres'
    ? openPostgres(location, options)
    : openSqlite(location);
}

export interface PostgresOptions {
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

/** PostgreSQL type ids whose text form pg would otherwise hand over as a string. */
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Connects to PostgreSQL through a pool and brings the schema up to date. bigint (ids,
 * count(*)) comes back as a JS number as it does from SQLite: ids stay far below 2^53.
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // Named statements are parsed once per connection but planned per execution (see
    // pg-statements.ts).
    options: '-c plan_cache_mode=force_custom_plan',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID || oid === NUMERIC_OID
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection that the server drops must not take the process down with it.
  pool.on('error', () => {});
  try {
    (await pool.connect()).release();
  } catch (cause) {
    await pool.end().catch(() => {});
    throw new SitrepError('STORE_OPEN_FAILED', redactUrl(url), { cause });
  }
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: preparingPool(pool) }),
  });
  const db: Db = {
    kysely,
    dialect: 'postgres',
    location: redactUrl(url),
    close: () => kysely.destroy(),
  };
  // Kysely's migrator holds an advisory lock, so processes starting together migrate once.
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
