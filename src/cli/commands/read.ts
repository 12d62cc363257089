// Commands that read the store: articles, article, search, stats, export, feeds.
import type { Command } from 'commander';
import { shownUnit } from '../../core/claim-format.js';
import type { Claim, Quote } from '../../core/types.js';
import { configFrom, type GlobalOptions, withRuntime } from '../context.js';
import { formatBytes, positiveInt, printJson, printTable } from '../output.js';
import { registerExport } from './export.js';
import { isoTime } from './stories.js';

/** Registers the commands that read the store. */
export function registerRead(program: Command): void {
  const config = () => configFrom(program.opts<GlobalOptions>());

  program
    .command('articles')
    .description('list articles, newest first')
    .option('--limit <n>', 'how many', positiveInt, 20)
    .option('--before <id>', 'only articles with ids below this (paging)', positiveInt)
    .option('--source <key>', 'only this source (a domain or key)')
    .option('--json', 'print JSON')
    .action(async (opts: { limit: number; before?: number; source?: string; json?: boolean }) => {
      const items = await withRuntime(config(), (rt) =>
        rt.store.articles.list({ limit: opts.limit, before: opts.before, sourceKey: opts.source }),
      );
      if (opts.json) printJson(items);
      else
        printTable(
          items.map((a) => ({ ...a, title: a.title ?? `(${a.lead.replace(/\s+/g, ' ')})` })),
          [
            { key: 'id', title: 'ID' },
            { key: 'published', title: 'PUBLISHED', max: 10 },
            { key: 'source', title: 'SOURCE', max: 20 },
            { key: 'title', title: 'TITLE', max: 80 },
          ],
        );
    });

  program
    .command('article')
    .description('show one article')
    .argument('<id>', 'article id', positiveInt)
    .option('--json', 'print JSON')
    .action(async (id: number, opts: { json?: boolean }) => {
      const found = await withRuntime(config(), async (rt) => {
        const article = await rt.store.articles.get(id);
        if (!article) return null;
        const { annotations } = rt.store;
        return {
          article,
          times: await annotations.times(id),
          quotes: await annotations.quotes(article),
          claims: await annotations.claims(id),
        };
      });
      if (!found) {
        process.stderr.write(`no article ${id}\n`);
        process.exitCode = 1;
        return;
      }
      const { article, times, quotes, claims } = found;
      if (opts.json) {
        printJson({ ...article, times, quotes, claims });
        return;
      }
      const head = [
        article.title ?? `Article ${id}`,
        [article.sourceName, article.byline, article.published, article.url]
          .filter(Boolean)
          .join(' · '),
      ];
      const paragraphs = article.paragraphs.map(([s, e]) => article.text.slice(s, e));
      const related =
        article.relatedLinks.length > 0
          ? [
              '',
              'Related links:',
              ...article.relatedLinks.map((l) => `  - ${l.text}${l.url ? ` <${l.url}>` : ''}`),
            ]
          : [];
      const said = quotes.length > 0 ? ['', 'Who said what:', ...quotes.map(quoteLine)] : [];
      const figures = claims.length > 0 ? ['', 'Figures:', ...claims.map(claimLine)] : [];
      process.stdout.write(
        `${[...head, '', paragraphs.join('\n\n'), ...said, ...figures, ...related].join('\n')}\n`,
      );
    });

  program
    .command('search')
    .description('full-text search: words, "phrases", OR, -exclude')
    .argument('<query...>', 'the query')
    .option('--limit <n>', 'how many', positiveInt, 20)
    .option('--source <key>', 'only this source (a domain or key)')
    .option('--since <time>', 'only articles published at or after this ISO time', isoTime)
    .option('--until <time>', 'only articles published before this ISO time', isoTime)
    .option('--entity <id>', 'only articles mentioning this entity', positiveInt)
    .option('--story <id>', 'only articles of this story', positiveInt)
    .option('--json', 'print JSON')
    .action(async (words: string[], opts: SearchCliOptions) => {
      const query = words.join(' ');
      const hits = await withRuntime(config(), (rt) =>
        rt.store.search(query, {
          limit: opts.limit,
          sourceKey: opts.source,
          since: opts.since,
          until: opts.until,
          entityId: opts.entity,
          storyId: opts.story,
        }),
      );
      if (opts.json) printJson(hits);
      else
        printTable(
          hits.map((h) => ({ ...h, snippet: h.snippet.replace(/\[\[|\]\]/g, '') })),
          [
            { key: 'id', title: 'ID' },
            { key: 'source', title: 'SOURCE', max: 18 },
            { key: 'title', title: 'TITLE', max: 60 },
            { key: 'snippet', title: 'SNIPPET', max: 70 },
          ],
        );
    });

  program
    .command('stats')
    .description('what the store holds')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const stats = await withRuntime(config(), (rt) => rt.store.stats());
      if (opts.json) printJson(stats);
      else
        printTable(
          Object.entries(stats).map(([k, v]) => ({
            k,
            v: k === 'databaseBytes' ? formatBytes(v) : v,
          })),
          [
            { key: 'k', title: 'WHAT' },
            { key: 'v', title: 'COUNT' },
          ],
        );
    });

  program
    .command('feeds')
    .description('list feeds with their status, last error and next poll')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const feeds = await withRuntime(config(), (rt) => rt.store.feeds.list());
      if (opts.json) printJson(feeds);
      else
        printTable(feeds, [
          { key: 'id', title: 'ID' },
          { key: 'url', title: 'URL', max: 50 },
          { key: 'itemCount', title: 'ITEMS' },
          { key: 'errorCount', title: 'ERRORS' },
          { key: 'lastError', title: 'LAST ERROR', max: 40 },
          { key: 'nextPollAt', title: 'NEXT POLL', max: 19 },
        ]);
    });

  registerExport(program);
}

interface SearchCliOptions {
  limit: number;
  source?: string;
  since?: string;
  until?: string;
  entity?: number;
  story?: number;
  json?: boolean;
}

function quoteLine(q: Quote): string {
  const who = q.speaker.name ?? q.speaker.text ?? 'unattributed';
  const words =
    q.kind === 'indirect' || q.kind === 'mixed' ? q.content.text : `“${q.content.text}”`;
  return `  - ${who} (${q.kind}${q.cue ? `, ${q.cue.text}` : ''}): ${words}`;
}

function claimLine(c: Claim): string {
  const hedge = c.hedge ? `${c.hedge} ` : '';
  const unit = shownUnit(c);
  return `  - ${hedge}${c.value.toLocaleString('en-US')}${unit ? ` ${unit}` : ''} ${c.subject} (${c.source ?? 'the outlet'}${c.time ? `, ${c.time}` : ''})`;
}
