// An entity's page lists the quotes it spoke and the figures it gave, newest first. Without
// these indexes each list read every quote or claim in the store (over 100 ms at 100,000
// articles); with the article id beside the entity, the newest come straight off the index.
import type { Kysely } from 'kysely';

/** Indexes quote(speaker_entity_id, article_id) and claim(source_entity_id, article_id). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('quote_speaker_article')
    .on('quote')
    .columns(['speaker_entity_id', 'article_id'])
    .execute();
  await db.schema
    .createIndex('claim_source_article')
    .on('claim')
    .columns(['source_entity_id', 'article_id'])
    .execute();
}
