// Articles related to one article: the other reports of its story (wire copies of it left
// out), and beyond the story, the articles that best match the people, places and
// organisations it names most, which surfaces earlier and parallel stories.
import type { Store } from '../store/index.js';

export interface RelatedArticle {
  id: number;
  title: string | null;
  source: string;
  published: string | null;
  url: string | null;
  /** The story it belongs to, when it has been placed. */
  storyId: number | null;
}

export interface Related {
  storyId: number | null;
  inStory: RelatedArticle[];
  beyond: RelatedArticle[];
}

/** Entities asked for beyond the story: the ones the article names most. */
const QUERY_ENTITIES = 5;

/** Related articles, or null when there is no such article. */
export async function relatedArticles(
  store: Store,
  articleId: number,
  limit = 10,
): Promise<Related | null> {
  const article = await store.articles.get(articleId);
  if (!article) return null;
  const storyId = await store.stories.storyOf(articleId);
  const members = storyId === null ? [] : await store.stories.members(storyId);
  const own = members.find((m) => m.articleId === articleId);
  const inStory = members
    .filter((m) => m.articleId !== articleId && m.copyOf !== own?.copyOf)
    .slice(-limit)
    .reverse()
    .map((m) => ({
      id: m.articleId,
      title: m.title,
      source: m.source,
      published: m.published,
      url: m.url,
      storyId,
    }));

  const counts = new Map<string, number>();
  for (const m of await store.annotations.mentions(articleId)) {
    if (m.type === 'NORP') continue;
    counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  }
  const names = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, QUERY_ENTITIES)
    .map(([name]) => `"${name.replace(/"/g, '')}"`);
  const beyond: RelatedArticle[] = [];
  if (names.length > 0) {
    const inside = new Set([articleId, ...members.map((m) => m.articleId)]);
    const hits = await store.search(names.join(' OR '), { limit: limit + inside.size });
    for (const h of hits) {
      if (inside.has(h.id) || beyond.length >= limit) continue;
      beyond.push({
        id: h.id,
        title: h.title,
        source: h.source,
        published: h.published,
        url: h.url,
        storyId: await store.stories.storyOf(h.id),
      });
    }
  }
  return { storyId, inStory, beyond };
}
