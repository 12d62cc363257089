// Kysely's SQLite driver prepares every query anew. Ingest runs the same few statements
// tens of thousands of times, so preparing each once is a large share of its speed.
import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct statements kept prepared; more than the app has, fewer than ad-hoc queries could make. */
const MAX_CACHED_STATEMENTS = 500;

/** Wraps a better-sqlite3 database so that each SQL text is prepared only once. */
export function cachingStatements(db: Database.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      let statement = cache.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        if (cache.size >= MAX_CACHED_STATEMENTS) cache.delete(cache.keys().next().value!);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
