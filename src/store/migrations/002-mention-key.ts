// Mentions carry the folded key of their words, so that alias edits can find every
// mention written a given way ("U.S.", "US") without scanning text.
import type { Kysely } from 'kysely';

/** Adds mention.key and an index on (type, key). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('mention').addColumn('key', 'text').execute();
  await db.schema.createIndex('mention_type_key').on('mention').columns(['type', 'key']).execute();
}
