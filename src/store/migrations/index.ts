// Numbered, forward-only migrations. A migration never changes once it has landed; a
// change to the schema is a new file with the next number.
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { Dialect } from '../dialect.js';
import * as m001 from './001-initial.js';
import * as m002 from './002-mention-key.js';
import * as m003 from './003-stories.js';
import * as m004 from './004-watches-tokens.js';
import * as m005 from './005-mention-entity-article.js';
import * as m006 from './006-entity-counts.js';
import * as m007 from './007-speaker-source-index.js';
import * as m008 from './008-postgres-search.js';
import * as m009 from './009-story-lease.js';
import * as m010 from './010-entity-count-changes.js';
import * as m011 from './011-search-buckets.js';
import * as m012 from './012-audit-log.js';

type DialectMigration = { up(db: Kysely<unknown>, dialect: Dialect): Promise<void> };

const MIGRATIONS: Record<string, DialectMigration> = {
  '001-initial': m001,
  '002-mention-key': m002,
  '003-stories': m003,
  '004-watches-tokens': m004,
  '005-mention-entity-article': m005,
  '006-entity-counts': m006,
  '007-speaker-source-index': m007,
  '008-postgres-search': m008,
  '009-story-lease': m009,
  '010-entity-count-changes': m010,
  '011-search-buckets': m011,
  '012-audit-log': m012,
};

/** A Kysely migration provider that hands each migration the engine it runs on. */
export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations() {
      const bound: Record<string, Migration> = {};
      for (const [name, migration] of Object.entries(MIGRATIONS)) {
        bound[name] = { up: (db) => migration.up(db, dialect) };
      }
      return bound;
    },
  };
}
