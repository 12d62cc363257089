// `sitrep token create|list|revoke`: API tokens. A token is printed once, when made; the
// store keeps only its hash.
import { type Command, Option } from 'commander';
import { TOKEN_SCOPES, type TokenScope } from '../../store/index.js';
import { configFrom, type GlobalOptions, withRuntime } from '../context.js';
import { positiveInt, printJson, printTable } from '../output.js';

/** Registers `token create`, `token list` and `token revoke`. */
export function registerTokens(program: Command): void {
  const config = () => configFrom(program.opts<GlobalOptions>());
  const token = program
    .command('token')
    .description('API tokens: writes need one, and reads too with SITREP_REQUIRE_READ_TOKEN');

  token
    .command('create')
    .description('make a token and print it (this is the only time it is shown)')
    .option('--name <name>', 'what the token is for', 'token')
    .addOption(
      new Option(
        '--scope <scope>',
        'read, write (reads and writes), or admin (also reads the audit log)',
      )
        .choices(TOKEN_SCOPES)
        .default('write'),
    )
    .option('--read-only', 'the same as --scope read')
    .option('--json', 'print JSON')
    .action(
      async (opts: { name: string; scope: TokenScope; readOnly?: boolean; json?: boolean }) => {
        const scope = opts.readOnly ? 'read' : opts.scope;
        const made = await withRuntime(config(), (rt) =>
          rt.store.tokens.create({ name: opts.name, scope }),
        );
        if (opts.json) printJson({ ...made.record, token: made.token });
        else {
          process.stdout.write(`${made.token}\n`);
          process.stderr.write(
            `token ${made.record.id} (${opts.name}, ${scope}) created; store it now, it is not shown again\n`,
          );
        }
      },
    );

  token
    .command('list')
    .description('list tokens (never their text)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const items = await withRuntime(config(), (rt) => rt.store.tokens.list());
      if (opts.json) printJson(items);
      else
        printTable(
          items.map((t) => ({
            ...t,
            created: t.createdAt.slice(0, 10),
            lastUsed: t.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? '',
            state: t.revokedAt ? `revoked ${t.revokedAt.slice(0, 10)}` : 'active',
          })),
          [
            { key: 'id', title: 'ID' },
            { key: 'name', title: 'NAME', max: 40 },
            { key: 'scope', title: 'SCOPE' },
            { key: 'created', title: 'CREATED' },
            { key: 'lastUsed', title: 'LAST USED' },
            { key: 'state', title: 'STATE' },
          ],
        );
    });

  token
    .command('revoke')
    .description('revoke a token; it stops working at once, browsers signed in with it too')
    .argument('<id>', 'token id', positiveInt)
    .action(async (id: number) => {
      const revoked = await withRuntime(config(), (rt) => rt.store.tokens.revoke(id));
      if (!revoked) {
        process.stderr.write(`sitrep: no active token ${id}\n`);
        process.exitCode = 1;
        return;
      }
      process.stderr.write(`token ${id} revoked\n`);
    });
}
