// Reads one story from the store into the plain view the story functions work on.
import type { Store } from '../store/index.js';
import type { StoryView } from '../stories/view.js';

/** A story with its articles and their annotations, or null when there is no such story. */
export async function loadStoryView(store: Store, id: number): Promise<StoryView | null> {
  const story = await store.stories.get(id);
  if (!story) return null;
  const members = await store.stories.members(story.id);
  const texts = new Map(
    (await store.articles.getMany(members.map((m) => m.articleId))).map((a) => [a.id, a.text]),
  );
  // One person is one speaker across articles ("Obama" in one, "Barack Obama" in another):
  // a quote's speaker takes the stored entity's name, which the article's mentions carry.
  const entityNames = new Map<number, string>();
  const nameOf = async (id: number | null): Promise<string | null> => {
    if (id === null) return null;
    if (!entityNames.has(id)) entityNames.set(id, (await store.entities.get(id))?.name ?? '');
    return entityNames.get(id) || null;
  };
  const articles = [];
  for (const m of members) {
    const text = texts.get(m.articleId) ?? '';
    const mentions = await store.annotations.mentions(m.articleId);
    for (const mention of mentions) {
      if (mention.entityId !== null) entityNames.set(mention.entityId, mention.entity);
    }
    const quotes = [];
    for (const { speakerEntityId, ...q } of await store.annotations.quotes({
      id: m.articleId,
      text,
    })) {
      quotes.push({
        ...q,
        speaker: { ...q.speaker, name: (await nameOf(speakerEntityId)) ?? q.speaker.name },
      });
    }
    articles.push({
      id: m.articleId,
      title: m.title,
      source: m.source,
      url: m.url,
      published: m.published,
      ingested: m.ingested,
      copyOf: m.copyOf,
      text,
      quotes,
      claims: await store.annotations.claims(m.articleId),
      times: await store.annotations.times(m.articleId),
      mentions,
    });
  }
  return {
    id: story.id,
    title: story.title,
    firstSeen: story.firstSeen,
    lastSeen: story.lastSeen,
    articles,
  };
}
