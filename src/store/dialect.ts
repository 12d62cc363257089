import { type Kysely, PostgresAdapter } from 'kysely';

/** The database engines sitrep runs on. */
export type Dialect = 'sqlite' | 'postgres';

/** A database location names PostgreSQL when it is a postgres:// or postgresql:// URL. */
export function dialectOfLocation(location: string): Dialect {
  return /^postgres(ql)?:\/\//i.test(location) ? 'postgres' : 'sqlite';
}

/**
 * The engine a Kysely instance (or transaction) talks to. Repositories receive only a
 * Kysely, and the few queries that differ by engine (full-text search) ask it here.
 */
export function dialectOf<DB>(db: Kysely<DB>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** A connection URL fit for logs and error messages: the password replaced. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}
