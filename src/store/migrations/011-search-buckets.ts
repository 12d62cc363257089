// PostgreSQL search by id bucket. A search ranks its newest matches, but GIN knows no
// order: for a word in a few percent of articles, finding the newest 2,000 meant reading
// every match in the table (a second and more at a million articles). The GIN index now
// holds each article's bucket of 65,536 ids beside its words (btree_gin), so one index
// scan finds the matches in the newest buckets alone. SQLite's FTS5 walks rowids newest
// first already, so there this does nothing.
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../dialect.js';

/** Replaces article_search with a GIN index over (search, id / 65536) on PostgreSQL. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  // btree_gin ships with PostgreSQL (contrib) and is a trusted extension: a database's
  // owner may create it without being a superuser.
  await sql`CREATE EXTENSION IF NOT EXISTS btree_gin`.execute(db);
  await sql`CREATE INDEX article_search_bucket ON article USING gin (search, (id / 65536))`.execute(
    db,
  );
  // Searches without a bucket use the new index's first column as they used this one.
  await sql`DROP INDEX article_search`.execute(db);
}
