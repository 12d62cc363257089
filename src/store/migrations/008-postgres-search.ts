// Full-text search on PostgreSQL: a stored tsvector of title (weight A) and text (weight
// B) under a GIN index. SQLite has had FTS5 since 001, so there this does nothing.
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../dialect.js';

/** Adds article.search and its GIN index on PostgreSQL. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  // The 'english' configuration stems as FTS5's porter tokenizer does; unaccent is an
  // extension not every server has, so diacritics are kept. A tsvector holds at most 1 MB
  // and positions past 16,383 all count as the last, so only the opening of a huge text
  // is indexed (200,000 characters is some 30,000 words, far past any news article).
  await sql`ALTER TABLE article ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', left(text, 200000)), 'B')) STORED`.execute(db);
  await sql`CREATE INDEX article_search ON article USING gin (search)`.execute(db);
}
