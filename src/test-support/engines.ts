// The store suite runs on SQLite in memory under `npm test`, and on PostgreSQL under
// `npm run test:postgres` (vitest.postgres.config.ts), each test on a fresh database of
// the server its global setup started.
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { Dialect } from '../store/dialect.js';
import { openStore, type Store } from '../store/index.js';
import { TEMPLATE_DATABASE } from './postgres-global-setup.js';
import { runStatements } from './postgres-server.js';

/** True under `npm run test:postgres`. */
export const POSTGRES_RUN = process.env.SITREP_TEST_ENGINE === 'postgres';

/** The engine this run tests the store on. */
export const ENGINES: readonly Dialect[] = POSTGRES_RUN ? ['postgres'] : ['sqlite'];

/**
 * A location for a new, empty, migrated store on an engine: ':memory:' for SQLite, or
 * the URL of a database just copied from the migrated template.
 */
export async function freshLocation(engine: Dialect): Promise<string> {
  if (engine === 'sqlite') return ':memory:';
  const adminUrl = inject('postgresAdminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  await runStatements(adminUrl, [`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`]);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new, empty store on an engine. Closing a PostgreSQL store drops its database. */
export async function openTestStore(engine: Dialect): Promise<Store> {
  const location = await freshLocation(engine);
  const store = await openStore(location, { poolSize: 4 });
  if (engine === 'postgres') {
    const close = store.close.bind(store);
    const name = new URL(location).pathname.slice(1);
    store.close = async () => {
      await close();
      await runStatements(inject('postgresAdminUrl'), [`DROP DATABASE IF EXISTS ${name}`]);
    };
  }
  return store;
}
