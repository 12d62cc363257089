// Full-text search. User queries are turned into FTS5 syntax here, so that no user input
// is ever parsed as FTS5 operators by accident.
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

export interface SearchHit {
  id: number;
  title: string | null;
  source: string;
  published: string | null;
  url: string | null;
  /** A fragment of the text around the match, with matches wrapped in [[ and ]]. */
  snippet: string;
  score: number;
  /** The opening of the text, to stand in for a missing title. */
  lead: string;
}

export interface SearchOptions {
  limit: number;
  offset?: number;
}

/** Title matches count this many times more than body matches. */
const TITLE_WEIGHT = 4;

/**
 * Turns a user's query into an FTS5 expression: "quoted phrases" stay phrases, OR stays
 * OR, a leading minus excludes a word, and every other word must appear.
 */
export function toFtsQuery(query: string): string | null {
  const tokens: string[] = [];
  const excluded: string[] = [];
  for (const match of query.matchAll(/(-?)"([^"]*)"|(\S+)/g)) {
    if (match[3] === 'OR') {
      if (tokens.length > 0 && tokens.at(-1) !== 'OR') tokens.push('OR');
      continue;
    }
    const negate = match[1] === '-' || match[3]?.startsWith('-') === true;
    const words = (match[2] ?? match[3] ?? '').match(/[\p{L}\p{N}]+/gu);
    if (!words) continue;
    (negate ? excluded : tokens).push(`"${words.join(' ')}"`);
  }
  if (tokens.at(-1) === 'OR') tokens.pop();
  if (tokens.length === 0) return null;
  let positive = '';
  for (const token of tokens) {
    if (token === 'OR') positive += ' OR ';
    else positive += (positive && !positive.endsWith(' OR ') ? ' AND ' : '') + token;
  }
  return excluded.length > 0 ? `(${positive}) NOT ${excluded.join(' NOT ')}` : positive;
}

/** Articles matching a query, best first. */
export async function searchArticles(
  db: Kysely<Database>,
  query: string,
  options: SearchOptions,
): Promise<SearchHit[]> {
  const match = toFtsQuery(query);
  if (!match) return [];
  const result = await sql<SearchHit>`
    SELECT a.id, a.title, s.name AS source, a.published_at AS published, a.url,
           snippet(article_fts, 1, '[[', ']]', ' … ', 24) AS snippet,
           bm25(article_fts, ${TITLE_WEIGHT}, 1.0) AS score, substr(a.text, 1, 160) AS lead
    FROM article_fts
    JOIN article a ON a.id = article_fts.rowid
    JOIN source s ON s.id = a.source_id
    WHERE article_fts MATCH ${match}
    ORDER BY score
    LIMIT ${options.limit} OFFSET ${options.offset ?? 0}`.execute(db);
  return result.rows;
}
