// Kysely's PostgreSQL driver sends every query as unnamed, so the server parses and
// analyzes the same SQL again each time; a worker runs a few dozen distinct statements
// tens of thousands of times. This pool names each distinct SQL text, so each connection
// parses it once. Plans stay per execution (plan_cache_mode = force_custom_plan, set where
// the pool is made): a generic plan could suit one search term and ruin another.
import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** Distinct statements named per process; the rest (rare, ad-hoc texts) go unnamed. */
const MAX_NAMED = 1_000;
/** Longer texts are one-off (long IN lists): not worth a server-side statement. */
const MAX_NAMED_LENGTH = 8_192;

/** Wraps a pg pool so that Kysely's queries run as named (prepared) statements. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_NAMED && text.length <= MAX_NAMED_LENGTH) {
      name = `sitrep_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      names.set(text, name);
    }
    return name;
  };
  // Kysely keeps per-client state keyed by the client object: hand back the same wrapper.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        wrapper = {
          query: ((textOrCursor: unknown, values?: unknown[]) => {
            if (typeof textOrCursor !== 'string')
              return client.query(textOrCursor as pg.Submittable);
            const name = nameOf(textOrCursor);
            return name === undefined
              ? client.query(textOrCursor, values)
              : client.query({ name, text: textOrCursor, values });
          }) as unknown as PostgresPoolClient['query'],
          release: () => client.release(),
        };
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}
