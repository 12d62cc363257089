// The story assigner's lease. Placing articles in stories needs the clusterer's memory of
// recent stories, so one process at a time does it. On PostgreSQL a worker becomes the
// assigner by taking the lease (a new generation); every placement checks, in its own
// transaction, that the generation is still the one it took, so an assigner that lost the
// lease (a stalled process) can never write over the one that replaced it.
import type { Kysely } from 'kysely';

/** Creates story_lease with its single row. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('story_lease')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('holder', 'text')
    .addColumn('updated_at', 'text')
    .execute();
  await (db as Kysely<{ story_lease: { id: number; generation: number } }>)
    .insertInto('story_lease')
    .values({ id: 1, generation: 0 })
    .execute();
}
