// The story listing a stories page shows: live stories filtered by time, outlet and entity,
// each with its most mentioned entities and its newest article. A page of stories costs
// three queries whatever its length: the page, then the entities and newest articles of all
// its stories at once.
import { leadLine } from '../core/lead-line.js';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/** One line of a story listing. */
export interface StorySummary {
  id: number;
  title: string | null;
  firstSeen: string;
  lastSeen: string;
  articles: number;
  sources: number;
  /** Members less wire copies: distinct near-duplicate groups. */
  independent: number;
}

/** A story as a listing shows it: its counts, what it is about, and its newest article. */
export interface StoryListItem extends StorySummary {
  topEntities: StoryEntity[];
  /** Null only for a story with no members, which listings leave out. */
  latest: StoryLatest | null;
}

/** An entity as a story listing shows it: how often the story's articles mention it. */
export interface StoryEntity {
  id: number;
  name: string;
  type: string;
  mentions: number;
}

/** The newest article of a story. */
export interface StoryLatest {
  articleId: number;
  title: string | null;
  source: string;
  published: string | null;
}

export interface StoryListOptions {
  limit: number;
  /**
   * Paging, newest first: stories last seen before this time, or a cursor from
   * `storyCursor` (the time and the story id, so stories seen at the same moment are
   * neither skipped nor repeated).
   */
  before?: string;
  /** Stories last seen at or after this time. */
  since?: string;
  /** Stories first seen before this time: with `since`, stories active in a window. */
  until?: string;
  /** Stories with at least one article from this source (its key). */
  sourceKey?: string;
  /** Stories whose articles mention this entity. */
  entityId?: number;
  /** Stories covered by at least this many outlets: what several newsrooms found worth reporting. */
  minSources?: number;
}

export interface StoryRow {
  id: number;
  title: string | null;
  first_seen_at: string;
  last_seen_at: string;
  article_count: number;
  source_count: number;
  independent_count: number;
}

/** Entities listed per story: enough to say what it is about at a glance. */
const TOP_ENTITIES = 5;

/** How a story's time is read: the publish time, else when sitrep took the article in. */
const seenAt = sql<string>`coalesce(a.published_at, a.ingested_at)`;

/** Where the next page of stories starts: after this story, in list order. */
export function storyCursor(story: { lastSeen: string; id: number }): string {
  return `${story.lastSeen}~${story.id}`;
}

/** A `before` value: a cursor from storyCursor, or a bare time. */
export function readStoryCursor(before: string): { time: string; id: number | null } {
  const match = before.match(/^(.+)~(\d+)$/);
  return match ? { time: match[1]!, id: Number(match[2]) } : { time: before, id: null };
}

/** Live stories matching the filters, most recently seen first. */
export async function listStoryRows(
  db: Kysely<Database>,
  options: StoryListOptions,
): Promise<StoryRow[]> {
  let q = db
    .selectFrom('story')
    .select([
      'id',
      'title',
      'first_seen_at',
      'last_seen_at',
      'article_count',
      'source_count',
      'independent_count',
    ])
    .where('merged_into', 'is', null)
    .where('article_count', '>', 0);
  if (options.before) {
    const { time, id } = readStoryCursor(options.before);
    q =
      id === null
        ? q.where('last_seen_at', '<', time)
        : q.where((eb) =>
            eb.or([
              eb('last_seen_at', '<', time),
              eb.and([eb('last_seen_at', '=', time), eb('id', '<', id)]),
            ]),
          );
  }
  if (options.since) q = q.where('last_seen_at', '>=', options.since);
  if (options.until) q = q.where('first_seen_at', '<', options.until);
  if (options.minSources) q = q.where('source_count', '>=', options.minSources);
  if (options.sourceKey) {
    const key = options.sourceKey;
    q = q.where(
      'id',
      'in',
      sql<number>`(SELECT sa.story_id FROM story_article sa JOIN article a ON a.id = sa.article_id
        WHERE a.source_id = (SELECT id FROM source WHERE key = ${key}))`,
    );
  }
  if (options.entityId !== undefined) {
    // Driven from the entity's mentions: bounded by how often it is named, not by stories.
    q = q.where(
      'id',
      'in',
      sql<number>`(SELECT sa.story_id FROM mention m JOIN story_article sa ON sa.article_id = m.article_id
        WHERE m.entity_id = ${options.entityId})`,
    );
  }
  return q.orderBy('last_seen_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

/** The most mentioned entities of each of these stories, most mentioned first. */
export async function topEntitiesOf(
  db: Kysely<Database>,
  storyIds: readonly number[],
): Promise<Map<number, StoryEntity[]>> {
  const out = new Map<number, StoryEntity[]>(storyIds.map((id) => [id, []]));
  if (storyIds.length === 0) return out;
  const { rows } = await sql<{
    story_id: number;
    id: number;
    name: string;
    type: string;
    mentions: number;
  }>`
    SELECT t.story_id, e.id, e.name, e.type, t.mentions FROM (
      SELECT story_id, entity_id, mentions,
             row_number() OVER (PARTITION BY story_id ORDER BY mentions DESC, entity_id) AS rank
      FROM (SELECT sa.story_id, m.entity_id, count(*) AS mentions
            FROM story_article sa JOIN mention m ON m.article_id = sa.article_id
            WHERE sa.story_id IN (${sql.join(storyIds)}) AND m.entity_id IS NOT NULL
            GROUP BY sa.story_id, m.entity_id)) t
    JOIN entity e ON e.id = t.entity_id
    WHERE t.rank <= ${TOP_ENTITIES}
    ORDER BY t.story_id, t.rank`.execute(db);
  for (const r of rows) {
    out
      .get(r.story_id)
      ?.push({ id: r.id, name: r.name, type: r.type, mentions: Number(r.mentions) });
  }
  return out;
}

/** The newest article of each of these stories. */
export async function latestOf(
  db: Kysely<Database>,
  storyIds: readonly number[],
): Promise<Map<number, StoryLatest>> {
  const out = new Map<number, StoryLatest>();
  if (storyIds.length === 0) return out;
  const { rows } = await sql<{
    story_id: number;
    id: number;
    title: string | null;
    lead: string;
    source: string;
    published: string | null;
  }>`
    SELECT t.story_id, t.id, t.title, substr(a2.text, 1, 200) AS lead, s.name AS source, t.published FROM (
      SELECT sa.story_id, a.id, a.title, a.source_id, a.published_at AS published,
             row_number() OVER (PARTITION BY sa.story_id ORDER BY ${seenAt} DESC, a.id DESC) AS rank
      FROM story_article sa JOIN article a ON a.id = sa.article_id
      WHERE sa.story_id IN (${sql.join(storyIds)})) t
    JOIN source s ON s.id = t.source_id
    JOIN article a2 ON a2.id = t.id
    WHERE t.rank = 1`.execute(db);
  for (const r of rows) {
    out.set(r.story_id, {
      articleId: r.id,
      title: r.title ?? (r.lead.trim() ? leadLine(r.lead) : null),
      source: r.source,
      published: r.published,
    });
  }
  return out;
}

/** A story row as the listing and the story page show it. */
export function toSummary(row: StoryRow): StorySummary {
  return {
    id: row.id,
    title: row.title,
    firstSeen: row.first_seen_at,
    lastSeen: row.last_seen_at,
    articles: row.article_count,
    sources: row.source_count,
    independent: row.independent_count,
  };
}
