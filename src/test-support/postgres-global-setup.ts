// Vitest global setup: one PostgreSQL server for the whole run, with a migrated template
// database that each test's store is copied from (copying is much faster than migrating).
// SITREP_TEST_PG_URL (a URL of its maintenance database) points the tests at an existing
// server instead.
import type { TestProject } from 'vitest/node';
import { openStore } from '../store/index.js';
import { type PostgresServer, runStatements, startPostgres } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The maintenance database's URL; test databases are created beside it. */
    postgresAdminUrl: string;
  }
}

export const TEMPLATE_DATABASE = 'sitrep_template';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.SITREP_TEST_PG_URL;
  const server: PostgresServer | null = external ? null : await startPostgres();
  const adminUrl = external ?? server!.adminUrl;
  await recreateTemplate(adminUrl);
  project.provide('postgresAdminUrl', adminUrl);
  return async () => {
    await server?.stop();
  };
}

async function recreateTemplate(adminUrl: string): Promise<void> {
  await runStatements(adminUrl, [
    `DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`,
    `CREATE DATABASE ${TEMPLATE_DATABASE}`,
  ]);
  const url = new URL(adminUrl);
  url.pathname = `/${TEMPLATE_DATABASE}`;
  await (await openStore(url.toString())).close();
}
