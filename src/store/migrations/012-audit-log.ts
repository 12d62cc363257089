// The audit log: every request that tried to change something (any method but GET, HEAD
// and OPTIONS), who made it, from where, and what the answer was. Refused attempts are
// kept too: they are what a reader of an audit log looks for first.
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/** Creates audit_event, newest found by its id. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('audit_event')
    .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    // The token's name (or SITREP_API_TOKEN), null when no token was given.
    .addColumn('actor', 'text')
    .addColumn('token_id', 'integer')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('address', 'text')
    .execute();
}
