// Fuzz targets: each parser a stranger's bytes reach, with inputs made to hurt it
// (./inputs.ts) and the property it must keep: an answer (a value or a clear failure),
// never a throw. Run briefly in the test suite; `npm run fuzz` runs them at length and
// holds each input to its time budget.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { analyzeArticle } from '../analyze/index.js';
import type { Capture } from '../core/types.js';
import { extractCapture } from '../extract/index.js';
import { parseFeed } from '../ingest/feeds/index.js';
import { toFtsQuery } from '../store/search-query.js';
import { capture } from '../test-support/store.js';
import { apiTarget } from './api-target.js';
import {
  anyText,
  deep,
  type EncodedPage,
  encodedPage,
  entities,
  feedSamples,
  hugeAttribute,
  jsonFeed,
  mutated,
  pageSamples,
  text,
} from './inputs.js';

export interface FuzzTarget<T = unknown> {
  name: string;
  input: fc.Arbitrary<T>;
  /** Throws (or rejects) when the property does not hold for this input. */
  check(input: T): void | Promise<void>;
  /** The most one input may take, in milliseconds: a number, or one that grows with the input. */
  budgetMs: number | ((input: T) => number);
  /** How a failing input is shown: its length and opening. */
  show?(input: T): string;
  /** What the run reached, printed after it (the API's statuses). */
  summary?(): string;
}

/** Erases a target's input type so targets of different inputs share one list. */
function target<T>(t: FuzzTarget<T>): FuzzTarget {
  return t as FuzzTarget;
}

const FEED_FAILURES = ['not-a-feed', 'malformed'];
const EXTRACT_FAILURES = ['not-an-article', 'empty', 'unreadable'];

function checkFeed(input: string): void {
  const parsed = parseFeed(input, 'https://example.test/feed');
  if (!parsed.ok) {
    if (!FEED_FAILURES.includes(parsed.reason)) throw new Error(`unknown failure ${parsed.reason}`);
    return;
  }
  for (const item of parsed.value.items) {
    // Links are followed by the fetcher and shown as hrefs: only http(s) may pass.
    if (item.url !== null && !/^https?:\/\//.test(item.url))
      throw new Error(`an item link ${JSON.stringify(item.url.slice(0, 80))} passed`);
  }
  if (JSON.stringify(parsed.value).includes('root:x:0:0'))
    throw new Error('an external entity was read');
}

function checkExtraction(page: Capture): void {
  const got = extractCapture(page);
  if (!got.ok) {
    if (!EXTRACT_FAILURES.includes(got.reason)) throw new Error(`unknown failure ${got.reason}`);
    return;
  }
  // PostgreSQL's text type cannot hold NUL: text that reaches the store must not carry it.
  for (const [field, value] of Object.entries({ text: got.value.text, title: got.value.title }))
    if (typeof value === 'string' && value.includes('\u0000'))
      throw new Error(`NUL in the extracted ${field}`);
}

function pageOf(input: EncodedPage): Capture {
  return {
    ...capture(input.kind, 'https://example.test/a', '', 'https://example.test/a'),
    contentType: input.contentType,
    body: input.bytes,
  };
}

/** An FTS5 table to run translated queries on: no user input may be an FTS5 syntax error. */
const fts = new Database(':memory:');
fts.exec(
  "CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize='porter unicode61 remove_diacritics 2')",
);
fts.exec("INSERT INTO t VALUES ('Harbour reopens', 'The harbour reopened on Friday.')");
const ftsQuery = fts.prepare('SELECT rowid FROM t WHERE t MATCH ?');

const pages = fc.constantFrom(...pageSamples);

export const TARGETS: FuzzTarget[] = [
  target({
    name: 'feeds',
    input: fc.oneof(mutated(fc.constantFrom(...feedSamples)), deep, entities, anyText),
    budgetMs: 2000,
    check: checkFeed,
  }),
  target({
    name: 'json feeds',
    input: fc.oneof(jsonFeed, mutated(jsonFeed)),
    budgetMs: 500,
    check: checkFeed,
  }),
  target({
    name: 'html',
    input: fc.oneof(mutated(pages), deep, hugeAttribute, anyText),
    budgetMs: 3000,
    check: (input: string) =>
      checkExtraction(capture('html', 'https://example.test/a', input, 'https://example.test/a')),
  }),
  target({
    name: 'encodings',
    input: encodedPage,
    // Bodies run to 50 MB (a file read from disk), and decoding is linear in the bytes:
    // the extraction's 3 s, plus 250 ms a megabyte.
    budgetMs: (input: EncodedPage) => 3000 + (input.bytes.length / 1e6) * 250,
    check: (input: EncodedPage) => checkExtraction(pageOf(input)),
    show: (input) =>
      `${input.bytes.length} bytes as ${input.kind}, ${input.contentType}: ${JSON.stringify(Buffer.from(input.bytes.slice(0, 200)).toString('latin1'))}`,
  }),
  target({
    name: 'analysis',
    input: fc.oneof(text, mutated(pages.map((p) => p.replace(/<[^>]*>/g, ' ')))),
    budgetMs: 3000,
    check(input: string) {
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
  }),
  target({
    name: 'search syntax',
    input: fc.oneof(text, fc.stringMatching(/^[\w\s"()*:^+\-.NEARORAND]{0,80}$/)),
    budgetMs: 500,
    check(input: string) {
      const query = toFtsQuery(input);
      if (query !== null) ftsQuery.all(query);
    },
  }),
  target(apiTarget),
];

/** A failing input, short enough to print. */
export function showInput(t: FuzzTarget, input: unknown): string {
  if (t.show) return t.show(input);
  const s = typeof input === 'string' ? input : JSON.stringify(input);
  return `${s.length} characters: ${JSON.stringify(s.slice(0, 300))}`;
}

/**
 * Runs one input through a target, held to its time budget; returns the time it took.
 * The time is this process's CPU time: on a machine shared with other work, the clock on
 * the wall also counts the time others ran, and a fuzzer niced beside a test suite saw
 * 0.5 s inputs take 5 s. A parser that hangs spins, so CPU time catches it; one that waits
 * (the API on a lock) is caught by the wall clock, at ten times the budget. An input over
 * budget is timed twice more and fails only if every run is over.
 */
export async function runOne(t: FuzzTarget, input: unknown): Promise<number> {
  const budget = typeof t.budgetMs === 'number' ? t.budgetMs : t.budgetMs(input);
  let fastest = Number.POSITIVE_INFINITY;
  let wall = 0;
  for (let attempt = 0; attempt < 3 && (fastest > budget || wall > budget * 10); attempt++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    await t.check(input);
    const used = process.cpuUsage(cpu);
    fastest = Math.min(fastest, (used.user + used.system) / 1000);
    wall = performance.now() - start;
  }
  if (fastest > budget || wall > budget * 10)
    throw new Error(
      `${t.name}: ${Math.round(fastest)} ms of CPU (${Math.round(wall)} ms on the clock), over the ${Math.round(budget)} ms budget`,
    );
  return fastest;
}
