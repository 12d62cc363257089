// What changed in a story since a time T: the articles reported since, and the figures,
// speakers and places that first appeared in them.
import { buildTimeline, type TimelineEntry } from './timeline.js';
import { seenAt, type StoryArticle, type StoryView } from './view.js';

export interface StoryChanges {
  since: string;
  articles: Array<Pick<StoryArticle, 'id' | 'title' | 'source' | 'url' | 'published'>>;
  figures: TimelineEntry[];
  speakers: TimelineEntry[];
  places: TimelineEntry[];
}

/** New articles, figures, speakers and places reported at or after `since` (ISO time). */
export function changesSince(view: StoryView, since: string): StoryChanges {
  const fresh = (e: TimelineEntry) => e.reported >= since;
  const timeline = buildTimeline(view).filter(fresh);
  return {
    since,
    articles: view.articles
      .filter((a) => seenAt(a) >= since)
      .map(({ id, title, source, url, published }) => ({ id, title, source, url, published })),
    figures: timeline.filter((e) => e.kind === 'new-figure' || e.kind === 'changed-figure'),
    speakers: timeline.filter((e) => e.kind === 'new-speaker'),
    places: timeline.filter((e) => e.kind === 'new-place'),
  };
}
