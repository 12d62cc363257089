// Ingest throughput on real corpora from ../shared/data, measured in one run:
// JSONL records into SQLite with FTS, HTML pages through extraction, and analysis.
// Prints progress lines, then one JSON line with the INTERFACES.md fields.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../src/main.js';
import { createFetcher } from '../src/ingest/fetch/index.js';
import { analyzePending } from '../src/pipeline/analyze.js';
import type { PipelineContext } from '../src/pipeline/context.js';
import { createExtractorPool } from '../src/pipeline/extractor.js';
import { ingestInputs } from '../src/pipeline/ingest.js';
import { openStore } from '../src/store/index.js';
import { DATA_DIR as DATA, tempDir } from '../src/test-support/index.js';

const JSONL = [join(DATA, 'reuters21578/articles.jsonl'), join(DATA, 'polnear/articles.jsonl')];
const HTML = join(DATA, 'extraction/asb/html');

for (const path of [...JSONL, HTML]) {
  if (!existsSync(path)) {
    console.error(`bench:ingest needs ${path} (set SITREP_DATA)`);
    process.exit(1);
  }
}

const { dir, cleanup } = tempDir('sitrep-bench-');
const store = await openStore(join(dir, 'bench.db'));
const ctx: PipelineContext = {
  store,
  fetcher: createFetcher({}),
  extractor: createExtractorPool(availableParallelism()),
  log: createLogger('warn'),
  pollIntervalMinutes: 30,
};

async function timed<T>(label: string, work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = process.hrtime.bigint();
  const value = await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${label}: ${seconds.toFixed(2)} s`);
  return { value, seconds };
}

const jsonl = await timed('jsonl ingest', () => ingestInputs(JSONL, ctx));
console.log(`  ${jsonl.value.added} added, ${jsonl.value.duplicates} duplicates, ${jsonl.value.skipped} skipped, ${jsonl.value.failed} failed`);
const html = await timed('html ingest', () => ingestInputs([HTML], ctx));
const pages = html.value.added + html.value.duplicates + html.value.skipped + html.value.failed;
console.log(`  ${pages} pages: ${html.value.added} added, ${html.value.skipped} skipped, ${html.value.failed} failed`);
const analyzed = await timed('analyze', () => analyzePending(ctx));
console.log(`  ${analyzed.value} articles analyzed`);

const stats = await store.stats();
await ctx.fetcher.close();
await ctx.extractor?.close();
await store.close();
cleanup();

const rate = (n: number, s: number) => Math.round((n / s) * 10) / 10;
console.log(
  JSON.stringify({
    jsonl_articles_per_s: rate(jsonl.value.added + jsonl.value.duplicates, jsonl.seconds),
    html_pages_per_s: rate(pages, html.seconds),
    analyze_articles_per_s: rate(analyzed.value, analyzed.seconds),
    jsonl_records: jsonl.value.added + jsonl.value.duplicates + jsonl.value.skipped + jsonl.value.failed,
    jsonl_added: jsonl.value.added,
    html_pages: pages,
    html_added: html.value.added,
    analyzed: analyzed.value,
    database_bytes: stats.databaseBytes,
  }),
);
