// Placing analyzed articles in stories. Each article first finds its near-duplicate group
// (a wire story run by five outlets is one independent report), then joins the story the
// clusterer picks or starts one. Clustering state lives in memory and is rebuilt from the
// store on first use, from the recent stories only: news stories live for days or weeks,
// and a bounded window keeps start-up and memory flat however large the store grows.
import type { Article } from '../core/types.js';
import type { Repos, Store } from '../store/index.js';
import {
  type ArticleFeatures,
  articleFeatures,
  loadStoryModel,
  NearDuplicateIndex,
  StoryClusterer,
} from '../stories/index.js';
import type { PipelineContext } from './context.js';

/** Stories last seen this long before the newest article are not reopened. */
const WINDOW_DAYS = 30;
/** Articles placed per transaction. */
const BATCH = 200;
const DAY_MS = 86_400_000;

/** The clusterer and copy index of one store, with the clusterer's ids mapped to the store's. */
interface StoryState {
  clusterer: StoryClusterer;
  copies: NearDuplicateIndex;
  toStore: Map<number, number>;
  nextStoryId: number;
}

const states = new WeakMap<Store, Promise<StoryState>>();

/** What a placement run changed, collected for announcing it (server-sent events). */
export interface PlacementChanges {
  articleIds: number[];
  storyIds: Set<number>;
}

/**
 * Places every analyzed article that has no story yet, oldest first; returns how many.
 * Each batch is one transaction, so a crash loses at most the batch in hand and the next
 * run picks it up again.
 */
export async function assignStories(
  ctx: Pick<PipelineContext, 'store'> & Partial<Pick<PipelineContext, 'log' | 'onProgress'>>,
  changes?: PlacementChanges,
  fence?: (repos: Repos) => Promise<void>,
): Promise<number> {
  const { store } = ctx;
  let done = 0;
  for (;;) {
    const ids = await store.stories.pendingArticleIds(BATCH);
    if (ids.length === 0) return done;
    const state = await stateOf(store);
    const articles = await store.articles.getMany(ids);
    const features = await featuresOf(store, articles);
    const now = new Date().toISOString();
    await store.transaction(async (repos) => {
      // A worker confirms here that it still holds the assigner's lease (see StoryAssigner).
      await fence?.(repos);
      const touched = new Set<number>();
      for (const article of articles) {
        await place(state, repos, article, features.get(article.id)!, now, touched);
      }
      await refine(state, repos, now, touched);
      for (const id of touched) await repos.stories.refresh(id, now);
      for (const id of touched) changes?.storyIds.add(id);
    });
    changes?.articleIds.push(...ids);
    done += ids.length;
    ctx.onProgress?.({ phase: 'stories', done, total: done });
  }
}

async function place(
  state: StoryState,
  repos: Repos,
  article: Article,
  features: ArticleFeatures,
  now: string,
  touched: Set<number>,
): Promise<void> {
  const copy = state.copies.add({
    id: String(article.id),
    text: article.text,
    published: article.published,
    outlet: article.sourceName,
  });
  if (copy.replaced !== null) await repos.stories.regroup(Number(copy.replaced), article.id);
  await repos.stories.setCopy(
    article.id,
    copy.copyOf === null ? article.id : Number(copy.copyOf),
    copy.similarity,
  );
  const placed = state.clusterer.add(features);
  let storyId = state.toStore.get(placed.storyId);
  if (storyId === undefined) {
    storyId = state.nextStoryId++;
    state.toStore.set(placed.storyId, storyId);
    await repos.stories.create(storyId, now);
  }
  await repos.stories.addMember(storyId, article.id, placed.probability, now);
  touched.add(storyId);
}

/**
 * Lets the clusterer take a second look at the stories the batch changed, and stores what
 * it changed: members moved to the story they belong to, stories merged into the older
 * one. A story its members all left points at the one that took the last of them, so its
 * links still lead somewhere.
 */
async function refine(
  state: StoryState,
  repos: Repos,
  now: string,
  touched: Set<number>,
): Promise<void> {
  const { moves, merges } = state.clusterer.refine();
  const storeId = (clusterId: number) => state.toStore.get(clusterId)!;
  for (const move of moves) {
    const to = storeId(move.to);
    await repos.stories.moveMember(Number(move.articleId), to, move.probability, now);
    touched.add(to);
    if (move.leftEmpty) await retire(state, repos, move.from, to, now, touched);
    else touched.add(storeId(move.from));
  }
  for (const merge of merges) {
    await retire(state, repos, merge.gone, storeId(merge.into), now, touched);
  }
}

/** Folds a story the clusterer no longer has into the store story `into`. */
async function retire(
  state: StoryState,
  repos: Repos,
  clusterId: number,
  into: number,
  now: string,
  touched: Set<number>,
): Promise<void> {
  const gone = state.toStore.get(clusterId)!;
  await repos.stories.merge(into, gone, now);
  state.toStore.delete(clusterId);
  touched.delete(gone);
  touched.add(into);
}

/**
 * Clustering features of stored articles, from their stored annotations, read in one query
 * per table (on PostgreSQL a query per article would cost more than the clustering).
 */
async function featuresOf(
  repos: Repos,
  articles: Article[],
): Promise<Map<number, ArticleFeatures>> {
  const ids = articles.map((a) => a.id);
  const [mentions, times] = await Promise.all([
    repos.annotations.mentionsOf(ids),
    repos.annotations.timesOf(ids),
  ]);
  return new Map(
    articles.map((article) => [
      article.id,
      articleFeatures(
        {
          id: String(article.id),
          title: article.title,
          text: article.text,
          published: article.published,
        },
        { entities: mentions.get(article.id) ?? [], times: times.get(article.id) ?? [] },
      ),
    ]),
  );
}

/**
 * Drops the clusterer built for a store, so that the next placement rebuilds it from what
 * is stored: a worker that has just become the assigner must not trust memory from before.
 */
export function forgetStoryState(store: Store): void {
  states.delete(store);
}

function stateOf(store: Store): Promise<StoryState> {
  let state = states.get(store);
  if (!state) {
    state = rebuild(store);
    states.set(store, state);
  }
  return state;
}

/**
 * Replays the recent placements into a fresh clusterer and copy index, in publish order,
 * without re-deciding them: stored stories keep their members and ids.
 */
async function rebuild(store: Store): Promise<StoryState> {
  const state: StoryState = {
    clusterer: new StoryClusterer({ model: loadStoryModel() }),
    copies: new NearDuplicateIndex(),
    toStore: new Map(),
    nextStoryId: (await store.stories.maxId()) + 1,
  };
  const recent = await store.stories.recentMemberships(WINDOW_DAYS * DAY_MS);
  const toCluster = new Map<number, number>();
  for (let i = 0; i < recent.length; i += BATCH) {
    const slice = recent.slice(i, i + BATCH);
    const found = await store.articles.getMany(slice.map((m) => m.articleId));
    const articles = new Map(found.map((a) => [a.id, a]));
    const features = await featuresOf(store, found);
    for (const m of slice) {
      const article = articles.get(m.articleId);
      if (!article) continue;
      state.copies.add({
        id: String(article.id),
        text: article.text,
        published: article.published,
        outlet: article.sourceName,
      });
      const clusterId = state.clusterer.remember(
        features.get(article.id)!,
        toCluster.get(m.storyId) ?? null,
      );
      toCluster.set(m.storyId, clusterId);
      state.toStore.set(clusterId, m.storyId);
    }
  }
  return state;
}
