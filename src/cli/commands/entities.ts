// `sitrep entities` and `sitrep entity …`: reading and editing entities. Edits apply to
// articles already stored.
import type { Command } from 'commander';
import { configFrom, type GlobalOptions, withRuntime } from '../context.js';
import { positiveInt, printJson, printTable } from '../output.js';

/** Registers the entity commands. */
export function registerEntities(program: Command): void {
  const config = () => configFrom(program.opts<GlobalOptions>());

  program
    .command('entities')
    .description('entities, most mentioned first')
    .option('--type <type>', 'PER, ORG, LOC or MISC')
    .option('--query <words>', 'only names containing these words')
    .option('--limit <n>', 'how many', positiveInt, 30)
    .option('--json', 'print JSON')
    .action(async (opts: { type?: string; query?: string; limit: number; json?: boolean }) => {
      const rows = await withRuntime(config(), (rt) => rt.store.entities.list(opts));
      if (opts.json) printJson(rows);
      else printTable(rows, [
        { key: 'id', title: 'ID' },
        { key: 'type', title: 'TYPE' },
        { key: 'name', title: 'NAME', max: 50 },
        { key: 'mentions', title: 'MENTIONS' },
        { key: 'articles', title: 'ARTICLES' },
      ]);
    });

  const entity = program.command('entity').description('show or edit one entity');

  entity
    .command('show', { isDefault: true })
    .description('an entity with its aliases')
    .argument('<id>', 'entity id', positiveInt)
    .option('--json', 'print JSON')
    .action(async (id: number, opts: { json?: boolean }) => {
      const found = await withRuntime(config(), (rt) => rt.store.entities.get(id));
      if (!found) program.error(`no entity ${id}`);
      else if (opts.json) printJson(found);
      else {
        process.stdout.write(`${found.name} (${found.type}): ${found.mentions} mentions in ${found.articles} articles\n`);
        for (const a of found.aliases) process.stdout.write(`  alias: ${a.alias}${a.source === 'user' ? ' (user)' : ''}\n`);
      }
    });

  entity
    .command('merge')
    .description('fold entity FROM into entity INTO; stored mentions follow')
    .argument('<from>', 'entity id to fold away', positiveInt)
    .argument('<into>', 'entity id to keep', positiveInt)
    .action(async (from: number, into: number) => {
      await withRuntime(config(), async (rt) => {
        const [a, b] = [await rt.store.entities.get(from), await rt.store.entities.get(into)];
        if (!a || !b) program.error(`no entity ${!a ? from : into}`);
        await rt.store.transaction((repos) => repos.entities.merge(from, into));
        process.stdout.write(`merged ${a!.name} into ${b!.name}\n`);
      });
    });

  entity
    .command('split')
    .description('split ALIAS off entity ID into an entity of its own, with its mentions')
    .argument('<id>', 'entity id', positiveInt)
    .argument('<alias>', 'the name to split off')
    .action(async (id: number, alias: string) => {
      await withRuntime(config(), async (rt) => {
        if (!(await rt.store.entities.get(id))) program.error(`no entity ${id}`);
        const created = await rt.store.transaction((repos) => repos.entities.split(id, alias));
        process.stdout.write(`split "${alias}" into entity ${created}\n`);
      });
    });

  entity
    .command('alias')
    .description('add ALIAS to entity ID; stored mentions written that way follow')
    .argument('<id>', 'entity id', positiveInt)
    .argument('<alias>', 'another name for it')
    .action(async (id: number, alias: string) => {
      await withRuntime(config(), async (rt) => {
        if (!(await rt.store.entities.get(id))) program.error(`no entity ${id}`);
        await rt.store.transaction((repos) => repos.entities.addAlias(id, alias, 'user'));
        process.stdout.write(`"${alias}" now means entity ${id}\n`);
      });
    });
}
