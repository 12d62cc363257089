// Stories as the clusterer keeps them: a merged story points at the one that absorbed it
// (old ids stay valid), and each article records the near-duplicate group it belongs to,
// so a story counts a wire story run by five outlets as one independent source.
import type { Kysely } from 'kysely';

/** Adds story.merged_into, story.independent_count and the article_copy table. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('story')
    .addColumn('merged_into', 'integer', (c) => c.references('story.id'))
    .execute();
  await db.schema
    .alterTable('story')
    .addColumn('independent_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('story_last_seen').on('story').column('last_seen_at').execute();
  await db.schema
    .createTable('article_copy')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('article.id'))
    .addColumn('group_id', 'integer', (c) => c.notNull())
    .addColumn('similarity', 'real', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_copy_group').on('article_copy').column('group_id').execute();
}
