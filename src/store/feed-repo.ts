// Feeds and their polling state. A failing feed records its error on its own row and
// never stops the others (as in miniflux).
import type { Kysely, Selectable } from 'kysely';
import type { Feed } from '../core/types.js';
import type { Database, FeedTable } from './schema.js';

export interface FeedRow extends Feed {
  itemCount: number;
  createdAt: string;
}

function rowToFeed(row: Selectable<FeedTable>): FeedRow {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    siteUrl: row.site_url,
    etag: row.etag,
    lastModified: row.last_modified,
    lastPolledAt: row.last_polled_at,
    nextPollAt: row.next_poll_at,
    lastError: row.last_error,
    errorCount: row.error_count,
    itemCount: row.item_count,
    createdAt: row.created_at,
  };
}

export class FeedRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds a feed unless its URL is already known; returns its id and whether it is new. */
  async add(url: string, title: string | null, siteUrl: string | null): Promise<{ id: number; added: boolean }> {
    const existing = await this.db.selectFrom('feed').select('id').where('url', '=', url).executeTakeFirst();
    if (existing) return { id: existing.id, added: false };
    const now = new Date().toISOString();
    const row = await this.db
      .insertInto('feed')
      .values({ url, title, site_url: siteUrl, created_at: now, next_poll_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, added: true };
  }

  /** Every feed, in the order they were added. */
  async list(): Promise<FeedRow[]> {
    const rows = await this.db.selectFrom('feed').selectAll().orderBy('id').execute();
    return rows.map(rowToFeed);
  }

  /** One feed, or null. */
  async get(id: number): Promise<FeedRow | null> {
    const row = await this.db.selectFrom('feed').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? rowToFeed(row) : null;
  }

  /** Feeds whose next poll time has come. */
  async due(now: string): Promise<FeedRow[]> {
    const rows = await this.db
      .selectFrom('feed')
      .selectAll()
      .where((eb) => eb.or([eb('next_poll_at', 'is', null), eb('next_poll_at', '<=', now)]))
      .orderBy('next_poll_at')
      .execute();
    return rows.map(rowToFeed);
  }

  /** Records a successful poll: validators for the next conditional GET, and the next time. */
  async recordSuccess(
    id: number,
    update: { etag: string | null; lastModified: string | null; title?: string | null; siteUrl?: string | null; newItems: number; nextPollAt: string },
  ): Promise<void> {
    await this.db
      .updateTable('feed')
      .set((eb) => ({
        etag: update.etag,
        last_modified: update.lastModified,
        last_polled_at: new Date().toISOString(),
        next_poll_at: update.nextPollAt,
        last_error: null,
        error_count: 0,
        item_count: eb('item_count', '+', update.newItems),
        ...(update.title ? { title: update.title } : {}),
        ...(update.siteUrl ? { site_url: update.siteUrl } : {}),
      }))
      .where('id', '=', id)
      .execute();
  }

  /** Unsubscribes from a feed; the articles it brought stay, no longer linked to it. Returns whether it existed. */
  async remove(id: number): Promise<boolean> {
    await this.db.updateTable('document').set({ feed_id: null }).where('feed_id', '=', id).execute();
    const result = await this.db.deleteFrom('feed').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Records a failed poll on the feed's row. */
  async recordError(id: number, error: string, nextPollAt: string): Promise<void> {
    await this.db
      .updateTable('feed')
      .set((eb) => ({
        last_polled_at: new Date().toISOString(),
        next_poll_at: nextPollAt,
        last_error: error,
        error_count: eb('error_count', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
  }
}
