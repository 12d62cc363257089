// Stories: which articles report one event, the near-duplicate group of each article, and
// the counts a story list shows. Story ids come from the clusterer; a merged story keeps
// its row and points at the story that absorbed it, so old links still lead somewhere.
import { leadLine } from '../core/lead-line.js';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';
import {
  latestOf,
  listStoryRows,
  type StoryListItem,
  type StoryListOptions,
  type StorySummary,
  toSummary,
  topEntitiesOf,
} from './story-list.js';

export type {
  StoryEntity,
  StoryLatest,
  StoryListItem,
  StoryListOptions,
  StorySummary,
} from './story-list.js';

/** An article of a story, as a story page lists it. */
export interface StoryMember {
  articleId: number;
  title: string | null;
  source: string;
  url: string | null;
  published: string | null;
  ingested: string;
  similarity: number;
  /** The first article of its near-duplicate group (itself when it is no copy). */
  copyOf: number;
}

/** How a story's time is read: the publish time, else when sitrep took the article in. */
const seenAt = sql<string>`coalesce(article.published_at, article.ingested_at)`;

export class StoryRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Starts a story under the clusterer's id. */
  async create(id: number, at: string): Promise<void> {
    await this.db
      .insertInto('story')
      .values({
        id,
        title: null,
        first_seen_at: at,
        last_seen_at: at,
        created_at: at,
        updated_at: at,
        merged_into: null,
      })
      .execute();
  }

  async addMember(
    storyId: number,
    articleId: number,
    similarity: number,
    at: string,
  ): Promise<void> {
    await this.db
      .insertInto('story_article')
      .values({ story_id: storyId, article_id: articleId, similarity, added_at: at })
      .execute();
  }

  /**
   * Placements made after `after` (an added_at time), oldest first: whole batches only, so
   * the last time returned is a safe cursor for the next call.
   */
  async placedAfter(
    after: string,
    limit: number,
  ): Promise<Array<{ articleId: number; storyId: number; addedAt: string }>> {
    const rows = await this.db
      .selectFrom('story_article')
      .select(['article_id', 'story_id', 'added_at'])
      .where('added_at', '>', after)
      .orderBy('added_at')
      .limit(limit + 1)
      .execute();
    let kept = rows.slice(0, limit);
    // A batch shares one time; one cut in two would lose its rest behind the cursor. The
    // page ends before the batch it would cut, or, when that batch is the whole page, is
    // that whole batch.
    const last = kept.at(-1)?.added_at;
    if (rows.length > limit && rows[limit]!.added_at === last) {
      const cut = kept.findIndex((r) => r.added_at === last);
      kept =
        cut > 0
          ? kept.slice(0, cut)
          : await this.db
              .selectFrom('story_article')
              .select(['article_id', 'story_id', 'added_at'])
              .where('added_at', '=', last)
              .execute();
    }
    return kept.map((r) => ({ articleId: r.article_id, storyId: r.story_id, addedAt: r.added_at }));
  }

  /** Moves one article to another story (a later look found it belongs there). */
  async moveMember(
    articleId: number,
    storyId: number,
    similarity: number,
    at: string,
  ): Promise<void> {
    await this.db
      .updateTable('story_article')
      .set({ story_id: storyId, similarity, added_at: at })
      .where('article_id', '=', articleId)
      .execute();
  }

  /** Moves every member of `gone` into `keep` and leaves `gone` pointing at it. */
  async merge(keep: number, gone: number, at: string): Promise<void> {
    await this.db
      .updateTable('story_article')
      .set({ story_id: keep })
      .where('story_id', '=', gone)
      .execute();
    await this.db
      .updateTable('story')
      .set({
        merged_into: keep,
        article_count: 0,
        source_count: 0,
        independent_count: 0,
        updated_at: at,
      })
      .where((eb) => eb.or([eb('id', '=', gone), eb('merged_into', '=', gone)]))
      .execute();
  }

  /** Records an article's near-duplicate group (the group's first article id). */
  async setCopy(articleId: number, groupId: number, similarity: number): Promise<void> {
    await this.db
      .insertInto('article_copy')
      .values({ article_id: articleId, group_id: groupId, similarity })
      .onConflict((oc) => oc.column('article_id').doUpdateSet({ group_id: groupId, similarity }))
      .execute();
  }

  /** Recomputes a story's title, times and counts from its members. */
  async refresh(storyId: number, at: string): Promise<void> {
    const agg = await this.db
      .selectFrom('story_article')
      .innerJoin('article', 'article.id', 'story_article.article_id')
      .leftJoin('article_copy', 'article_copy.article_id', 'article.id')
      .where('story_article.story_id', '=', storyId)
      .select((eb) => [
        eb.fn.countAll<number>().as('articles'),
        eb.fn.count<number>('article.source_id').distinct().as('sources'),
        eb.fn
          .count<number>(sql`coalesce(article_copy.group_id, article.id)`)
          .distinct()
          .as('independent'),
        eb.fn.min(seenAt).as('first'),
        eb.fn.max(seenAt).as('last'),
      ])
      .executeTakeFirstOrThrow();
    // The first report's headline names the story.
    const first = await this.db
      .selectFrom('story_article')
      .innerJoin('article', 'article.id', 'story_article.article_id')
      .select('article.title')
      .where('story_article.story_id', '=', storyId)
      .where('article.title', 'is not', null)
      .orderBy(seenAt)
      .orderBy('article.id')
      .limit(1)
      .executeTakeFirst();
    if (Number(agg.articles) === 0) return;
    await this.db
      .updateTable('story')
      .set({
        title: first?.title ?? (await this.leadOfFirst(storyId)),
        first_seen_at: String(agg.first),
        last_seen_at: String(agg.last),
        article_count: Number(agg.articles),
        source_count: Number(agg.sources),
        independent_count: Number(agg.independent),
        updated_at: at,
      })
      .where('id', '=', storyId)
      .execute();
  }

  /** When no report has a headline, the first report's opening words name the story. */
  private async leadOfFirst(storyId: number): Promise<string | null> {
    const row = await this.db
      .selectFrom('story_article')
      .innerJoin('article', 'article.id', 'story_article.article_id')
      .select(sql<string>`substr(article.text, 1, 200)`.as('lead'))
      .where('story_article.story_id', '=', storyId)
      .orderBy(seenAt)
      .orderBy('article.id')
      .limit(1)
      .executeTakeFirst();
    return row?.lead.trim() ? leadLine(row.lead) : null;
  }

  /** The live story an id stands for now (following merges), or null when there is none. */
  async resolve(id: number): Promise<number | null> {
    const row = await this.db
      .selectFrom('story')
      .select(['id', 'merged_into'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    return row.merged_into ?? row.id;
  }

  /** Live stories matching the filters, most recently seen first, with top entities and newest article. */
  async list(options: StoryListOptions): Promise<StoryListItem[]> {
    const rows = await listStoryRows(this.db, options);
    const ids = rows.map((r) => r.id);
    const [entities, latest] = [await topEntitiesOf(this.db, ids), await latestOf(this.db, ids)];
    return rows.map((r) => ({
      ...toSummary(r),
      topEntities: entities.get(r.id) ?? [],
      latest: latest.get(r.id) ?? null,
    }));
  }

  /** One live story (an old merged id leads to the story that absorbed it). */
  async get(id: number): Promise<StorySummary | null> {
    const live = await this.resolve(id);
    if (live === null) return null;
    const row = await this.db
      .selectFrom('story')
      .selectAll()
      .where('id', '=', live)
      .executeTakeFirst();
    return row ? toSummary(row) : null;
  }

  /** A story's articles in the order they were published. */
  async members(storyId: number): Promise<StoryMember[]> {
    const rows = await this.db
      .selectFrom('story_article')
      .innerJoin('article', 'article.id', 'story_article.article_id')
      .innerJoin('source', 'source.id', 'article.source_id')
      .leftJoin('article_copy', 'article_copy.article_id', 'article.id')
      .select([
        'article.id',
        'article.title',
        'source.name as source',
        'article.url',
        'article.published_at',
        'article.ingested_at',
        'story_article.similarity',
        'article_copy.group_id',
      ])
      .where('story_article.story_id', '=', storyId)
      .orderBy(seenAt)
      .orderBy('article.id')
      .execute();
    return rows.map((r) => ({
      articleId: r.id,
      title: r.title,
      source: r.source,
      url: r.url,
      published: r.published_at,
      ingested: r.ingested_at,
      similarity: r.similarity,
      copyOf: r.group_id ?? r.id,
    }));
  }

  /** The live story an article belongs to, if it has been placed. */
  async storyOf(articleId: number): Promise<number | null> {
    const row = await this.db
      .selectFrom('story_article')
      .select('story_id')
      .where('article_id', '=', articleId)
      .executeTakeFirst();
    return row ? this.resolve(row.story_id) : null;
  }

  /** Analyzed articles not yet placed in a story, oldest publish time first. */
  async pendingArticleIds(limit: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('article')
      .leftJoin('story_article', 'story_article.article_id', 'article.id')
      .select('article.id')
      .where('story_article.article_id', 'is', null)
      .where('article.analyzer', 'is not', null)
      .orderBy(seenAt)
      .orderBy('article.id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * The placements of the live stories seen within `windowMs` of the newest one, in
   * publish order: what the clusterer needs to remember on start-up.
   */
  async recentMemberships(
    windowMs: number,
  ): Promise<Array<{ articleId: number; storyId: number }>> {
    const newest = await this.db
      .selectFrom('story')
      .select((eb) => eb.fn.max('last_seen_at').as('at'))
      .where('merged_into', 'is', null)
      .executeTakeFirst();
    if (!newest?.at) return [];
    const from = new Date(Date.parse(String(newest.at)) - windowMs).toISOString();
    const rows = await this.db
      .selectFrom('story_article')
      .innerJoin('story', 'story.id', 'story_article.story_id')
      .innerJoin('article', 'article.id', 'story_article.article_id')
      .select(['story_article.article_id', 'story_article.story_id'])
      .where('story.merged_into', 'is', null)
      .where('story.last_seen_at', '>=', from)
      .orderBy(seenAt)
      .orderBy('article.id')
      .execute();
    return rows.map((r) => ({ articleId: r.article_id, storyId: r.story_id }));
  }

  /** A near-duplicate group renamed after an earlier copy that arrived late. */
  async regroup(from: number, to: number): Promise<void> {
    await this.db
      .updateTable('article_copy')
      .set({ group_id: to })
      .where('group_id', '=', from)
      .execute();
  }

  /** The highest story id given so far, so the clusterer continues after it. */
  async maxId(): Promise<number> {
    const row = await this.db
      .selectFrom('story')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    return Number(row?.id ?? 0);
  }
}
