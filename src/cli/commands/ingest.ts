// `sitrep ingest`, `sitrep reprocess` and `sitrep analyze`. Pipeline stages are imported
// when a command runs, so `sitrep --help` and the read commands start fast.
import type { Command } from 'commander';
import { configFrom, type GlobalOptions, withRuntime } from '../context.js';
import { printJson } from '../output.js';
import { createProgress } from '../progress.js';

/** Exit code when the run finished but some items failed. */
export const EXIT_SOME_FAILED = 2;

/** Registers the ingest, reprocess and analyze commands. */
export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(
      'add files, folders and URLs (pages, feeds, OPML, JSON/JSONL records) to the store',
    )
    .argument('<inputs...>', 'files, folders, or http(s) URLs')
    .option('--source <name>', 'credit this outlet when an input names none')
    .option('--no-analyze', 'store articles without running the analyzers')
    .option('--json', 'print the report as JSON')
    .option('-q, --quiet', 'no progress output')
    .action(
      async (
        inputs: string[],
        opts: { source?: string; analyze: boolean; json?: boolean; quiet?: boolean },
      ) => {
        const config = configFrom(program.opts<GlobalOptions>());
        const progress = createProgress(Boolean(opts.quiet));
        const { ingestInputs } = await import('../../pipeline/ingest.js');
        const { processPending } = await import('../../pipeline/process.js');
        const report = await withRuntime(config, async (rt) => {
          const ctx = { ...rt, onProgress: progress.update };
          const result = await ingestInputs(inputs, ctx, { source: opts.source });
          const { analyzed, placed } = opts.analyze
            ? await processPending(ctx)
            : { analyzed: 0, placed: 0 };
          progress.stop();
          return { ...result, analyzed, placed };
        });
        const { articleIds, failures, ...counts } = report;
        if (opts.json) printJson({ ...counts, failures });
        else {
          for (const f of failures) process.stderr.write(`failed: ${f.label}: ${f.reason}\n`);
          process.stdout.write(
            `${counts.added} added, ${counts.duplicates} duplicates, ${counts.unchanged} unchanged, ` +
              `${counts.skipped} skipped, ${counts.failed} failed; ${counts.feedsAdded} feeds added; ${counts.analyzed} analyzed; ` +
              `${counts.placed} placed in stories` +
              (counts.queued > 0 ? `; ${counts.queued} queued for workers` : '') +
              '\n',
          );
        }
        if (counts.failed > 0) process.exitCode = EXIT_SOME_FAILED;
      },
    );

  program
    .command('reprocess')
    .description(
      're-run extraction and analysis on stored documents made by older versions; resumes after a crash',
    )
    .option('--all', 'redo every document and article, not only stale ones')
    .option('--no-extract', 'skip re-extraction')
    .option('--no-analyze', 'skip re-analysis')
    .option('--json', 'print the report as JSON')
    .option('-q, --quiet', 'no progress output')
    .action(
      async (opts: {
        all?: boolean;
        extract: boolean;
        analyze: boolean;
        json?: boolean;
        quiet?: boolean;
      }) => {
        const config = configFrom(program.opts<GlobalOptions>());
        const progress = createProgress(Boolean(opts.quiet));
        const { reextractDocuments } = await import('../../pipeline/reextract.js');
        const { processPending } = await import('../../pipeline/process.js');
        const report = await withRuntime(config, async (rt) => {
          const ctx = { ...rt, onProgress: progress.update };
          const extracted = opts.extract
            ? await reextractDocuments(ctx, { all: opts.all, onProgress: progress.update })
            : null;
          if (opts.analyze && opts.all) await rt.store.articles.clearAnalysis();
          const { analyzed, placed } = opts.analyze
            ? await processPending(ctx)
            : { analyzed: 0, placed: 0 };
          progress.stop();
          return { extract: extracted, analyzed, placed };
        });
        if (opts.json) printJson(report);
        else {
          const e = report.extract;
          if (e) {
            process.stdout.write(
              `re-extracted ${e.documents} documents: ${e.updated} articles updated, ${e.added} added, ` +
                `${e.duplicates} duplicates, ${e.skipped} skipped, ${e.failed} failed\n`,
            );
          }
          process.stdout.write(`${report.analyzed} articles analyzed\n`);
        }
        if ((report.extract?.failed ?? 0) > 0) process.exitCode = EXIT_SOME_FAILED;
      },
    );

  program
    .command('analyze')
    .description('extract and analyze files without storing them; one JSON object per file')
    .argument('<files...>', '.txt, .html, .html.gz or .json files')
    .option('--json', 'print JSON lines (the only format for now)')
    .option('--published <date>', 'reference date for relative times when the input has none')
    .action(async (files: string[], opts: { published?: string }) => {
      const published = opts.published ? new Date(opts.published) : null;
      if (published && Number.isNaN(published.getTime())) {
        program.error(`--published: not a date: ${opts.published}`);
      }
      const { analyzeFile } = await import('../analyze-files.js');
      for (const file of files) {
        const { ok, record } = await analyzeFile(file, published);
        printJson(record);
        if (!ok) process.exitCode = EXIT_SOME_FAILED;
      }
    });
}
