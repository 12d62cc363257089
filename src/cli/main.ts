// The `sitrep` command.
import { Command } from 'commander';
import { CONFIG_HELP } from '../config.js';
import { describeError, SitrepError } from '../core/errors.js';
import { SITREP_VERSION } from '../core/version.js';
import { registerAudit } from './commands/audit.js';
import { registerEntities } from './commands/entities.js';
import { registerIngest } from './commands/ingest.js';
import { registerRead } from './commands/read.js';
import { registerServe } from './commands/serve.js';
import { registerStories } from './commands/stories.js';
import { registerTokens } from './commands/tokens.js';
import { registerWatches } from './commands/watches.js';

/** Builds the command-line program. */
export function createProgram(): Command {
  const program = new Command('sitrep')
    .description(
      'News intelligence: who said what, which figures, where sources agree and disagree.',
    )
    .version(SITREP_VERSION)
    .option('--data-dir <dir>', 'data folder (SITREP_DATA_DIR, default ./data)')
    .option(
      '--database <location>',
      'SQLite file or postgres:// URL (SITREP_DATABASE, default DATA_DIR/sitrep.db)',
    )
    .option('--log-level <level>', 'log level (SITREP_LOG_LEVEL)')
    .addHelpText(
      'after',
      `\nConfiguration (environment):\n${Object.entries(CONFIG_HELP)
        .map(([name, help]) => `  ${name.padEnd(24)} ${help}`)
        .join('\n')}`,
    );
  registerServe(program);
  registerIngest(program);
  registerRead(program);
  registerEntities(program);
  registerStories(program);
  registerTokens(program);
  registerAudit(program);
  registerWatches(program);
  return program;
}

/** Runs the CLI; bugs and infrastructure faults print one line and exit 1. */
export async function runCli(argv: string[]): Promise<void> {
  try {
    await createProgram().parseAsync(argv);
  } catch (err) {
    process.stderr.write(`sitrep: ${describeError(err)}\n`);
    if (!(err instanceof SitrepError) && process.env.SITREP_DEBUG) console.error(err);
    process.exitCode = 1;
  }
}
