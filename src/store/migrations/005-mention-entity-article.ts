// Filters by entity ("articles that mention X", "stories about X") read only the index when
// it holds the article id too; the old index on entity_id alone made each match a table
// lookup, which on 100,000 articles was most of the time a filtered search took.
import type { Kysely } from 'kysely';

/** Replaces mention(entity_id) with the covering mention(entity_id, article_id). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('mention_entity_article')
    .on('mention')
    .columns(['entity_id', 'article_id'])
    .execute();
  await db.schema.dropIndex('mention_entity').execute();
}
