// Commands that read stories: the list, one story (or what changed in it since a time),
// and its situation report (Markdown or HTML).
import { writeFileSync } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { relatedArticles } from '../../pipeline/related.js';
import { loadStoryView } from '../../pipeline/story-view.js';
import { changesSince, renderReport, storyDetail } from '../../stories/index.js';
import { renderReportHtml } from '../../stories/report-html.js';
import { configFrom, type GlobalOptions, withRuntime } from '../context.js';
import { positiveInt, printJson, printTable } from '../output.js';

/** Registers `stories`, `story`, `related` and `report`. */
export function registerStories(program: Command): void {
  const config = () => configFrom(program.opts<GlobalOptions>());

  program
    .command('stories')
    .description('list stories, most recently active first')
    .option('--limit <n>', 'how many', positiveInt, 20)
    .option('--before <time>', 'only stories last seen before this ISO time (paging)', isoTime)
    .option('--since <time>', 'only stories active since this ISO time', isoTime)
    .option('--until <time>', 'only stories first seen before this ISO time', isoTime)
    .option('--source <key>', 'only stories with an article from this source (a domain or key)')
    .option('--entity <id>', 'only stories whose articles mention this entity', positiveInt)
    .option('--outlets <n>', 'only stories covered by at least this many outlets', positiveInt)
    .option('--json', 'print JSON')
    .action(async (opts: StoriesOptions) => {
      const items = await withRuntime(config(), (rt) =>
        rt.store.stories.list({
          limit: opts.limit,
          before: opts.before,
          since: opts.since,
          until: opts.until,
          sourceKey: opts.source,
          entityId: opts.entity,
          minSources: opts.outlets,
        }),
      );
      if (opts.json) printJson(items);
      else
        printTable(
          items.map((s) => ({
            ...s,
            title: s.title ?? '(untitled)',
            about: s.topEntities.map((e) => e.name).join(', '),
          })),
          [
            { key: 'id', title: 'ID' },
            { key: 'lastSeen', title: 'LAST SEEN', max: 10 },
            { key: 'articles', title: 'ARTICLES' },
            { key: 'sources', title: 'OUTLETS' },
            { key: 'independent', title: 'INDEPENDENT' },
            { key: 'title', title: 'TITLE', max: 60 },
            { key: 'about', title: 'ABOUT', max: 40 },
          ],
        );
    });

  program
    .command('story')
    .description('show one story: timeline, claims compared, speakers and sources')
    .argument('<id>', 'story id', positiveInt)
    .option('--since <time>', 'only what changed since this ISO time', isoTime)
    .option('--json', 'print JSON')
    .action(async (id: number, opts: { since?: string; json?: boolean }) => {
      const view = await withRuntime(config(), (rt) => loadStoryView(rt.store, id));
      if (!view) return notFound(id);
      if (opts.since) {
        const changes = changesSince(view, opts.since);
        if (opts.json) printJson({ id: view.id, title: view.title, ...changes });
        else process.stdout.write(changesText(view.title ?? `Story ${view.id}`, changes));
        return;
      }
      if (opts.json) {
        printJson(storyDetail(view));
        return;
      }
      process.stdout.write(renderReport(view));
    });

  program
    .command('related')
    .description("articles related to one: its story's other reports, then name matches beyond it")
    .argument('<id>', 'article id', positiveInt)
    .option('--limit <n>', 'how many of each', positiveInt, 10)
    .option('--json', 'print JSON')
    .action(async (id: number, opts: { limit: number; json?: boolean }) => {
      const related = await withRuntime(config(), (rt) =>
        relatedArticles(rt.store, id, opts.limit),
      );
      if (!related) {
        process.stderr.write(`no article ${id}\n`);
        process.exitCode = 1;
        return;
      }
      if (opts.json) return printJson(related);
      const line = (a: {
        id: number;
        published: string | null;
        source: string;
        title: string | null;
      }) =>
        `  ${a.id}  ${a.published?.slice(0, 10) ?? '          '}  ${a.source}: ${a.title ?? '(untitled)'}`;
      const lines = [
        `In story ${related.storyId ?? '-'}:`,
        ...related.inStory.map(line),
        'Beyond it:',
        ...related.beyond.map(line),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  program
    .command('report')
    .description('write the situation report of a story, as Markdown or a standalone HTML page')
    .argument('<id>', 'story id', positiveInt)
    .addOption(new Option('--format <format>', 'md or html').choices(['md', 'html']).default('md'))
    .option(
      '--base-url <url>',
      'put before links into sitrep in the HTML (e.g. http://localhost:8080)',
    )
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (id: number, opts: { format: 'md' | 'html'; baseUrl?: string; out?: string }) => {
      const view = await withRuntime(config(), (rt) => loadStoryView(rt.store, id));
      if (!view) return notFound(id);
      const report =
        opts.format === 'html'
          ? renderReportHtml(view, { baseUrl: opts.baseUrl })
          : renderReport(view);
      if (opts.out) writeFileSync(opts.out, report);
      else process.stdout.write(report);
    });
}

interface StoriesOptions {
  limit: number;
  before?: string;
  since?: string;
  until?: string;
  source?: string;
  entity?: number;
  outlets?: number;
  json?: boolean;
}

function changesText(title: string, c: ReturnType<typeof changesSince>): string {
  const lines = [`${title}: changes since ${c.since}`, ''];
  lines.push(`New articles (${c.articles.length}):`);
  for (const a of c.articles)
    lines.push(`  - ${a.published?.slice(0, 10) ?? ''} ${a.source}: ${a.title ?? `#${a.id}`}`);
  for (const [label, entries] of [
    ['New figures', c.figures],
    ['New speakers', c.speakers],
    ['New places', c.places],
  ] as const) {
    lines.push('', `${label} (${entries.length}):`);
    for (const e of entries) lines.push(`  - ${e.reported.slice(0, 10)} ${e.text} (${e.source})`);
  }
  return `${lines.join('\n')}\n`;
}

function notFound(id: number): void {
  process.stderr.write(`no story ${id}\n`);
  process.exitCode = 1;
}

/** Accepts an ISO date or date-time and normalises it to a full UTC time. */
export function isoTime(value: string): string {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new InvalidArgumentError(`not an ISO date or time: ${value}`);
  return new Date(t).toISOString();
}
