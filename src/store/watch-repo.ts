// Watches: saved queries (words, entity, story, source; every one given must hold), the
// inbox of articles they matched, and where matching has got to in story placements.
import { randomBytes } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, WatchTable } from './schema.js';
import { articleBriefs, matchingArticles } from './watch-match.js';
import { type Delivery, WebhookRepo } from './webhook-repo.js';

export interface WatchInput {
  name: string;
  words?: string | null;
  entityId?: number | null;
  storyId?: number | null;
  sourceKey?: string | null;
  webhookUrl?: string | null;
}

export interface Watch {
  id: number;
  name: string;
  words: string | null;
  entityId: number | null;
  entityName: string | null;
  storyId: number | null;
  storyTitle: string | null;
  sourceKey: string | null;
  sourceName: string | null;
  webhookUrl: string | null;
  /** The HMAC key of its webhook; show it only to those who may write. */
  secret: string;
  createdAt: string;
  matches: number;
  unread: number;
}

/** One inbox line: an article a watch matched. */
export interface InboxItem {
  /** The match id: pass as `before` for the next page. */
  id: number;
  watchId: number;
  watchName: string;
  articleId: number;
  title: string | null;
  source: string;
  url: string | null;
  published: string | null;
  storyId: number | null;
  matchedAt: string;
  read: boolean;
}

/** What a webhook says about each matched article. */
export interface ArticleBrief {
  id: number;
  title: string | null;
  source: string;
  url: string | null;
  published: string | null;
  storyId: number | null;
}

export interface InboxOptions {
  watchId?: number;
  limit: number;
  /** Matches with ids below this one (keyset paging, newest first). */
  before?: number;
  unreadOnly?: boolean;
}

/** Bytes of a webhook secret: 256 bits, as long as the SHA-256 block needs to be strong. */
const SECRET_BYTES = 32;

type WatchRow = Selectable<WatchTable> & {
  entity_name: string | null;
  story_title: string | null;
  source_name: string | null;
  matches: number;
  unread: number;
};

function toWatch(r: WatchRow): Watch {
  return {
    id: r.id,
    name: r.name,
    words: r.words,
    entityId: r.entity_id,
    entityName: r.entity_name,
    storyId: r.story_id,
    storyTitle: r.story_title,
    sourceKey: r.source_key,
    sourceName: r.source_name,
    webhookUrl: r.webhook_url,
    secret: r.secret,
    createdAt: r.created_at,
    matches: Number(r.matches),
    unread: Number(r.unread),
  };
}

export class WatchRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Saves a watch with a fresh webhook secret. */
  async create(input: WatchInput, now = new Date().toISOString()): Promise<Watch> {
    const row = await this.db
      .insertInto('watch')
      .values({
        name: input.name,
        words: input.words?.trim() || null,
        entity_id: input.entityId ?? null,
        story_id: input.storyId ?? null,
        source_key: input.sourceKey ?? null,
        webhook_url: input.webhookUrl ?? null,
        secret: randomBytes(SECRET_BYTES).toString('hex'),
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return (await this.get(row.id))!;
  }

  private select() {
    return this.db
      .selectFrom('watch as w')
      .leftJoin('entity as e', 'e.id', 'w.entity_id')
      .leftJoin('story as s', 's.id', 'w.story_id')
      .leftJoin('source as src', 'src.key', 'w.source_key')
      .selectAll('w')
      .select([
        'e.name as entity_name',
        's.title as story_title',
        'src.name as source_name',
        sql<number>`(SELECT count(*) FROM watch_match m WHERE m.watch_id = w.id)`.as('matches'),
        sql<number>`(SELECT count(*) FROM watch_match m WHERE m.watch_id = w.id AND m.read_at IS NULL)`.as(
          'unread',
        ),
      ]);
  }

  /** Every watch, newest first. */
  async list(): Promise<Watch[]> {
    return (await this.select().orderBy('w.id', 'desc').execute()).map(toWatch);
  }

  /** One watch, or null. */
  async get(id: number): Promise<Watch | null> {
    const row = await this.select().where('w.id', '=', id).executeTakeFirst();
    return row ? toWatch(row) : null;
  }

  /** Deletes a watch with its matches, deliveries and their attempts; false when there was none. */
  async remove(id: number): Promise<boolean> {
    const deliveries = this.db
      .selectFrom('webhook_delivery')
      .select('id')
      .where('watch_id', '=', id);
    await this.db.deleteFrom('webhook_attempt').where('delivery_id', 'in', deliveries).execute();
    await this.db.deleteFrom('webhook_delivery').where('watch_id', '=', id).execute();
    await this.db.deleteFrom('watch_match').where('watch_id', '=', id).execute();
    const result = await this.db.deleteFrom('watch').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Matched articles, newest match first, across every watch or one. */
  async inbox(options: InboxOptions): Promise<InboxItem[]> {
    let query = this.db
      .selectFrom('watch_match as m')
      .innerJoin('watch as w', 'w.id', 'm.watch_id')
      .innerJoin('article as a', 'a.id', 'm.article_id')
      .innerJoin('source as s', 's.id', 'a.source_id')
      .leftJoin('story_article as sa', 'sa.article_id', 'a.id')
      .select([
        'm.id',
        'm.watch_id',
        'w.name as watch_name',
        'm.article_id',
        'a.title',
        's.name as source',
        'a.url',
        'a.published_at',
        'sa.story_id',
        'm.matched_at',
        'm.read_at',
      ])
      .orderBy('m.id', 'desc')
      .limit(options.limit);
    if (options.watchId !== undefined) query = query.where('m.watch_id', '=', options.watchId);
    if (options.before !== undefined) query = query.where('m.id', '<', options.before);
    if (options.unreadOnly) query = query.where('m.read_at', 'is', null);
    return (await query.execute()).map((r) => ({
      id: r.id,
      watchId: r.watch_id,
      watchName: r.watch_name,
      articleId: r.article_id,
      title: r.title,
      source: r.source,
      url: r.url,
      published: r.published_at,
      storyId: r.story_id,
      matchedAt: r.matched_at,
      read: r.read_at !== null,
    }));
  }

  /** Marks a watch's matches read (all of them, or those of the given articles); returns how many changed. */
  async markRead(
    watchId: number,
    articleIds?: number[],
    now = new Date().toISOString(),
  ): Promise<number> {
    if (articleIds?.length === 0) return 0;
    let query = this.db
      .updateTable('watch_match')
      .set({ read_at: now })
      .where('watch_id', '=', watchId)
      .where('read_at', 'is', null);
    if (articleIds) query = query.where('article_id', 'in', articleIds);
    return Number((await query.executeTakeFirst()).numUpdatedRows);
  }

  /** A watch's webhook deliveries, newest first, each with its attempts. */
  deliveries(watchId: number, limit: number): Promise<Delivery[]> {
    return new WebhookRepo(this.db).list(watchId, limit);
  }

  /** Where matching has got to: the placement time of the last article examined. */
  async cursor(): Promise<string | null> {
    const row = await this.db
      .selectFrom('watch_cursor')
      .select('placed_at')
      .where('id', '=', 1)
      .executeTakeFirst();
    return row?.placed_at ?? null;
  }

  /** Moves the cursor; call it in the transaction that stores the matches. */
  async setCursor(placedAt: string): Promise<void> {
    await this.db
      .insertInto('watch_cursor')
      .values({ id: 1, placed_at: placedAt })
      .onConflict((oc) => oc.column('id').doUpdateSet({ placed_at: placedAt }))
      .execute();
  }

  /** The newest story placement, or null when nothing is placed yet. */
  async latestPlacement(): Promise<string | null> {
    const row = await this.db
      .selectFrom('story_article')
      .select((eb) => eb.fn.max('added_at').as('at'))
      .executeTakeFirst();
    return row?.at ?? null;
  }

  /** Articles placed after `from` and up to `to` that satisfy every criterion of the watch (see matchingArticles). */
  matching(watch: Watch, from: string | null, to: string): Promise<number[]> {
    return matchingArticles(this.db, watch, from, to);
  }

  /** Title, source, link and story of each article, in the order given. */
  briefs(articleIds: number[]): Promise<ArticleBrief[]> {
    return articleBriefs(this.db, articleIds);
  }
  /** Records matches, ignoring those already there; returns the article ids that are new. */
  async addMatches(watchId: number, articleIds: number[], now: string): Promise<number[]> {
    const added: number[] = [];
    for (const articleId of articleIds) {
      const result = await this.db
        .insertInto('watch_match')
        .values({ watch_id: watchId, article_id: articleId, matched_at: now, read_at: null })
        .onConflict((oc) => oc.columns(['watch_id', 'article_id']).doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0n) > 0) added.push(articleId);
    }
    return added;
  }
}
