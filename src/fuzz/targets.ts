// Fuzz targets: each parser a stranger's bytes reach, with inputs made to hurt it
// (random text, real documents cut and spliced, deep nesting, entity expansion) and the
// property it must keep: an answer (a value or a clear failure), never a throw. Run
// briefly in the test suite; `npm run fuzz` runs them at length and holds each input to
// its time budget.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { analyzeArticle } from '../analyze/index.js';
import { extractCapture } from '../extract/index.js';
import { parseFeed } from '../ingest/feeds/index.js';
import { toFtsQuery } from '../store/search-query.js';
import { DATA_DIR, ROOT } from '../test-support/index.js';
import { capture, HOSTILE_HTML } from '../test-support/store.js';

export interface FuzzTarget {
  name: string;
  input: fc.Arbitrary<string>;
  /** Throws (or fails an assertion) when the property does not hold for this input. */
  check(input: string): void;
  /** The most one input may take, in milliseconds. */
  budgetMs: number;
}

const FEEDS = join(ROOT, 'src/ingest/feeds/__fixtures__');
const feedSamples = readdirSync(FEEDS).map((f) => readFileSync(join(FEEDS, f), 'utf8'));
/** Real news pages (the article-extraction benchmark's), and our hostile page. */
const ASB = join(DATA_DIR, 'extraction/asb/html');
const pageSamples = [
  HOSTILE_HTML,
  ...(existsSync(ASB) ? readdirSync(ASB).sort().slice(0, 20) : []).map((f) =>
    gunzipSync(readFileSync(join(ASB, f))).toString('utf8'),
  ),
];

/** A real document cut, spliced with noise, or with a stretch repeated. */
function mutated(samples: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...samples),
      fc.nat(),
      fc.nat(),
      fc.string({ unit: 'binary', maxLength: 64 }),
      fc.integer({ min: 0, max: 3 }),
    )
    .map(([doc, a, b, noise, how]) => {
      const i = a % (doc.length + 1);
      const j = i + (b % Math.max(1, doc.length - i + 1));
      if (how === 0) return doc.slice(0, i); // truncated
      if (how === 1) return doc.slice(0, i) + noise + doc.slice(j); // spliced
      if (how === 2) return doc.slice(0, i) + doc.slice(i, j).repeat(20) + doc.slice(j); // repeated
      return doc.slice(i); // beheaded
    });
}

/** Markup nested deeper than any parser's recursion should go. */
const deep = fc
  .tuple(
    fc.constantFrom('div', 'p', 'b', 'item', 'entry', 'a'),
    fc.integer({ min: 1, max: 20_000 }),
  )
  .map(([tag, n]) => `${`<${tag}>`.repeat(n)}x${`</${tag}>`.repeat(n)}`);

/** "Billion laughs" and external entities, in an RSS envelope. */
const entities = fc.integer({ min: 1, max: 10 }).map(
  (n) => `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&d;</title>${'<item><title>&d;&xxe;</title><link>http://x.test/</link></item>'.repeat(n)}</channel></rss>`,
);

const text = fc.string({ unit: 'grapheme', maxLength: 2000 });
const anyText = fc.oneof(text, fc.string({ unit: 'binary', maxLength: 2000 }));

/** An FTS5 table to run translated queries on: no user input may be an FTS5 syntax error. */
const fts = new Database(':memory:');
fts.exec(
  "CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize='porter unicode61 remove_diacritics 2')",
);
fts.exec("INSERT INTO t VALUES ('Harbour reopens', 'The harbour reopened on Friday.')");
const ftsQuery = fts.prepare('SELECT rowid FROM t WHERE t MATCH ?');

export const TARGETS: FuzzTarget[] = [
  {
    name: 'feeds',
    input: fc.oneof(mutated(feedSamples), deep, entities, anyText),
    budgetMs: 2000,
    check(input) {
      const parsed = parseFeed(input, 'https://example.test/feed');
      if (!parsed.ok && !['not-a-feed', 'malformed'].includes(parsed.reason))
        throw new Error(`unknown failure ${parsed.reason}`);
      if (parsed.ok && JSON.stringify(parsed.value).includes('root:x:0:0'))
        throw new Error('an external entity was read');
    },
  },
  {
    name: 'html',
    input: fc.oneof(mutated(pageSamples), deep, anyText),
    budgetMs: 3000,
    check(input) {
      const got = extractCapture(
        capture('html', 'https://example.test/a', input, 'https://example.test/a'),
      );
      if (!got.ok && !['not-an-article', 'empty', 'unreadable'].includes(got.reason))
        throw new Error(`unknown failure ${got.reason}`);
    },
  },
  {
    name: 'analysis',
    input: fc.oneof(text, mutated(pageSamples.map((p) => p.replace(/<[^>]*>/g, ' ')))),
    budgetMs: 3000,
    check(input) {
      const found = analyzeArticle({ text: input, published: '2024-11-02T00:00:00Z' });
      const spans = [
        ...found.entities,
        ...found.claims,
        ...found.times,
        ...found.quotes.map((q) => q.content),
      ];
      for (const s of spans)
        if (s.start < 0 || s.end > input.length || s.start > s.end)
          throw new Error(`span ${s.start}-${s.end} outside a text of ${input.length}`);
    },
  },
  {
    name: 'search syntax',
    input: fc.oneof(text, fc.stringMatching(/^[\w\s"()*:^+\-.NEARORAND]{0,80}$/)),
    budgetMs: 500,
    check(input) {
      const query = toFtsQuery(input);
      if (query !== null) ftsQuery.all(query);
    },
  },
];

/** Runs one input through a target; the error says which input and why. */
export function runOne(target: FuzzTarget, input: string): void {
  const start = performance.now();
  target.check(input);
  const ms = performance.now() - start;
  if (ms > target.budgetMs)
    throw new Error(`${target.name}: ${Math.round(ms)} ms, over the ${target.budgetMs} ms budget`);
}
