// Full-text search, its facets, and the article filters that search, exports and listings
// share. SQLite ranks with FTS5's bm25, PostgreSQL with ts_rank over a GIN-indexed
// tsvector; both weigh the title the same against the text, and both rank the same window.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { dialectOf } from './dialect.js';
import type { Database } from './schema.js';
import { TS_CONFIG, toFtsQuery, toTsQuery } from './search-query.js';
import { newestMatches, type RankedMatch, type WindowReading } from './search-window.js';

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
  const ranked = await rankWindow(db, query, options);
  return ranked ? hitsOf(db, ranked, options) : [];
}

/** Counts of sources, months, entities and stories among the best matches of a query. */
export async function searchFacets(
  db: Kysely<Database>,
  query: string,
  filters: ArticleFilters,
): Promise<SearchFacets> {
  const ranked = await rankWindow(db, query, filters);
  return ranked ? facetsOf(db, ranked.matches) : emptyFacets();
}

/**
 * A page of hits and the facets from one ranking of the matches: ranking is most of a
 * search's cost, and a search page shows both.
 */
export async function searchWithFacets(
  db: Kysely<Database>,
  query: string,
  options: SearchOptions,
): Promise<{ hits: SearchHit[]; facets: SearchFacets }> {
  const ranked = await rankWindow(db, query, options);
  if (!ranked) return { hits: [], facets: emptyFacets() };
  return { hits: await hitsOf(db, ranked, options), facets: await facetsOf(db, ranked.matches) };
}

/**
 * Matches ranked per search: the most recently stored this many. Ranking costs per match
 * (bm25 reads each match's positions; ts_rank reads each match's tsvector from the table,
 * about 10 µs apiece at a million articles), and a word found in most articles would
 * otherwise be ranked everywhere it occurs. For a news archive the recent matches are the
 * ones a reader wants ranked, and the time filters move the window back to older ones.
 */
export const RANK_WINDOW = 2_000;

interface Ranked {
  dialect: 'sqlite' | 'postgres';
  /** The query in the engine's syntax. */
  match: string;
  /** The newest RANK_WINDOW matches, best (lowest score) first. */
  matches: RankedMatch[];
}

/** The newest matches the filters allow, ranked; null when the query has no words. */
export async function rankWindow(
  db: Kysely<Database>,
  query: string,
  filters: ArticleFilters,
  reading: Partial<WindowReading> = {},
): Promise<Ranked | null> {
  const dialect = dialectOf(db);
  const filter = articleFilterSql(filters);
  const window = reading.window ?? RANK_WINDOW;
  if (dialect === 'postgres') {
    const match = toTsQuery(query);
    if (!match) return null;
    const matches = await newestMatches(db, match, filter, {
      ...reading,
      window,
      titleWeight: TITLE_WEIGHT,
    });
    return { dialect, match, matches };
  }
  const match = toFtsQuery(query);
  if (!match) return null;
  const score = sql`bm25(article_fts, ${TITLE_WEIGHT}, 1.0)`;
  // FTS5 walks rowids newest first without sorting, so the window costs only its matches.
  // The article table is read only when a filter needs its columns.
  const ranked = hasFilters(filters)
    ? sql<RankedMatch>`SELECT * FROM (SELECT a.id, ${score} AS score
        FROM article_fts JOIN article a ON a.id = article_fts.rowid
        WHERE article_fts MATCH ${match} ${filter}
        ORDER BY article_fts.rowid DESC LIMIT ${window}) w ORDER BY score, id DESC`
    : sql<RankedMatch>`SELECT * FROM (SELECT article_fts.rowid AS id, ${score} AS score
        FROM article_fts WHERE article_fts MATCH ${match}
        ORDER BY article_fts.rowid DESC LIMIT ${window}) w ORDER BY score, id DESC`;
  return { dialect, match, matches: (await ranked.execute(db)).rows };
}

const hasFilters = (f: ArticleFilters): boolean =>
  Boolean(f.sourceKey || f.since || f.until) || f.entityId !== undefined || f.storyId !== undefined;

/** A derived table `r(id, pos)` of ids in the given order. */
function idTable(dialect: Ranked['dialect'], ids: number[]): RawBuilder<unknown> {
  return dialect === 'postgres'
    ? sql`unnest(${ids}::bigint[]) WITH ORDINALITY AS r(id, pos)`
    : sql`(SELECT CAST(value AS INTEGER) AS id, key AS pos FROM json_each(${JSON.stringify(ids)})) r`;
}

/** The hits of a page of ranked matches, with snippets, in rank order. */
async function hitsOf(
  db: Kysely<Database>,
  ranked: Ranked,
  { limit, offset = 0 }: SearchOptions,
): Promise<SearchHit[]> {
  const page = ranked.matches.slice(offset, offset + limit);
  if (page.length === 0) return [];
  // Snippets are made for the page only: making one costs several times ranking a match.
  const postgres = ranked.dialect === 'postgres';
  const snippet = postgres
    ? sql`ts_headline(${TS_CONFIG}, left(a.text, ${HEADLINE_CHARS}), to_tsquery(${TS_CONFIG}, ${ranked.match}),
        'StartSel=[[, StopSel=]], MaxWords=24, MinWords=12, MaxFragments=1')`
    : sql`snippet(article_fts, 1, '[[', ']]', ' … ', 24)`;
  // FTS5 makes snippets only for rows its MATCH produced: look each one up by rowid.
  const fts = postgres ? sql`` : sql`CROSS JOIN article_fts ON article_fts.rowid = r.id`;
  const ftsMatch = postgres ? sql`` : sql`WHERE article_fts MATCH ${ranked.match}`;
  const pageIds = idTable(
    ranked.dialect,
    page.map((m) => m.id),
  );
  const { rows } = await sql<Omit<SearchHit, 'score'>>`
    SELECT a.id, a.title, s.name AS source, a.published_at AS published, a.url,
           ${snippet} AS snippet, substr(a.text, 1, 160) AS lead, sa.story_id AS "storyId"
    FROM ${pageIds} ${fts}
    JOIN article a ON a.id = r.id
    JOIN source s ON s.id = a.source_id
    LEFT JOIN story_article sa ON sa.article_id = a.id
    ${ftsMatch}
    ORDER BY r.pos`.execute(db);
  const scores = new Map(page.map((m) => [m.id, m.score]));
  return rows.map((r) => ({ ...r, score: scores.get(r.id)! }));
}

/**
 * ts_headline reads this much of a text for the snippet; a match further in shows the
 * opening. It parses all it is given (about a microsecond a character), and a page holds
 * up to 200 hits: 5,000 characters is the first several paragraphs, where a news report
 * names what it is about.
 */
const HEADLINE_CHARS = 5_000;

interface FacetRow {
  facet: 'source' | 'month' | 'entity' | 'story';
  id: number | null;
  key: string | null;
  name: string | null;
  type: string | null;
  n: number;
}

const emptyFacets = (): SearchFacets => ({
  counted: 0,
  capped: false,
  sources: [],
  months: [],
  entities: [],
  stories: [],
});

/** Counts of sources, months, entities and stories among the best FACET_SAMPLE matches. */
async function facetsOf(db: Kysely<Database>, matches: RankedMatch[]): Promise<SearchFacets> {
  const dialect = dialectOf(db);
  const sample = matches.slice(0, FACET_SAMPLE).map((m) => m.id);
  if (sample.length === 0) return emptyFacets();
  // One statement for every facet. On SQLite, CROSS JOIN keeps the sample outermost, so no
  // facet scans a whole table to meet it; PostgreSQL's planner needs no such hint (and
  // accepts no ON after CROSS JOIN).
  const join = dialect === 'sqlite' ? sql`CROSS JOIN` : sql`JOIN`;
  const { rows } = await sql<FacetRow>`
    WITH hits AS MATERIALIZED (
      SELECT a.id, a.source_id, a.published_at
      FROM ${idTable(dialect, sample)} ${join} article a ON a.id = r.id)
    SELECT * FROM (
      SELECT 'source' AS facet, s.id, s.key, s.name, NULL AS type, t.n
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
  const out: SearchFacets = {
    ...emptyFacets(),
    counted: sample.length,
    capped: matches.length > sample.length,
  };
  for (const r of rows) {
    const count = Number(r.n);
    if (r.facet === 'source') out.sources.push({ key: r.key!, name: r.name!, count });
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
