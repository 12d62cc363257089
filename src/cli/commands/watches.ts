// `sitrep watches [list|add|rm]`: saved queries from the command line. (`sitrep watch`
// is the feed poller; these are the saved queries the web UI calls Watches.)
import { type Command, InvalidArgumentError } from 'commander';
import { checkWebhookUrl } from '../../pipeline/webhooks.js';
import { toFtsQuery } from '../../store/index.js';
import { configFrom, type GlobalOptions, withRuntime } from '../context.js';
import { positiveInt, printJson, printTable } from '../output.js';

interface AddOptions {
  words?: string;
  entity?: number;
  story?: number;
  source?: string;
  webhook?: string;
  json?: boolean;
}

function fail(message: string): void {
  process.stderr.write(`sitrep: ${message}\n`);
  process.exitCode = 1;
}

/** Registers `watches` (list), `watches add` and `watches rm`. */
export function registerWatches(program: Command): void {
  const config = () => configFrom(program.opts<GlobalOptions>());
  const watches = program
    .command('watches')
    .description('saved queries that fire on ingest (inbox and webhooks)');

  watches
    .command('list', { isDefault: true })
    .description('list watches with their match counts')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const items = await withRuntime(config(), (rt) => rt.store.watches.list());
      if (opts.json) printJson(items);
      else
        printTable(
          items.map((w) => ({
            ...w,
            query: [
              w.words && `words: ${w.words}`,
              w.entityId && `entity: ${w.entityName ?? w.entityId}`,
              w.storyId && `story: ${w.storyId}`,
              w.sourceKey && `source: ${w.sourceKey}`,
            ]
              .filter(Boolean)
              .join('; '),
          })),
          [
            { key: 'id', title: 'ID' },
            { key: 'name', title: 'NAME', max: 30 },
            { key: 'query', title: 'QUERY', max: 60 },
            { key: 'matches', title: 'MATCHES' },
            { key: 'unread', title: 'UNREAD' },
            { key: 'webhookUrl', title: 'WEBHOOK', max: 40 },
          ],
        );
    });

  watches
    .command('add')
    .description('save a watch; every criterion given must hold')
    .argument('<name>', 'a name for the watch')
    .option('--words <query>', 'search words: "phrases", OR, -excluded')
    .option('--entity <id>', 'an entity id', positiveInt)
    .option('--story <id>', 'a story id', positiveInt)
    .option('--source <key>', 'a source key')
    .option('--webhook <url>', 'POST new matches, signed, to this http(s) URL')
    .option('--json', 'print JSON')
    .action(async (name: string, opts: AddOptions) => {
      if (!opts.words && !opts.entity && !opts.story && !opts.source) {
        throw new InvalidArgumentError(
          'give at least one of --words, --entity, --story or --source',
        );
      }
      if (opts.words && !toFtsQuery(opts.words))
        return fail('--words needs at least one word or number');
      const cfg = config();
      const refused = opts.webhook ? checkWebhookUrl(opts.webhook, cfg.allowPrivate) : null;
      if (refused) return fail(`--webhook: ${refused}`);
      const watch = await withRuntime(cfg, async (rt) => {
        if (opts.entity && !(await rt.store.entities.get(opts.entity)))
          return `no entity ${opts.entity}`;
        if (opts.story && !(await rt.store.stories.get(opts.story)))
          return `no story ${opts.story}`;
        return rt.store.watches.create({
          name,
          words: opts.words,
          entityId: opts.entity,
          storyId: opts.story,
          sourceKey: opts.source,
          webhookUrl: opts.webhook,
        });
      });
      if (typeof watch === 'string') return fail(watch);
      if (opts.json) printJson(watch);
      else {
        process.stdout.write(`watch ${watch.id} saved\n`);
        if (watch.webhookUrl)
          process.stdout.write(
            `webhook secret (verify X-Sitrep-Signature with it): ${watch.secret}\n`,
          );
      }
    });

  watches
    .command('rm')
    .description('delete a watch with its matches and deliveries')
    .argument('<id>', 'watch id', positiveInt)
    .action(async (id: number) => {
      const removed = await withRuntime(config(), (rt) =>
        rt.store.transaction((repos) => repos.watches.remove(id)),
      );
      if (!removed) return fail(`no watch ${id}`);
      process.stderr.write(`watch ${id} deleted\n`);
    });
}
