// Claims compared across the outlets of PolNeAR (1,012 US political articles, 7 outlets,
// 2015–2016): analyzes every article, compares all their claims as if they were one story
// (so a figure repeated across the campaign's stories lines up), and prints the quantities
// that two or more outlets give.
//
//   npx tsx scripts/claims-across-outlets.ts [--top N] [--json]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeArticle } from '../src/analyze/index.js';
import { sharedModels } from '../src/pipeline/analyze.js';
import { type ClaimRow, compareClaims, type StoryClaim } from '../src/stories/claims-compare.js';
import { DATA_DIR } from '../src/test-support/index.js';

interface PolnearArticle {
  filename: string;
  publisher: string;
  publication_date: string;
  title: string;
  text: string;
}

const argv = process.argv.slice(2);
const topAt = argv.indexOf('--top');
const top = topAt >= 0 ? Number(argv[topAt + 1]) : 20;
const asJson = argv.includes('--json');

const file = join(DATA_DIR, 'polnear/articles.jsonl');
const articles = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as PolnearArticle);

const started = Date.now();
const models = sharedModels();
const texts = new Map<string, string>();
const claims: StoryClaim[] = [];
for (const a of articles) {
  texts.set(a.filename, a.text);
  const found = analyzeArticle(
    { text: a.text, published: a.publication_date, site: a.publisher },
    models,
  );
  for (const claim of found.claims) {
    claims.push({
      claim,
      articleId: a.filename,
      outlet: a.publisher,
      published: a.publication_date,
    });
  }
}
const analyzed = Date.now();
const table = compareClaims(claims);
const compared = Date.now();

const shared = table.areas
  .flatMap((area) => area.quantities.map((quantity) => ({ area, quantity })))
  .filter(({ quantity }) => quantity.outlets.length >= 2)
  .sort(
    (a, b) =>
      b.quantity.outlets.length - a.quantity.outlets.length ||
      b.quantity.rows.length - a.quantity.rows.length,
  );

if (asJson) {
  process.stdout.write(`${JSON.stringify(shared.slice(0, top), null, 1)}\n`);
  process.exit(0);
}

/** The sentence around a figure in its first article, to judge a flag by. */
function sentenceOf(row: ClaimRow): string {
  const text = texts.get(String(row.reports[0]!.articleId)) ?? '';
  const at = text.indexOf(row.text);
  if (at < 0) return row.text;
  const start = Math.max(text.lastIndexOf('. ', at) + 2, text.lastIndexOf('\n', at) + 1, at - 200);
  const stop = text.indexOf('. ', at + row.text.length);
  const end = Math.min(stop < 0 ? text.length : stop + 1, at + row.text.length + 200);
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}

const hedgeOf = (row: ClaimRow) => (row.hedge ? `${row.hedge} ` : '');
console.log(
  `${articles.length} articles, ${claims.length} claims (${table.uncompared} too vague to compare); ` +
    `analyzed in ${analyzed - started} ms, compared in ${compared - analyzed} ms`,
);
console.log(
  `${table.areas.length} subject areas; ${shared.length} quantities given by 2+ outlets ` +
    `(${shared.filter((s) => s.quantity.status === 'disputed').length} disputed, ` +
    `${shared.filter((s) => s.quantity.status === 'updated').length} updated)\n`,
);
shared.slice(0, top).forEach(({ area, quantity }, n) => {
  console.log(
    `#${n + 1} [${area.label}] ${quantity.label} — unit ${quantity.unit}, ` +
      `${quantity.outlets.length} outlets, ${quantity.independentSources} independent, ${quantity.status}`,
  );
  for (const row of quantity.rows) {
    const where = row.reports.map((r) => `${r.outlet} ${r.published ?? ''}`.trim()).join(', ');
    console.log(`   ${hedgeOf(row)}${row.value} · ${row.source} · ${row.time ?? '-'} · ${where}`);
    console.log(`      “${sentenceOf(row)}”`);
  }
  for (const flag of quantity.flags) console.log(`   ! ${flag.kind}: ${flag.reason}`);
  const index = area.quantities.indexOf(quantity);
  for (const note of area.notes.filter((n) => n.quantities.includes(index))) {
    console.log(`   note: ${note.reason}`);
  }
  console.log('');
});
