// Watches fire on ingest: matching by words, entity, story and source, the cursor, and
// crash safety, on a real in-memory SQLite store with placements made through the repos.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { capture } from '../test-support/store.js';
import { openStore } from '../store/index.js';
import { EventBus, type PipelineEvent } from './events.js';
import { storeCaptures } from './store-captures.js';
import { matchWatches } from './watches.js';

const PARAGRAPH =
  'Officials met on Tuesday to discuss the plan, and said more talks would follow next week in the capital.';

/** Stores a plain-text article from `source` and returns its id. */
async function addArticle(
  store: Store,
  slug: string,
  title: string,
  source: string,
): Promise<number> {
  const body = `${title}\n\n${title} was confirmed by officials on Monday. ${PARAGRAPH}\n\n${PARAGRAPH} ${slug}`;
  const result = await storeCaptures(
    { store },
    [{ capture: capture('text', `file:///${slug}.txt`, body), label: slug }],
    source,
  );
  const id = result.articleIds[0];
  if (id === undefined) throw new Error(`not stored: ${JSON.stringify(result)}`);
  return id;
}

/** Lets the clock move on, so a watch is made strictly after earlier placements. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

let nextStory = 1;
/** Places articles in a story (a new one unless given), as the clusterer would. */
async function place(store: Store, articleIds: number[], storyId?: number): Promise<number> {
  const at = new Date().toISOString();
  const id = storyId ?? nextStory++;
  if (!storyId) await store.stories.create(id, at);
  for (const articleId of articleIds) await store.stories.addMember(id, articleId, 1, at);
  return id;
}

describe('matchWatches', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(':memory:');
    nextStory = 1;
  });
  afterEach(() => store.close());

  it('matches words, and only articles placed after the watch was made', async () => {
    const before = await addArticle(store, 'old', 'Harbour floods again', 'Coast News');
    await place(store, [before]);
    await tick();
    const watch = await store.watches.create({ name: 'floods', words: 'harbour floods' });
    const fresh = await addArticle(store, 'new', 'Harbour floods for a third time', 'Coast News');
    const other = await addArticle(store, 'other', 'Budget vote delayed', 'Coast News');
    await place(store, [fresh, other]);
    expect(await matchWatches({ store })).toEqual({ matched: 1, watchIds: [watch.id] });
    const inbox = await store.watches.inbox({ limit: 10 });
    expect(inbox.map((i) => [i.watchId, i.articleId, i.read])).toEqual([[watch.id, fresh, false]]);
    expect((await store.watches.get(watch.id))?.unread).toBe(1);
  });

  it('requires every criterion: entity, story and source together', async () => {
    const a = await addArticle(store, 'a', 'Minister visits the port', 'Daily One');
    const storyId = await place(store, [a]);
    await tick();
    const b = await addArticle(store, 'b', 'Minister visits the port again', 'Daily One');
    const c = await addArticle(store, 'c', 'Minister tours the port', 'Daily Two');
    const d = await addArticle(store, 'd', 'Port visit without the minister', 'Daily One');
    const NONE = { quotes: [], claims: [], times: [] };
    for (const id of [b, c]) {
      await store.annotations.replace(id, 'test', {
        ...NONE,
        entities: [{ start: 0, end: 8, text: 'Minister', type: 'PER', entity: 'Ana Minister' }],
      });
    }
    const entityId = (await store.entities.list({ limit: 5, query: 'Ana Minister' }))[0]!.id;
    const sourceKey = (await store.sources.list()).find((s) => s.name === 'Daily One')!.key;
    const all = await store.watches.create({ name: 'all', entityId, storyId, sourceKey });
    const byEntity = await store.watches.create({ name: 'entity', entityId });
    const bySource = await store.watches.create({ name: 'source', sourceKey });
    await place(store, [b, c, d], storyId);
    await matchWatches({ store });
    const matched = async (watchId: number) =>
      (await store.watches.inbox({ watchId, limit: 10 })).map((i) => i.articleId).sort();
    expect(await matched(all.id)).toEqual([b]);
    expect(await matched(byEntity.id)).toEqual([b, c].sort());
    expect(await matched(bySource.id)).toEqual([b, d].sort());
  });

  it('follows a watched story into the story it was merged into', async () => {
    const a = await addArticle(store, 'a', 'Storm closes schools', 'Daily One');
    const gone = await place(store, [a]);
    await tick();
    const watch = await store.watches.create({ name: 'storm', storyId: gone });
    const keep = await place(store, []);
    await store.stories.merge(keep, gone, new Date().toISOString());
    const later = await addArticle(store, 'later', 'Storm closes schools for a week', 'Daily Two');
    await place(store, [later], keep);
    await matchWatches({ store });
    expect(
      (await store.watches.inbox({ watchId: watch.id, limit: 5 })).map((i) => i.articleId),
    ).toEqual([later]);
  });

  it('advances a cursor: a second run matches nothing new and queues no second delivery', async () => {
    const bus = new EventBus();
    const heard: PipelineEvent[] = [];
    bus.subscribe((e) => heard.push(e));
    const watch = await store.watches.create({
      name: 'floods',
      words: 'floods',
      webhookUrl: 'https://hooks.example/in',
    });
    await place(store, [await addArticle(store, 'one', 'Floods in the north', 'Coast News')]);
    expect((await matchWatches({ store, events: bus })).matched).toBe(1);
    expect(heard).toEqual([{ type: 'watches', ids: [watch.id] }]);
    expect(await matchWatches({ store, events: bus })).toEqual({ matched: 0, watchIds: [] });
    await place(store, [await addArticle(store, 'two', 'Floods in the south', 'Coast News')]);
    expect((await matchWatches({ store })).matched).toBe(1);
    const deliveries = await store.watches.deliveries(watch.id, 10);
    expect(deliveries.map((d) => [d.status, d.articleCount])).toEqual([
      ['pending', 1],
      ['pending', 1],
    ]);
    expect(await store.watches.cursor()).toBe(await store.watches.latestPlacement());
  });

  it('is crash-safe: a run that dies before committing stores nothing, and the next run matches once', async () => {
    const watch = await store.watches.create({
      name: 'floods',
      words: 'floods',
      webhookUrl: 'https://hooks.example/in',
    });
    await place(store, [await addArticle(store, 'one', 'Floods in the north', 'Coast News')]);
    const real = store.transaction.bind(store);
    store.transaction = (async (work) =>
      real(async (repos) => {
        await work(repos);
        throw new Error('power cut');
      })) as Store['transaction'];
    await expect(matchWatches({ store })).rejects.toThrow('power cut');
    store.transaction = real;
    expect(await store.watches.cursor()).toBeNull();
    expect(await store.watches.inbox({ limit: 10 })).toEqual([]);
    expect(await store.watches.deliveries(watch.id, 10)).toEqual([]);
    expect((await matchWatches({ store })).matched).toBe(1);
    expect((await matchWatches({ store })).matched).toBe(0);
    expect(await store.watches.deliveries(watch.id, 10)).toHaveLength(1);
  });

  it('marks read, pages the inbox and removes a watch with everything it owns', async () => {
    const watch = await store.watches.create({
      name: 'port',
      words: 'port',
      webhookUrl: 'https://hooks.example/in',
    });
    const ids = [];
    for (const slug of ['p1', 'p2', 'p3'])
      ids.push(await addArticle(store, slug, `The port story ${slug}`, 'Daily One'));
    await place(store, ids);
    await matchWatches({ store });
    const first = await store.watches.inbox({ watchId: watch.id, limit: 2 });
    const second = await store.watches.inbox({
      watchId: watch.id,
      limit: 2,
      before: first.at(-1)!.id,
    });
    expect([...first, ...second].map((i) => i.articleId).sort()).toEqual([...ids].sort());
    expect(await store.watches.markRead(watch.id, [ids[0]!])).toBe(1);
    expect(
      (await store.watches.inbox({ limit: 10, unreadOnly: true })).map((i) => i.articleId).sort(),
    ).toEqual(ids.slice(1).sort());
    expect(await store.watches.markRead(watch.id)).toBe(2);
    expect((await store.watches.get(watch.id))?.unread).toBe(0);
    expect(await store.transaction((r) => r.watches.remove(watch.id))).toBe(true);
    expect(await store.watches.list()).toEqual([]);
    expect(await store.watches.inbox({ limit: 10 })).toEqual([]);
    expect(await store.watches.remove(watch.id)).toBe(false);
  });
});
