// Who is quoted in a story, and by which outlets: the speaker index of a story page.
import type { Quote } from '../core/types.js';
import { seenAt, type StoryView } from './view.js';

export interface SpeakerEntry {
  speaker: string;
  quotes: number;
  /** Direct quotes among them: the speaker's own words. */
  direct: number;
  /** Outlets that quote the speaker, most quoting first. */
  outlets: Array<{ outlet: string; quotes: number }>;
  firstAt: string;
  lastAt: string;
  /** The speaker's most confident direct quote (or the most confident quote). */
  sample: { articleId: number; quote: Quote };
}

/** Quoted speakers with a name, most quoted first. Unnamed sources are left out. */
export function speakerIndex(view: StoryView): SpeakerEntry[] {
  const bySpeaker = new Map<string, SpeakerEntry & { byOutlet: Map<string, number> }>();
  for (const article of view.articles) {
    const at = seenAt(article);
    for (const quote of article.quotes) {
      const name = quote.speaker.name;
      if (!name) continue;
      let e = bySpeaker.get(name);
      if (!e) {
        e = {
          speaker: name,
          quotes: 0,
          direct: 0,
          outlets: [],
          byOutlet: new Map(),
          firstAt: at,
          lastAt: at,
          sample: { articleId: article.id, quote },
        };
        bySpeaker.set(name, e);
      }
      e.quotes++;
      if (quote.kind === 'direct') e.direct++;
      e.byOutlet.set(article.source, (e.byOutlet.get(article.source) ?? 0) + 1);
      if (at < e.firstAt) e.firstAt = at;
      if (at > e.lastAt) e.lastAt = at;
      if (betterSample(quote, e.sample.quote)) e.sample = { articleId: article.id, quote };
    }
  }
  return [...bySpeaker.values()]
    .map(({ byOutlet, ...e }) => ({
      ...e,
      outlets: [...byOutlet]
        .map(([outlet, quotes]) => ({ outlet, quotes }))
        .sort((a, b) => b.quotes - a.quotes || a.outlet.localeCompare(b.outlet)),
    }))
    .sort((a, b) => b.quotes - a.quotes || a.speaker.localeCompare(b.speaker));
}

/** Speakers per outlet: whom each outlet quotes, most quoted first. */
export function speakersByOutlet(
  view: StoryView,
): Array<{ outlet: string; speakers: Array<{ speaker: string; quotes: number }> }> {
  const outlets = new Map<string, Map<string, number>>();
  for (const article of view.articles) {
    for (const q of article.quotes) {
      if (!q.speaker.name) continue;
      const m = outlets.get(article.source) ?? new Map<string, number>();
      m.set(q.speaker.name, (m.get(q.speaker.name) ?? 0) + 1);
      outlets.set(article.source, m);
    }
  }
  return [...outlets]
    .map(([outlet, m]) => ({
      outlet,
      speakers: [...m]
        .map(([speaker, quotes]) => ({ speaker, quotes }))
        .sort((a, b) => b.quotes - a.quotes || a.speaker.localeCompare(b.speaker)),
    }))
    .sort((a, b) => a.outlet.localeCompare(b.outlet));
}

/** Direct words beat reported ones; then the more confident. */
function betterSample(q: Quote, held: Quote): boolean {
  const rank = (x: Quote) => (x.kind === 'direct' ? 1 : 0);
  return rank(q) > rank(held) || (rank(q) === rank(held) && q.confidence > held.confidence);
}
