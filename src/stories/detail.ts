// One story as the API and `sitrep story --json` give it: its articles (without their
// texts), timeline, claims compared across sources, and speakers.
import { compareClaims } from './claims-compare.js';
import { storyClaims } from './report.js';
import { speakerIndex, speakersByOutlet } from './speaker-index.js';
import { buildTimeline } from './timeline.js';
import type { StoryView } from './view.js';

export function storyDetail(view: StoryView) {
  return {
    id: view.id,
    title: view.title,
    firstSeen: view.firstSeen,
    lastSeen: view.lastSeen,
    articles: view.articles.map(({ text, quotes, claims, times, mentions, ...a }) => a),
    timeline: buildTimeline(view),
    claims: compareClaims(storyClaims(view)),
    speakers: speakerIndex(view),
    speakersByOutlet: speakersByOutlet(view),
  };
}
