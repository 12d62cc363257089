// Full-text search, its facets, and the article filters that search, exports and listings
// share. SQLite ranks with FTS5's bm25, PostgreSQL with ts_rank over a GIN-indexed
// tsvector; both weigh the title the same against the text, and both rank the same window.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { dialectOf } from './dialect.js';
import type { Database } from './schema.js';
import { TS_CONFIG, toFtsQuery, toTsQuery } from './search-query.js';

export { matchesQuery, toFtsQuery, toTsQuery } from './search-query.js';

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
  /** The story the article was placed in, if any. */
  storyId: number | null;
}

/** Which articles a search, a facet count or an export considers. */
export interface ArticleFilters {
  /** Source key (a domain or name key). */
  sourceKey?: string;
  /** Published at or after (ISO 8601). */
  since?: string;
  /** Published before (ISO 8601). */
  until?: string;
  /** Articles mentioning this entity. */
  entityId?: number;
  /** Articles of this story (an old merged id counts as the story that absorbed it). */
  storyId?: number;
}

export interface SearchOptions extends ArticleFilters {
  limit: number;
  offset?: number;
}

export interface SearchFacets {
  /** How many matches the counts cover: the best FACET_SAMPLE at most. */
  counted: number;
  /** True when there were more matches than were counted. */
  capped: boolean;
  sources: Array<{ key: string; name: string; count: number }>;
  /** Publish months ("2024-10"), newest first; undated articles are left out. */
  months: Array<{ month: string; count: number }>;
  entities: Array<{ id: number; name: string; type: string; count: number }>;
  stories: Array<{ id: number; title: string | null; count: number }>;
}

/** Title matches count this many times more than body matches. */
const TITLE_WEIGHT = 4;
/**
 * Facets count over the best matches only: grouping costs grow with the sample, and on
 * 100,000 articles 500 keeps search plus facets near the cost of the search alone, while a
 * sidebar's proportions have long settled by then.
 */
export const FACET_SAMPLE = 500;
/** Facet values returned per facet: enough for a sidebar, few enough to scan. */
const FACET_VALUES = { sources: 20, months: 36, entities: 15, stories: 10 } as const;

/** SQL conditions, each led by AND, that keep only the articles (aliased `a`) the filters allow. */
export function articleFilterSql(f: ArticleFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (f.sourceKey)
    parts.push(sql`AND a.source_id = (SELECT id FROM source WHERE key = ${f.sourceKey})`);
  if (f.since) parts.push(sql`AND a.published_at >= ${f.since}`);
  if (f.until) parts.push(sql`AND a.published_at < ${f.until}`);
  if (f.entityId !== undefined)
    parts.push(sql`AND a.id IN (SELECT article_id FROM mention WHERE entity_id = ${f.entityId})`);
  if (f.storyId !== undefined) {
    // A merge moves every member, so the live story is the one an old id points at.
    parts.push(sql`AND a.id IN (SELECT article_id FROM story_article WHERE story_id =
      (SELECT coalesce(merged_into, id) FROM story WHERE id = ${f.storyId}))`);
  }
  return parts.length > 0 ? sql.join(parts, sql` `) : sql``;
}

/** Articles matching a query and the filters, best first. */
export async function searchArticles(
  db: Kysely<Database>,
  query: string,
  options: SearchOptions,
): Promise<SearchHit[]> {
  const ranked = rankedIds(db, query, options);
  if (!ranked) return [];
  // Rank first, then build snippets for the page only: both engines would otherwise make
  // a snippet for every match before sorting, which costs several times the ranking.
  const page = sql`(${ranked.sql} LIMIT ${options.limit} OFFSET ${options.offset ?? 0}) t`;
  const snippet =
    ranked.dialect === 'postgres'
      ? sql`ts_headline(${TS_CONFIG}, left(a.text, ${HEADLINE_CHARS}), to_tsquery(${TS_CONFIG}, ${ranked.match}),
          'StartSel=[[, StopSel=]], MaxWords=24, MinWords=12, MaxFragments=1')`
      : sql`snippet(article_fts, 1, '[[', ']]', ' … ', 24)`;
  const ftsJoin =
    ranked.dialect === 'postgres' ? sql`` : sql`CROSS JOIN article_fts ON article_fts.rowid = t.id`;
  const ftsMatch =
    ranked.dialect === 'postgres' ? sql`` : sql`WHERE article_fts MATCH ${ranked.match}`;
  const result = await sql<SearchHit>`
    SELECT a.id, a.title, s.name AS source, a.published_at AS published, a.url,
           ${snippet} AS snippet, t.score, substr(a.text, 1, 160) AS lead, sa.story_id AS "storyId"
    FROM ${page} ${ftsJoin}
    JOIN article a ON a.id = t.id
    JOIN source s ON s.id = a.source_id
    LEFT JOIN story_article sa ON sa.article_id = a.id
    ${ftsMatch}
    ORDER BY t.score`.execute(db);
  return result.rows;
}

/** ts_headline reads this much of a text for the snippet: a match further in shows the opening. */
const HEADLINE_CHARS = 20_000;

/**
 * Matches ranked per search: the most recently stored this many. bm25 costs per match, and
 * a word in most articles ("said" is in 81,000 of 101,000 in bench:api's store) would
 * otherwise be scored everywhere it occurs (60–160 ms). FTS5 walks rowids newest first
 * without sorting, so the window is cheap; for a news archive the recent matches are the
 * ones a reader wants ranked.
 */
export const RANK_WINDOW = 10_000;

interface Ranked {
  dialect: 'sqlite' | 'postgres';
  /** The query in the engine's syntax. */
  match: string;
  /** The ids and scores of the matches, best (lowest score) first, with no LIMIT yet. */
  sql: RawBuilder<unknown>;
}

/** The newest RANK_WINDOW matches the filters allow, ranked; null when the query has no words. */
function rankedIds(db: Kysely<Database>, query: string, filters: ArticleFilters): Ranked | null {
  const dialect = dialectOf(db);
  const filter = articleFilterSql(filters);
  if (dialect === 'postgres') {
    const match = toTsQuery(query);
    if (!match) return null;
    const tsquery = sql`to_tsquery(${TS_CONFIG}, ${match})`;
    // Weights are {D, C, B, A}: the title (A) counts TITLE_WEIGHT times the text (B), as
    // in bm25 below; normalization 1 divides by the log of the length, as bm25 damps long
    // texts. Negated so that, as with bm25, lower is better.
    const score = sql`-ts_rank(${sql.lit(`{0, 0, ${1 / TITLE_WEIGHT}, 1}`)}::float4[], a.search, ${tsquery}, 1)`;
    return {
      dialect,
      match,
      sql: sql`SELECT * FROM (SELECT a.id, a.source_id, a.published_at, ${score} AS score
          FROM article a WHERE a.search @@ ${tsquery} ${filter}
          ORDER BY a.id DESC LIMIT ${RANK_WINDOW}) w ORDER BY score`,
    };
  }
  const match = toFtsQuery(query);
  if (!match) return null;
  const score = sql`bm25(article_fts, ${TITLE_WEIGHT}, 1.0)`;
  // The article table is read only when a filter needs its columns.
  return {
    dialect,
    match,
    sql: hasFilters(filters)
      ? sql`SELECT * FROM (SELECT a.id, a.source_id, a.published_at, ${score} AS score
          FROM article_fts JOIN article a ON a.id = article_fts.rowid
          WHERE article_fts MATCH ${match} ${filter}
          ORDER BY article_fts.rowid DESC LIMIT ${RANK_WINDOW}) w ORDER BY score`
      : sql`SELECT * FROM (SELECT article_fts.rowid AS id, ${score} AS score
          FROM article_fts WHERE article_fts MATCH ${match}
          ORDER BY article_fts.rowid DESC LIMIT ${RANK_WINDOW}) w ORDER BY score`,
  };
}

const hasFilters = (f: ArticleFilters): boolean =>
  Boolean(f.sourceKey || f.since || f.until) || f.entityId !== undefined || f.storyId !== undefined;

interface FacetRow {
  facet: 'total' | 'source' | 'month' | 'entity' | 'story';
  id: number | null;
  key: string | null;
  name: string | null;
  type: string | null;
  n: number;
}

/** Counts of sources, months, entities and stories among the best matches of a query. */
export async function searchFacets(
  db: Kysely<Database>,
  query: string,
  filters: ArticleFilters,
): Promise<SearchFacets> {
  const empty: SearchFacets = {
    counted: 0,
    capped: false,
    sources: [],
    months: [],
    entities: [],
    stories: [],
  };
  const ranked = rankedIds(db, query, filters);
  if (!ranked) return empty;
  // One statement: the best matches are ranked once and every facet groups that sample.
  // On SQLite, CROSS JOIN keeps the sample outermost, so no facet scans a whole table to
  // meet it; PostgreSQL's planner needs no such hint (and accepts no ON after CROSS JOIN).
  const join = ranked.dialect === 'sqlite' ? sql`CROSS JOIN` : sql`JOIN`;
  const { rows } = await sql<FacetRow>`
    WITH ranked AS MATERIALIZED (${ranked.sql} LIMIT ${FACET_SAMPLE + 1}),
    hits AS MATERIALIZED (
      SELECT a.id, a.source_id, a.published_at
      FROM (SELECT id FROM ranked LIMIT ${FACET_SAMPLE}) r ${join} article a ON a.id = r.id)
    SELECT 'total' AS facet, NULL AS id, NULL AS key, NULL AS name, NULL AS type,
           count(*) AS n FROM ranked
    UNION ALL SELECT * FROM (
      SELECT 'source', s.id, s.key, s.name, NULL, t.n
      FROM (SELECT source_id, count(*) AS n FROM hits GROUP BY source_id
            ORDER BY n DESC LIMIT ${FACET_VALUES.sources}) t
      ${join} source s ON s.id = t.source_id) fs
    UNION ALL SELECT * FROM (
      SELECT 'month', CAST(NULL AS integer), substr(published_at, 1, 7) AS month, NULL, NULL, count(*)
      FROM hits WHERE published_at IS NOT NULL
      GROUP BY month ORDER BY month DESC LIMIT ${FACET_VALUES.months}) fm
    UNION ALL SELECT * FROM (
      SELECT 'entity', e.id, NULL, e.name, e.type, t.n
      FROM (SELECT m.entity_id, count(DISTINCT m.article_id) AS n
            FROM hits h ${join} mention m ON m.article_id = h.id
            WHERE m.entity_id IS NOT NULL
            GROUP BY m.entity_id ORDER BY n DESC, m.entity_id LIMIT ${FACET_VALUES.entities}) t
      ${join} entity e ON e.id = t.entity_id) fe
    UNION ALL SELECT * FROM (
      SELECT 'story', st.id, NULL, st.title, NULL, t.n
      FROM (SELECT sa.story_id, count(*) AS n
            FROM hits h ${join} story_article sa ON sa.article_id = h.id
            GROUP BY sa.story_id ORDER BY n DESC, sa.story_id DESC LIMIT ${FACET_VALUES.stories}) t
      ${join} story st ON st.id = t.story_id) fst`.execute(db);
  const out = empty;
  for (const r of rows) {
    const count = Number(r.n);
    if (r.facet === 'total') {
      out.counted = Math.min(count, FACET_SAMPLE);
      out.capped = count > FACET_SAMPLE;
    } else if (r.facet === 'source') out.sources.push({ key: r.key!, name: r.name!, count });
    else if (r.facet === 'month') out.months.push({ month: r.key!, count });
    else if (r.facet === 'entity')
      out.entities.push({ id: r.id!, name: r.name!, type: r.type!, count });
    else out.stories.push({ id: r.id!, title: r.name, count });
  }
  // Joins after each LIMIT keep no order: sort here, ties by name for a stable sidebar.
  out.sources.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  out.entities.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  out.stories.sort((a, b) => b.count - a.count || b.id - a.id);
  return out;
}
