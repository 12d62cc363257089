// The user's search syntax, and its translation to each engine's: FTS5 on SQLite, tsquery
// on PostgreSQL. Only words and numbers reach either engine, always quoted, so no user
// input is ever parsed as an engine's operators by accident.
import { type RawBuilder, sql } from 'kysely';
import type { Dialect } from './dialect.js';

/**
 * A parsed query: phrases that must appear (joined by AND unless an OR stands between
 * them), and phrases that must not. A phrase is its words, in order.
 */
interface ParsedQuery {
  positive: Array<string[] | 'OR'>;
  excluded: string[][];
}

/**
 * Reads the user's syntax: "quoted phrases" stay phrases, OR stays OR, a leading minus
 * excludes, and every other word must appear. Null when nothing is left to look for.
 */
function parseQuery(query: string): ParsedQuery | null {
  const positive: ParsedQuery['positive'] = [];
  const excluded: string[][] = [];
  for (const match of query.matchAll(/(-?)"([^"]*)"|(\S+)/g)) {
    if (match[3] === 'OR') {
      if (positive.length > 0 && positive.at(-1) !== 'OR') positive.push('OR');
      continue;
    }
    const negate = match[1] === '-' || match[3]?.startsWith('-') === true;
    const words = (match[2] ?? match[3] ?? '').match(/[\p{L}\p{N}]+/gu);
    if (!words) continue;
    // "weeks weeks" asks for one word: both engines would look for it twice, and
    // PostgreSQL's planner would take it for a rarer pair of words.
    const last = (negate ? excluded : positive).at(-1);
    if (Array.isArray(last) && same(last, words)) continue;
    (negate ? excluded : positive).push(words);
  }
  if (positive.at(-1) === 'OR') positive.pop();
  return positive.length > 0 ? { positive, excluded } : null;
}

/** Both engines match words without regard to case. */
const same = (a: string[], b: string[]) => a.join(' ').toLowerCase() === b.join(' ').toLowerCase();

/** Writes a parsed query in one engine's operators. */
function render(
  parsed: ParsedQuery,
  phrase: (words: string[]) => string,
  ops: { and: string; or: string; not: string },
): string {
  let positive = '';
  for (const part of parsed.positive) {
    if (part === 'OR') positive += ops.or;
    else positive += (positive && !positive.endsWith(ops.or) ? ops.and : '') + phrase(part);
  }
  if (parsed.excluded.length === 0) return positive;
  return `(${positive})${parsed.excluded.map((words) => ops.not + phrase(words)).join('')}`;
}

/** The query as an FTS5 expression, or null when it holds no word or number. */
export function toFtsQuery(query: string): string | null {
  const parsed = parseQuery(query);
  return (
    parsed && render(parsed, (w) => `"${w.join(' ')}"`, { and: ' AND ', or: ' OR ', not: ' NOT ' })
  );
}

/**
 * The query as to_tsquery input, or null. Precedence matches FTS5's (NOT, then AND, then
 * OR), and a phrase is its words in sequence (<->), so both engines find the same articles.
 */
export function toTsQuery(query: string): string | null {
  const parsed = parseQuery(query);
  return (
    parsed &&
    render(parsed, (w) => `(${w.map((word) => `'${word}'`).join(' <-> ')})`, {
      and: ' & ',
      or: ' | ',
      not: ' & !',
    })
  );
}

/** The text search configuration both the stored tsvector and every tsquery use. */
export const TS_CONFIG = sql.lit('english');

/**
 * A condition true when article `a` matches the query on the given engine, or null when
 * the query holds no word or number.
 */
export function matchesQuery(dialect: Dialect, query: string): RawBuilder<boolean> | null {
  if (dialect === 'postgres') {
    const ts = toTsQuery(query);
    return ts === null ? null : sql<boolean>`a.search @@ to_tsquery(${TS_CONFIG}, ${ts})`;
  }
  const fts = toFtsQuery(query);
  return fts === null
    ? null
    : sql<boolean>`a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ${fts})`;
}
