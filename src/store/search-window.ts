// The newest matches of a search on PostgreSQL, ranked. GIN knows no order, so "the newest
// 2,000 matches" can cost a read of every match in the table. How they are found depends
// on how common the query is:
//   - a word in most articles: the primary key is walked backwards and each article
//     tested, until the window is full (window ÷ share articles read);
//   - a rare word: every match is read at once;
//   - anything between, and any query of several words (PostgreSQL takes words as
//     independent, so it expects "Wall Street" or "New York" in far fewer articles than
//     hold them): bucket by bucket from the newest, through the GIN index over (search,
//     id / 65,536) of migration 011, so only the newest buckets' matches are read.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from './schema.js';
import { TS_CONFIG } from './search-query.js';

export interface RankedMatch {
  id: number;
  score: number;
}

export interface WindowReading {
  /** How many of the newest matches are ranked. */
  window: number;
  /** The title counts this many times the text, as bm25's column weight does on SQLite. */
  titleWeight: number;
  /** Tests choose the way, the bucket size and the buckets per query (the index serves BUCKET_IDS). */
  way?: Way;
  bucketIds?: number;
  maxBuckets?: number;
}

type Way = 'whole' | 'buckets';

/** Ids per bucket: `a.id / 65536`, written as migration 011's index has it. */
const BUCKET_IDS = 65_536;
/**
 * Above this share of matching articles, walking the primary key reads fewer rows than a
 * bucket of matches would (window ÷ share against share × BUCKET_IDS: equal near 0.18).
 */
const WALK_ABOVE = 0.18;
/** Buckets asked for in one query, at most (each is one GIN scan of a BitmapOr). */
const MAX_BUCKETS = 64;

/** The newest `window` matches of a tsquery that the filters allow, best (lowest score) first. */
export async function newestMatches(
  db: Kysely<Database>,
  match: string,
  filter: RawBuilder<unknown>,
  reading: WindowReading,
): Promise<RankedMatch[]> {
  const tsquery = sql`to_tsquery(${TS_CONFIG}, ${match})`;
  const condition = sql`a.search @@ ${tsquery}`;
  const span = await idSpan(db);
  if (span.high < span.low) return [];
  const share = (await estimate(db, condition, filter)) / span.articles;
  const way = reading.way ?? wayFor(match, share, reading.window / span.articles);
  // Weights are {D, C, B, A}: the title (A) counts titleWeight times the text (B).
  // Normalization 1 divides by the log of the length, as bm25 damps long texts. Negated
  // so that, as with bm25, lower is better.
  const weights = sql.lit(`{0, 0, ${1 / reading.titleWeight}, 1}`);
  const ranked = (newest: RawBuilder<unknown>) => sql<RankedMatch>`
    SELECT w.id, -ts_rank(${weights}::float4[], w.search, ${tsquery}, 1) AS score
    FROM (${newest}) w`;
  const out: RankedMatch[] = [];
  if (way === 'whole') {
    // The planner walks the primary key for a common word and reads a rare one's matches.
    const { rows } = await ranked(sql`SELECT a.id, a.search FROM article a
      WHERE ${condition} ${filter} ORDER BY a.id DESC LIMIT ${reading.window}`).execute(db);
    out.push(...rows);
  } else {
    const size = reading.bucketIds ?? BUCKET_IDS;
    const most = reading.maxBuckets ?? MAX_BUCKETS;
    let top = Math.floor(span.high / size);
    // A compound query's share is likely far too low: it starts from the newest bucket
    // alone, and what that holds sizes the next query.
    let count = compound(match)
      ? 1
      : Math.min(most, Math.ceil((1.5 * reading.window) / Math.max(share * size, 1)));
    while (out.length < reading.window) {
      // The next buckets that hold articles (ids may have gaps: deletions, bulk loads),
      // found by probing the primary key below each, and the one after them.
      const { rows: held } = await sql<{ bucket: number }>`
        WITH RECURSIVE held(bucket) AS (
          SELECT ${top}::bigint
          UNION ALL
          SELECT (SELECT max(id) FROM article WHERE id < held.bucket * ${sql.lit(size)}) / ${sql.lit(size)}
          FROM held WHERE held.bucket IS NOT NULL)
        SELECT bucket FROM held WHERE bucket IS NOT NULL LIMIT ${count + 1}`.execute(db);
      const buckets = held.slice(0, count).map((h) => h.bucket);
      const inBuckets = sql.join(
        buckets.map((b) => sql`a.id / ${sql.lit(size)} = ${b}::bigint`),
        sql` OR `,
      );
      // MATERIALIZED: an ORDER BY … LIMIT reaching into the scan would tempt the planner
      // to walk the primary key through the buckets, testing every article in them.
      const { rows } = await ranked(sql`
        WITH found AS MATERIALIZED (SELECT a.id, a.search FROM article a
          WHERE ${condition} AND (${inBuckets}) ${filter})
        SELECT * FROM found ORDER BY id DESC LIMIT ${reading.window - out.length}`).execute(db);
      out.push(...rows);
      const next = held[count];
      if (!next) break;
      top = next.bucket;
      // As many buckets as this query's matches say the rest of the window needs.
      const wanted =
        rows.length > 0
          ? Math.ceil((1.5 * (reading.window - out.length) * count) / rows.length)
          : count * 4;
      count = Math.max(1, Math.min(most, wanted));
    }
  }
  return out.sort((a, b) => a.score - b.score || b.id - a.id);
}

/**
 * The way to read a query's window, from the share of articles the planner expects it in.
 * A query of several words (& or <->) is read by buckets unless it is common, since its
 * share is likely far higher than expected; a single word's estimate is sound.
 */
function wayFor(match: string, share: number, windowShare: number): Way {
  if (share >= WALK_ABOVE) return 'whole';
  return !compound(match) && share <= 2 * windowShare ? 'whole' : 'buckets';
}

/** A query of several words that must all appear (AND, a phrase): PostgreSQL underestimates it. */
const compound = (match: string) => /&|<->/.test(match);

/** The planner's estimate of the articles a condition and the filters allow. */
async function estimate(
  db: Kysely<Database>,
  condition: RawBuilder<unknown>,
  filter: RawBuilder<unknown>,
): Promise<number> {
  const plan = await sql<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>`
    EXPLAIN (FORMAT JSON) SELECT a.id FROM article a WHERE ${condition} ${filter}`.execute(db);
  return plan.rows[0]!['QUERY PLAN'][0]!.Plan['Plan Rows'];
}

/**
 * The lowest and highest article ids (high below low when there are none), and about how
 * many articles there are (the planner's count; the span of ids before the first ANALYZE).
 */
async function idSpan(
  db: Kysely<Database>,
): Promise<{ low: number; high: number; articles: number }> {
  const { rows } = await sql<{ low: number | null; high: number | null; counted: number }>`
    SELECT min(id) AS low, max(id) AS high,
      (SELECT reltuples FROM pg_class WHERE oid = 'article'::regclass) AS counted
    FROM article`.execute(db);
  const low = rows[0]?.low ?? 0;
  const high = rows[0]?.high ?? -1;
  const counted = Number(rows[0]?.counted ?? -1);
  return { low, high, articles: Math.max(1, counted > 0 ? counted : high - low + 1) };
}
