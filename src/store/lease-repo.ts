// The story assigner's lease (see migration 009): taken by one process at a time, and
// confirmed inside every transaction that places articles.
import type { Kysely } from 'kysely';
import { SitrepError } from '../core/errors.js';
import type { Database } from './schema.js';

export class LeaseRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Starts a new generation held by `holder`, ending whichever held it before; returns it. */
  async take(holder: string): Promise<number> {
    const row = await this.db
      .updateTable('story_lease')
      .set((eb) => ({
        generation: eb('generation', '+', 1),
        holder,
        updated_at: new Date().toISOString(),
      }))
      .where('id', '=', 1)
      .returning('generation')
      .executeTakeFirstOrThrow();
    return row.generation;
  }

  /**
   * Fails with STORY_LEASE_LOST unless `generation` still holds the lease. Run inside the
   * placing transaction: on PostgreSQL the row lock it takes also queues placements.
   */
  async confirm(generation: number): Promise<void> {
    const result = await this.db
      .updateTable('story_lease')
      .set({ updated_at: new Date().toISOString() })
      .where('id', '=', 1)
      .where('generation', '=', generation)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      throw new SitrepError(
        'STORY_LEASE_LOST',
        `generation ${generation} no longer holds the lease`,
      );
    }
  }
}
