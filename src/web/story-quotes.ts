// Who said what in a story, grouped by speaker (most quoted first), each quote linked to
// the sentence it comes from. Capped per speaker and in speakers unless the reader asks for
// all, so a story of hundreds of articles stays a quick page.
import { html } from 'hono/html';
import type { Quote } from '../core/types.js';
import { sentenceHref } from '../stories/anchors.js';
import { speakerIndex } from '../stories/speaker-index.js';
import { seenAt, type StoryArticle, type StoryView } from '../stories/view.js';
import { counted, shownTime } from './format.js';

/** Speakers shown before "show all". */
const SPEAKERS_SHOWN = 12;
/** Quotes per speaker before "show all": their direct words first. */
const QUOTES_SHOWN = 4;
/** Long quotes are clipped on the page; the link leads to the whole sentence. */
const QUOTE_CHARS = 280;

interface Said {
  quote: Quote;
  article: StoryArticle;
  at: string;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_CHARS ? `${flat.slice(0, QUOTE_CHARS - 1)}…` : flat;
}

/** Every named speaker's quotes with their articles, direct words first. */
export function quotesBySpeaker(view: StoryView): Map<string, Said[]> {
  const out = new Map<string, Said[]>();
  for (const article of view.articles) {
    for (const quote of article.quotes) {
      const name = quote.speaker.name;
      if (!name) continue;
      const said = { quote, article, at: seenAt(article) };
      out.set(name, [...(out.get(name) ?? []), said]);
    }
  }
  const rank = (s: Said) => (s.quote.kind === 'direct' ? 0 : 1);
  for (const list of out.values())
    list.sort((a, b) => rank(a) - rank(b) || a.at.localeCompare(b.at));
  return out;
}

function saidItem(s: Said) {
  const words = clip(s.quote.content.text);
  const shown = s.quote.kind === 'indirect' ? html`${words}` : html`“${words}”`;
  // The link is made only for quotes shown: finding sentences costs a pass over the text.
  const href = sentenceHref(s.article.id, s.article.text, s.quote.content.start);
  return html`<li><a href="${href}">${shown}</a> <span class="meta">${s.quote.kind === 'indirect' ? 'reported · ' : ''}${s.article.source} · ${shownTime(s.at)}</span></li>`;
}

/** The "who said what" section. */
export function speakersSection(view: StoryView, showAll: boolean, moreHref: string) {
  const index = speakerIndex(view);
  const quotes = quotesBySpeaker(view);
  const speakers = showAll ? index : index.slice(0, SPEAKERS_SHOWN);
  const truncated = speakers.length < index.length || speakers.some((s) => s.quotes > QUOTES_SHOWN);
  return html`<section id="speakers" aria-labelledby="speakers-h">
<h2 id="speakers-h">Who said what</h2>
${index.length === 0 ? html`<p>No named speakers are quoted in this story.</p>` : ''}
${speakers.map((s) => {
  const list = quotes.get(s.speaker) ?? [];
  const shown = showAll ? list : list.slice(0, QUOTES_SHOWN);
  return html`<h3>${s.speaker} <span class="meta">${counted(s.quotes, 'quote')} · ${s.outlets.map((o) => o.outlet).join(', ')}</span></h3>
<ul class="quotes">${shown.map(saidItem)}</ul>`;
})}
${
  truncated && !showAll
    ? html`<p class="more"><a href="${moreHref}">${speakers.length < index.length ? `Show all ${index.length} speakers and every quote` : 'Show every quote'}</a></p>`
    : ''
}
</section>`;
}
