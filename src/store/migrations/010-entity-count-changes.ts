// Entity counts under several writers. Every analysis adds to the counts of the entities
// it names, and the much-named ones ("Reuters", "U.S.") are named by nearly every article:
// on PostgreSQL, concurrent workers queued on those rows' locks until each other's
// commits. There, a worker appends its changes to entity_count_change instead (no row is
// locked), and the story assigner folds them into the entity rows every few seconds;
// reads of an entity add its changes not yet folded, so its counts are exact at any time.
// SQLite has one writer and keeps adding to the rows directly; the table stays empty.
import type { Kysely } from 'kysely';

/** Creates entity_count_change, an append-only log of count changes not yet folded in. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('entity_count_change')
    // No foreign key: a change to an entity merged away since is dropped by the fold.
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('mentions', 'integer', (c) => c.notNull())
    .addColumn('articles', 'integer', (c) => c.notNull())
    .execute();
  // Reads add an entity's logged changes to its row, to show exact counts between folds.
  await db.schema
    .createIndex('entity_count_change_entity')
    .on('entity_count_change')
    .column('entity_id')
    .execute();
}
