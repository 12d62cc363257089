// Reads one story from the store into the plain view the story functions work on.
import type { Store } from '../store/index.js';
import type { StoryView } from '../stories/view.js';

/** A story with its articles and their annotations, or null when there is no such story. */
export async function loadStoryView(store: Store, id: number): Promise<StoryView | null> {
  const story = await store.stories.get(id);
  if (!story) return null;
  const members = await store.stories.members(story.id);
  const ids = members.map((m) => m.articleId);
  const texts = await store.articles.texts(ids);
  // One query per annotation table for the whole story: a large story has hundreds of
  // articles, and four queries for each made this the slowest read of the API.
  const withText = ids.map((id) => ({ id, text: texts.get(id) ?? '' }));
  const mentions = await store.annotations.mentionsOf(ids);
  const quotes = await store.annotations.quotesOf(withText);
  const claims = await store.annotations.claimsOf(ids);
  const times = await store.annotations.timesOf(ids);
  // One person is one speaker across articles ("Obama" in one, "Barack Obama" in another):
  // a quote's speaker takes the stored entity's name, which the article's mentions carry.
  const entityNames = new Map<number, string>();
  for (const list of mentions.values()) {
    for (const m of list) if (m.entityId !== null) entityNames.set(m.entityId, m.entity);
  }
  const nameOf = async (id: number | null): Promise<string | null> => {
    if (id === null) return null;
    if (!entityNames.has(id)) entityNames.set(id, (await store.entities.get(id))?.name ?? '');
    return entityNames.get(id) || null;
  };
  const articles = [];
  for (const m of members) {
    const named = [];
    for (const { speakerEntityId, ...q } of quotes.get(m.articleId) ?? []) {
      named.push({
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
      text: texts.get(m.articleId) ?? '',
      quotes: named,
      claims: claims.get(m.articleId) ?? [],
      times: times.get(m.articleId) ?? [],
      mentions: mentions.get(m.articleId) ?? [],
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
