// Watches (saved queries), their inbox of matches, webhook deliveries with every attempt,
// and API tokens. The `watch` table of 001 was a placeholder nothing ever wrote to, so it
// is replaced rather than altered.
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/** Creates watch, watch_match, watch_cursor, webhook_delivery, webhook_attempt and api_token. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const id = dialect === 'postgres' ? 'bigserial' : 'integer';
  await db.schema.dropTable('watch').ifExists().execute();
  // No foreign keys to entity or story: entity merges delete the merged entity, and a
  // watch must not block that (a story merge keeps its id, resolved at match time).
  await db.schema
    .createTable('watch')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('words', 'text')
    .addColumn('entity_id', 'integer')
    .addColumn('story_id', 'integer')
    .addColumn('source_key', 'text')
    .addColumn('webhook_url', 'text')
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('watch_match')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('watch_id', 'integer', (c) => c.notNull().references('watch.id').onDelete('cascade'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('article.id'))
    .addColumn('matched_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addUniqueConstraint('watch_match_once', ['watch_id', 'article_id'])
    .execute();
  await db.schema
    .createIndex('watch_match_article')
    .on('watch_match')
    .column('article_id')
    .execute();

  // One row: how far through story placements (placed_at) watches have been matched.
  await db.schema
    .createTable('watch_cursor')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('placed_at', 'text', (c) => c.notNull())
    .execute();

  // Matching walks placements in time order from the cursor.
  await db.schema
    .createIndex('story_article_added')
    .on('story_article')
    .column('added_at')
    .execute();

  await db.schema
    .createTable('webhook_delivery')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('watch_id', 'integer', (c) => c.notNull().references('watch.id').onDelete('cascade'))
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('article_count', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema
    .createIndex('webhook_delivery_due')
    .on('webhook_delivery')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('webhook_delivery_watch')
    .on('webhook_delivery')
    .columns(['watch_id', 'id'])
    .execute();

  await db.schema
    .createTable('webhook_attempt')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('delivery_id', 'integer', (c) =>
      c.notNull().references('webhook_delivery.id').onDelete('cascade'),
    )
    .addColumn('attempted_at', 'text', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_attempt_delivery')
    .on('webhook_attempt')
    .column('delivery_id')
    .execute();

  await db.schema
    .createTable('api_token')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
}
