// Re-extraction of stored documents when the extractor changes.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../analyze/index.js';
import type { Store } from '../store/index.js';
import { seededStore } from '../test-support/store.js';
import { analyzePending } from './analyze.js';
import { reextractDocuments } from './reextract.js';

describe('reextractDocuments', () => {
  let store: Store;
  let hostileId: number;
  beforeEach(async () => {
    ({ store, hostileId } = await seededStore());
    await analyzePending({ store });
  });
  afterEach(() => store.close());

  async function pretendOldExtractor(articleId: number) {
    const article = await store.articles.get(articleId);
    await store.db.kysely.updateTable('document').set({ extractor: 'html/0' }).where('id', '=', article!.documentId).execute();
    await sql`UPDATE article SET title = 'stale title', text = 'stale words' WHERE id = ${articleId}`.execute(store.db.kysely);
  }

  it('finds nothing to do when every document is current', async () => {
    expect(await reextractDocuments({ store })).toMatchObject({ documents: 0 });
  });

  it('re-extracts documents made by an older extractor, in place, and only those', async () => {
    await pretendOldExtractor(hostileId);
    const report = await reextractDocuments({ store });
    expect(report).toMatchObject({ documents: 1, updated: 1, added: 0, failed: 0 });
    const article = await store.articles.get(hostileId);
    expect(article!.title).toBe('Harbour reopens');
    expect(article!.text).toContain('The harbour reopened on Monday');
    expect(await store.search('stale', { limit: 5 })).toEqual([]);
    expect((await store.search('harbour reopened', { limit: 5 }))[0]!.id).toBe(hostileId);
    expect(await store.articles.idsNeedingAnalysis(ANALYZER_VERSION, 10)).toEqual([hostileId]);
    expect(await reextractDocuments({ store })).toMatchObject({ documents: 0 });
  });

  it('redoes everything when asked, and keeps article ids', async () => {
    const before = await store.articles.list({ limit: 10 });
    const report = await reextractDocuments({ store }, { all: true });
    expect(report).toMatchObject({ documents: 2, updated: 2 });
    expect((await store.articles.list({ limit: 10 })).map((a) => a.id)).toEqual(before.map((a) => a.id));
  });
});
