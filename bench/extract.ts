// Body extraction quality on a folder in the Article Extraction Benchmark layout
// (html/<id>.html.gz, ground-truth.json), scored with the benchmark's own metric. Runs
// sitrep's extractHtml and plain @mozilla/readability on linkedom side by side.
// Prints the worst pages, then one JSON line with the INTERFACES.md fields.
//
//   npm run -s bench:extract -- DIR [--write OUT_DIR] [--show ID_PREFIX]
//
// --write saves both predictions as evaluate.py reads them ({id: {articleBody}}).
// --show prints our body beside the ground truth for the pages whose id starts so.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeBytes } from '../src/core/charset.js';
import { extractHtml } from '../src/extract/index.js';
import { DATA_DIR } from '../src/test-support/index.js';
import {
  bootstrapF1Std,
  exactMatch,
  matchShingles,
  metricsOf,
  pageF1,
  type TpFpFn,
} from './asb-score.js';

/** Pages listed in the table, worst first. */
const WORST_SHOWN = 20;

interface Page {
  id: string;
  url: string;
  truth: string;
  html: string;
}

interface Outcome {
  text: string;
  ms: number;
  title: boolean;
  author: boolean;
  date: boolean;
}

function parseArgs(argv: string[]): { dir: string; write: string | null; show: string | null } {
  let dir: string | null = null;
  let write: string | null = null;
  let show: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--write') write = argv[++i] ?? null;
    else if (arg === '--show') show = argv[++i] ?? null;
    else dir = arg;
  }
  return { dir: resolve(dir ?? join(DATA_DIR, 'extraction/asb')), write, show };
}

function loadPages(dir: string): Page[] {
  const truthPath = join(dir, 'ground-truth.json');
  if (!existsSync(truthPath)) {
    console.error(`bench:extract needs ${truthPath} (pass the folder, or set SITREP_DATA)`);
    process.exit(1);
  }
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Record<
    string,
    { articleBody?: string; url?: string }
  >;
  return Object.entries(truth).map(([id, row]) => {
    const bytes = gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`)));
    return {
      id,
      url: row.url ?? '',
      truth: row.articleBody ?? '',
      html: decodeBytes(bytes, 'text/html').text,
    };
  });
}

function runSitrep(page: Page): Outcome {
  const start = process.hrtime.bigint();
  const result = extractHtml(page.html, { url: page.url || null });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!result.ok) return { text: '', ms, title: false, author: false, date: false };
  const d = result.value;
  return {
    text: d.text,
    ms,
    title: !!d.title?.trim(),
    author: !!d.byline?.trim(),
    date: !!d.published,
  };
}

function runReadability(page: Page): Outcome {
  const start = process.hrtime.bigint();
  let text = '';
  let title = false;
  let author = false;
  let date = false;
  try {
    const { document } = parseHTML(page.html);
    for (const t of [...document.querySelectorAll('template')]) t.remove();
    const article = new Readability(document as never).parse();
    text = article?.textContent ?? '';
    title = !!article?.title?.trim();
    author = !!article?.byline?.trim();
    date = !!article?.publishedTime;
  } catch {
    // A crash scores as an empty body, as it would in the benchmark.
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { text, ms, title, author, date };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

const args = parseArgs(process.argv.slice(2));
const pages = loadPages(args.dir);

// Warm-up pass, so the timed pass measures compiled code, not the JIT starting up.
for (const page of pages) {
  runSitrep(page);
  runReadability(page);
}
const ours = pages.map(runSitrep);
const base = pages.map(runReadability);

const ourCounts: TpFpFn[] = pages.map((p, i) => matchShingles(p.truth, ours[i]!.text));
const baseCounts: TpFpFn[] = pages.map((p, i) => matchShingles(p.truth, base[i]!.text));
const ourMetrics = metricsOf(ourCounts);
const baseMetrics = metricsOf(baseCounts);
const ourF1s = ourCounts.map(pageF1);
const baseF1s = baseCounts.map(pageF1);

if (args.show) {
  pages.forEach((p, i) => {
    if (!p.id.startsWith(args.show!)) return;
    console.log(`=== ${p.id} ${p.url}\n--- ours (F1 ${ourF1s[i]!.toFixed(3)})\n${ours[i]!.text}`);
    console.log(`--- truth\n${p.truth}\n`);
  });
}
if (args.write) {
  mkdirSync(args.write, { recursive: true });
  const dump = (outs: Outcome[]) =>
    JSON.stringify(Object.fromEntries(pages.map((p, i) => [p.id, { articleBody: outs[i]!.text }])));
  writeFileSync(join(args.write, 'sitrep.json'), dump(ours));
  writeFileSync(join(args.write, 'readability.json'), dump(base));
}

const order = pages.map((_, i) => i).sort((a, b) => ourF1s[a]! - ourF1s[b]!);
console.log('page      sitrep  readability');
for (const i of order.slice(0, WORST_SHOWN)) {
  console.log(`${pages[i]!.id.slice(0, 8)}  ${ourF1s[i]!.toFixed(3)}   ${baseF1s[i]!.toFixed(3)}`);
}
console.log(
  `sitrep F1 ${ourMetrics.f1.toFixed(3)} ± ${bootstrapF1Std(ourCounts).toFixed(3)}, ` +
    `readability F1 ${baseMetrics.f1.toFixed(3)} ± ${bootstrapF1Std(baseCounts).toFixed(3)}`,
);

const share = (pick: (o: Outcome) => boolean) => round(ours.filter(pick).length / pages.length, 3);
console.log(
  JSON.stringify({
    f1: round(ourMetrics.f1),
    precision: round(ourMetrics.precision),
    recall: round(ourMetrics.recall),
    accuracy: round(
      pages.reduce((n, p, i) => n + exactMatch(p.truth, ours[i]!.text), 0) / pages.length,
    ),
    pages: pages.length,
    median_ms: round(median(ours.map((o) => o.ms)), 1),
    baseline_f1: round(baseMetrics.f1),
    baseline_precision: round(baseMetrics.precision),
    baseline_recall: round(baseMetrics.recall),
    baseline_median_ms: round(median(base.map((o) => o.ms)), 1),
    pages_below_half: ourF1s.filter((f) => f < 0.5).length,
    title_coverage: share((o) => o.title),
    author_coverage: share((o) => o.author),
    date_coverage: share((o) => o.date),
  }),
);
