// `sitrep audit`: the log of attempted writes through the API, newest first: who (the
// token's name), from where, what, and the answer. The API shows it to admin tokens only;
// on the command line, whoever can open the database reads it.
import type { Command } from 'commander';
import { configFrom, type GlobalOptions, withRuntime } from '../context.js';
import { positiveInt, printJson, printTable } from '../output.js';

/** Registers `audit`. */
export function registerAudit(program: Command): void {
  const config = () => configFrom(program.opts<GlobalOptions>());
  program
    .command('audit')
    .description('the log of attempted writes through the API, refused ones included')
    .option('--limit <n>', 'how many events', positiveInt, 50)
    .option('--before <id>', 'events older than this one (paging)', positiveInt)
    .option('--refused', 'only writes that were refused or failed (status 400 and over)')
    .option('--json', 'print JSON')
    .action(async (opts: { limit: number; before?: number; refused?: boolean; json?: boolean }) => {
      const items = await withRuntime(config(), (rt) => rt.store.audit.list(opts));
      if (opts.json) return printJson(items);
      printTable(
        items.map((e) => ({
          ...e,
          when: e.at.slice(0, 19).replace('T', ' '),
          who: e.actor ?? (e.tokenId === null ? '(no token)' : `token ${e.tokenId}`),
          what: `${e.method} ${e.path}`,
        })),
        [
          { key: 'id', title: 'ID' },
          { key: 'when', title: 'WHEN' },
          { key: 'who', title: 'WHO', max: 30 },
          { key: 'address', title: 'FROM', max: 40 },
          { key: 'what', title: 'WHAT', max: 60 },
          { key: 'status', title: 'STATUS' },
        ],
      );
    });
}
