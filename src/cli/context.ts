// Shared plumbing for CLI commands: configuration from env plus global flags, and a
// runtime that is always closed.
import { type Config, loadConfig } from '../config.js';
import { createLogger, createRuntime, type Runtime } from '../main.js';

export interface GlobalOptions {
  dataDir?: string;
  database?: string;
  logLevel?: string;
}

/** The configuration with global CLI flags layered over the environment. */
export function configFrom(options: GlobalOptions, defaultLogLevel = 'warn'): Config {
  return loadConfig({
    SITREP_LOG_LEVEL: defaultLogLevel,
    ...process.env,
    ...(options.dataDir ? { SITREP_DATA_DIR: options.dataDir } : {}),
    ...(options.database ? { SITREP_DATABASE: options.database } : {}),
    ...(options.logLevel ? { SITREP_LOG_LEVEL: options.logLevel } : {}),
  });
}

/** Runs work with an open runtime and closes it whatever happens. */
export async function withRuntime<T>(
  config: Config,
  work: (rt: Runtime) => Promise<T>,
  options: { work?: boolean } = {},
): Promise<T> {
  const rt = await createRuntime(config, createLogger(config.logLevel), options);
  try {
    return await work(rt);
  } finally {
    await rt.close();
  }
}
