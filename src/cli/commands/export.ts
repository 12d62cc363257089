// `sitrep export`: articles, quotes or claims as JSON Lines or CSV, filtered as the API
// filters them, streamed page by page to standard output or a file.
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { type Command, Option } from 'commander';
import {
  EXPORT_FORMATS,
  EXPORT_WHATS,
  type ExportFormat,
  type ExportWhat,
  writeExport,
} from '../../pipeline/export.js';
import type { Store } from '../../store/index.js';
import { configFrom, type GlobalOptions, withRuntime } from '../context.js';
import { positiveInt } from '../output.js';
import { isoTime } from './stories.js';

export { csvField } from '../../pipeline/export.js';

/** Writes every article to `out`; returns how many (today's `sitrep export`). */
export function exportArticles(store: Store, format: ExportFormat, out: Writable): Promise<number> {
  return writeExport(store, 'articles', format, {}, out);
}

interface ExportOptions {
  what: ExportWhat;
  format: ExportFormat;
  query?: string;
  source?: string;
  since?: string;
  until?: string;
  story?: number;
  entity?: number;
  out?: string;
}

/** Registers `export`. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write articles, quotes or claims as JSON Lines or CSV')
    .addOption(
      new Option('--what <what>', 'what to export').choices([...EXPORT_WHATS]).default('articles'),
    )
    .addOption(
      new Option('--format <format>', 'file format').choices([...EXPORT_FORMATS]).default('jsonl'),
    )
    .option('-q, --query <words>', 'only articles matching these words (search syntax)')
    .option('--source <key>', 'only articles from this source (a domain or key)')
    .option('--since <time>', 'only articles published at or after this ISO time', isoTime)
    .option('--until <time>', 'only articles published before this ISO time', isoTime)
    .option('--story <id>', 'only the articles of this story', positiveInt)
    .option('--entity <id>', 'only articles mentioning this entity', positiveInt)
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (opts: ExportOptions) => {
      const config = configFrom(program.opts<GlobalOptions>());
      const filters = {
        q: opts.query,
        sourceKey: opts.source,
        since: opts.since,
        until: opts.until,
        storyId: opts.story,
        entityId: opts.entity,
      };
      const file = opts.out ? createWriteStream(opts.out) : null;
      const out = file ?? process.stdout;
      const count = await withRuntime(config, (rt) =>
        writeExport(rt.store, opts.what, opts.format, filters, out),
      );
      if (file) {
        await new Promise<void>((resolve, reject) =>
          file.end((err?: Error | null) => (err ? reject(err) : resolve())),
        );
        process.stderr.write(`${count} ${opts.what} written to ${opts.out}\n`);
      }
    });
}
