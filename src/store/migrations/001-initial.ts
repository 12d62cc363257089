// The first schema: every record of ARCHITECTURE.md, and full-text search over articles.
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../dialect.js';

/** Creates the tables for sources, feeds, documents, articles, annotations, stories and watches. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const id = dialect === 'postgres' ? 'bigserial' : 'integer';
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';

  await db.schema
    .createTable('source')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('domain', 'text')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('unknown'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('feed')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text')
    .addColumn('site_url', 'text')
    .addColumn('source_id', 'integer', (c) => c.references('source.id'))
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('last_polled_at', 'text')
    .addColumn('next_poll_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('item_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('document')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('canonical_url', 'text')
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('content_type', 'text')
    .addColumn('charset', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull().unique())
    .addColumn('raw', blob, (c) => c.notNull())
    .addColumn('raw_encoding', 'text', (c) => c.notNull())
    .addColumn('raw_size', 'integer', (c) => c.notNull())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('hints', 'text')
    .addColumn('feed_id', 'integer', (c) => c.references('feed.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('outcome_reason', 'text')
    .addColumn('extractor', 'text')
    .execute();
  await db.schema.createIndex('document_url').on('document').column('url').execute();
  await db.schema.createIndex('document_origin').on('document').column('origin').execute();
  await db.schema.createIndex('document_canonical_url').on('document').column('canonical_url').execute();

  await db.schema
    .createTable('article')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('document_id', 'integer', (c) => c.notNull().references('document.id'))
    .addColumn('source_id', 'integer', (c) => c.notNull().references('source.id'))
    .addColumn('url', 'text')
    .addColumn('canonical_url', 'text')
    .addColumn('title', 'text')
    .addColumn('byline', 'text')
    .addColumn('published_at', 'text')
    .addColumn('modified_at', 'text')
    .addColumn('language', 'text')
    .addColumn('site_name', 'text')
    .addColumn('image_url', 'text')
    .addColumn('dateline', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('text_hash', 'text', (c) => c.notNull())
    .addColumn('paragraphs', 'text', (c) => c.notNull())
    .addColumn('related_links', 'text', (c) => c.notNull())
    .addColumn('boilerplate', 'text', (c) => c.notNull())
    .addColumn('content_html', 'text')
    .addColumn('word_count', 'integer', (c) => c.notNull())
    .addColumn('extractor', 'text', (c) => c.notNull())
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .addColumn('analyzer', 'text')
    .addColumn('analyzed_at', 'text')
    .execute();
  // One article per canonical URL, and one per text within a source: the same words from
  // two outlets are two articles (a wire copy), which story clustering counts later.
  await db.schema
    .createIndex('article_canonical_url')
    .on('article')
    .column('canonical_url')
    .unique()
    .where(sql.ref('canonical_url'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('article_source_text')
    .on('article')
    .columns(['source_id', 'text_hash'])
    .unique()
    .execute();
  await db.schema.createIndex('article_published').on('article').column('published_at').execute();
  await db.schema.createIndex('article_ingested').on('article').column('ingested_at').execute();
  await db.schema.createIndex('article_analyzer').on('article').column('analyzer').execute();

  await db.schema
    .createTable('entity')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('entity_name_type', ['name', 'type'])
    .execute();

  await db.schema
    .createTable('entity_alias')
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entity.id'))
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('alias_key', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('entity_alias_pk', ['alias_key', 'type'])
    .execute();
  await db.schema.createIndex('entity_alias_entity').on('entity_alias').column('entity_id').execute();

  const annotation = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('article_id', 'integer', (c) => c.notNull().references('article.id'))
      .addColumn('start', 'integer', (c) => c.notNull())
      .addColumn('end', 'integer', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull());

  await annotation('mention')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.references('entity.id'))
    .execute();
  await annotation('quote')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('cue_start', 'integer')
    .addColumn('cue_end', 'integer')
    .addColumn('speaker_text', 'text')
    .addColumn('speaker_start', 'integer')
    .addColumn('speaker_end', 'integer')
    .addColumn('speaker_entity_id', 'integer', (c) => c.references('entity.id'))
    .addColumn('speaker_name', 'text')
    .addColumn('confidence', 'real', (c) => c.notNull())
    .execute();
  await annotation('claim')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('low', 'double precision')
    .addColumn('high', 'double precision')
    .addColumn('hedge', 'text')
    .addColumn('unit', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('source_text', 'text')
    .addColumn('source_entity_id', 'integer', (c) => c.references('entity.id'))
    .addColumn('time_text', 'text')
    .execute();
  await annotation('time_expr')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('grain', 'text', (c) => c.notNull())
    .execute();
  for (const table of ['mention', 'quote', 'claim', 'time_expr']) {
    await db.schema.createIndex(`${table}_article`).on(table).column('article_id').execute();
  }
  await db.schema.createIndex('mention_entity').on('mention').column('entity_id').execute();
  await db.schema.createIndex('claim_subject').on('claim').column('subject_key').execute();

  await db.schema
    .createTable('story')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('title', 'text')
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('article_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('story_article')
    .addColumn('story_id', 'integer', (c) => c.notNull().references('story.id'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('article.id').unique())
    .addColumn('similarity', 'real', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('story_article_pk', ['story_id', 'article_id'])
    .execute();

  await db.schema
    .createTable('watch')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_checked_at', 'text')
    .execute();

  if (dialect === 'sqlite') await createSqliteSearch(db);
}

/** FTS5 over title and text, kept in step with the article table by triggers. */
async function createSqliteSearch(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE article_fts USING fts5(
    title, text, content='article', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2')`.execute(db);
  await sql`CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
    INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
  END`.execute(db);
  await sql`CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
    INSERT INTO article_fts(article_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  END`.execute(db);
  await sql`CREATE TRIGGER article_fts_update AFTER UPDATE OF title, text ON article BEGIN
    INSERT INTO article_fts(article_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
  END`.execute(db);
}
