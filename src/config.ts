// Configuration, read and validated once from the environment (and CLI flags layered on
// top by the caller). Everything else receives a Config; nothing reads process.env.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { SitrepError } from './core/errors.js';
import { dialectOfLocation } from './store/dialect.js';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const ConfigSchema = z.object({
  SITREP_DATA_DIR: z.string().min(1).default('./data'),
  SITREP_DATABASE: z.string().optional(),
  SITREP_HOST: z.string().min(1).default('127.0.0.1'),
  SITREP_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  SITREP_OPML: z.string().optional(),
  SITREP_SITE_RULES: z.string().optional(),
  SITREP_API_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  SITREP_ALLOW_PRIVATE: flag.default(false),
  SITREP_USER_AGENT: z.string().optional(),
  SITREP_FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  SITREP_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  SITREP_HOST_DELAY_MS: z.coerce.number().int().min(0).default(1000),
  SITREP_RESPECT_ROBOTS: flag.default(true),
  SITREP_POLL_MINUTES: z.coerce.number().positive().default(30),
  SITREP_EXTRACT_THREADS: z.coerce.number().int().min(0).max(64).default(availableParallelism()),
  SITREP_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  SITREP_REQUIRE_READ_TOKEN: flag.default(false),
  SITREP_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim().replace(/\/+$/, ''))
        .filter(Boolean),
    )
    .refine(
      (list) => list.every((o) => o === '*' || /^https?:\/\/[^/\s]+$/.test(o)),
      'origins look like https://example.org, comma-separated',
    ),
  SITREP_RATE_LIMIT: z.coerce.number().int().positive().default(600),
  SITREP_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  SITREP_JOB_EXPIRE_SECONDS: z.coerce.number().int().min(1).default(300),
  SITREP_JOB_RETRIES: z.coerce.number().int().min(0).default(5),
});

export interface Config {
  dataDir: string;
  /** The SQLite file, or a postgres:// URL. */
  database: string;
  host: string;
  port: number;
  opml: string | null;
  /** A write token from the environment, beside those of `sitrep token create`. */
  apiToken: string | null;
  /** A JSON file of per-site extraction rules; null when there is none. */
  siteRules: string | null;
  allowPrivate: boolean;
  userAgent: string | undefined;
  fetchTimeoutMs: number;
  maxBytes: number;
  hostDelayMs: number;
  respectRobots: boolean;
  pollMinutes: number;
  /** Worker threads for extraction; 0 extracts on the main thread. */
  extractThreads: number;
  logLevel: string;
  /** Reads need a token too. */
  requireReadToken: boolean;
  /** Origins allowed by CORS on /api; empty allows none. */
  corsOrigins: string[];
  /** API requests per minute per token (or per address when anonymous). */
  rateLimitPerMinute: number;
  /** Where people reach the server, for links in webhooks and feeds; null means http://HOST:PORT. */
  publicUrl: string | null;
  /** Seconds before a silent worker's job is retried (PostgreSQL workers). */
  jobExpireSeconds: number;
  /** Retries before a job goes to the dead letters. */
  jobRetries: number;
}

/** Every setting with its environment variable and meaning, for `--help` and the README. */
export const CONFIG_HELP: Record<keyof z.input<typeof ConfigSchema>, string> = {
  SITREP_DATA_DIR: 'folder for the database and other state (default ./data)',
  SITREP_DATABASE: 'database: a SQLite file path (default DATA_DIR/sitrep.db) or a postgres:// URL',
  SITREP_HOST: 'address the server listens on (default 127.0.0.1)',
  SITREP_PORT: 'port the server listens on (default 8080)',
  SITREP_OPML: 'an OPML file whose feeds are added and polled at start',
  SITREP_API_TOKEN: 'a write token that needs no `sitrep token create` (at least 16 characters)',
  SITREP_SITE_RULES:
    'a JSON file of per-site extraction rules (default DATA_DIR/site-rules.json when it exists)',
  SITREP_ALLOW_PRIVATE: 'allow fetching private, loopback and link-local addresses (default 0)',
  SITREP_USER_AGENT: 'User-Agent sent when fetching',
  SITREP_FETCH_TIMEOUT_MS: 'time limit for one HTTP request (default 20000)',
  SITREP_MAX_BYTES: 'size cap for one fetched response (default 10485760)',
  SITREP_HOST_DELAY_MS: 'minimum gap between requests to one host (default 1000)',
  SITREP_RESPECT_ROBOTS: 'obey robots.txt (default 1)',
  SITREP_POLL_MINUTES: 'minutes between polls of a healthy feed (default 30)',
  SITREP_EXTRACT_THREADS: 'worker threads for extraction (default: one per core; 0 = none)',
  SITREP_LOG_LEVEL: 'fatal, error, warn, info, debug, trace or silent (default info)',
  SITREP_REQUIRE_READ_TOKEN:
    'API reads and pages need a token (or a signed-in browser) too (default 0)',
  SITREP_CORS_ORIGINS: 'comma-separated origins allowed to call /api from a browser (default none)',
  SITREP_RATE_LIMIT:
    'API requests per minute per token, or per address when anonymous (default 600)',
  SITREP_JOB_EXPIRE_SECONDS:
    'PostgreSQL workers: a job whose worker went quiet this long is retried (default 300)',
  SITREP_JOB_RETRIES:
    'PostgreSQL workers: retries, with doubling waits, before a job goes to the dead letters (default 5)',
  SITREP_PUBLIC_URL:
    'the address people reach the server at, for links in webhooks (default http://HOST:PORT)',
};

function defaultSiteRules(dataDir: string): string | null {
  const file = resolve(dataDir, 'site-rules.json');
  return existsSync(file) ? file : null;
}

/** A SQLite path made absolute; a PostgreSQL URL as given. */
function databaseLocation(value: string): string {
  return dialectOfLocation(value) === 'postgres' ? value : resolve(value);
}

/** Reads and validates the configuration; throws CONFIG_INVALID naming each bad setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new SitrepError('CONFIG_INVALID', problems);
  }
  const c = parsed.data;
  const dataDir = resolve(c.SITREP_DATA_DIR);
  return {
    dataDir,
    database: c.SITREP_DATABASE
      ? databaseLocation(c.SITREP_DATABASE)
      : resolve(dataDir, 'sitrep.db'),
    host: c.SITREP_HOST,
    port: c.SITREP_PORT,
    opml: c.SITREP_OPML ? resolve(c.SITREP_OPML) : null,
    apiToken: c.SITREP_API_TOKEN ?? null,
    siteRules: c.SITREP_SITE_RULES ? resolve(c.SITREP_SITE_RULES) : defaultSiteRules(dataDir),
    allowPrivate: c.SITREP_ALLOW_PRIVATE,
    userAgent: c.SITREP_USER_AGENT,
    fetchTimeoutMs: c.SITREP_FETCH_TIMEOUT_MS,
    maxBytes: c.SITREP_MAX_BYTES,
    hostDelayMs: c.SITREP_HOST_DELAY_MS,
    respectRobots: c.SITREP_RESPECT_ROBOTS,
    pollMinutes: c.SITREP_POLL_MINUTES,
    extractThreads: c.SITREP_EXTRACT_THREADS,
    logLevel: c.SITREP_LOG_LEVEL,
    requireReadToken: c.SITREP_REQUIRE_READ_TOKEN,
    corsOrigins: c.SITREP_CORS_ORIGINS,
    rateLimitPerMinute: c.SITREP_RATE_LIMIT,
    publicUrl: c.SITREP_PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    jobExpireSeconds: c.SITREP_JOB_EXPIRE_SECONDS,
    jobRetries: c.SITREP_JOB_RETRIES,
  };
}
