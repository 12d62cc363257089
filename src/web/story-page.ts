// One story: its span and coverage counts, what changed since the reader's last visit, a
// timeline chart with its developments, coverage by outlet over time, the claims table,
// who said what, and the articles. Long lists are capped with a "show all" link so that a
// story of hundreds of articles stays a quick page.
import { html } from 'hono/html';
import { compareClaims } from '../stories/claims-compare.js';
import { storyClaims } from '../stories/report.js';
import { changesSince, type StoryChanges } from '../stories/since.js';
import { buildTimeline, timelineLabel } from '../stories/timeline.js';
import { seenAt, type StoryView } from '../stories/view.js';
import { coverageChart } from './chart-coverage.js';
import { timelineChart } from './chart-timeline.js';
import { counted, queryString, shownTime, timeTag } from './format.js';
import { type Html, layout } from './layout.js';
import { claimsSection } from './story-claims.js';
import { speakersSection } from './story-quotes.js';

/** Developments listed before "show all"; the chart above covers the whole span. */
const TIMELINE_SHOWN = 25;
/** New voices and figures the timeline lists per article, as the report does. */
const PER_ARTICLE = 3;
/** Articles listed before "show all". */
const ARTICLES_SHOWN = 50;
/** New articles named in "since your last visit" before pointing at the list. */
const SINCE_SHOWN = 10;

/** The sections a reader can ask to see in full (`?show=articles,claims`). */
export type Expandable = 'timeline' | 'claims' | 'speakers' | 'articles';

export interface StoryPageOptions {
  /** Sections to show in full. */
  show?: ReadonlySet<Expandable>;
  /** From when the reader has not yet seen the story (ISO), or null on a first visit. */
  lastVisit?: string | null;
}

/** Reads `?show=` into the set of sections to expand. */
export function readShow(value: string | undefined): Set<Expandable> {
  const known: Expandable[] = ['timeline', 'claims', 'speakers', 'articles'];
  return new Set(known.filter((k) => (value ?? '').split(',').includes(k)));
}

function showHref(id: number, show: ReadonlySet<Expandable>, add: Expandable): string {
  return `/stories/${id}${queryString({ show: [...new Set([...show, add])].join(',') })}#${add}`;
}

function sinceSection(changes: StoryChanges) {
  const entries = [...changes.figures, ...changes.speakers, ...changes.places];
  return html`<section class="since" aria-labelledby="since-h">
<h2 id="since-h">New since your last visit</h2>
<p>${counted(changes.articles.length, 'new article')} reported after ${shownTime(changes.since)}${
    entries.length > 0 ? html`, bringing ${counted(entries.length, 'new development')}` : ''
  }.</p>
<ul>${changes.articles
    .slice(0, SINCE_SHOWN)
    .map(
      (a) =>
        html`<li><a href="/articles/${a.id}">${a.title ?? `Article ${a.id}`}</a> <span class="meta">${a.source} · ${shownTime(a.published)}</span></li>`,
    )}</ul>
${
  entries.length > 0
    ? html`<ul>${entries.slice(0, SINCE_SHOWN).map((e) => html`<li>${timelineLabel(e.kind)}: ${e.text} <span class="meta">(${e.source})</span></li>`)}</ul>`
    : ''
}
</section>`;
}

function timelineSection(view: StoryView, show: ReadonlySet<Expandable>) {
  const entries = buildTimeline(view, { perArticle: PER_ARTICLE });
  const shown = show.has('timeline') ? entries : entries.slice(0, TIMELINE_SHOWN);
  return html`<section id="timeline" aria-labelledby="timeline-h">
<h2 id="timeline-h">Timeline</h2>
${timelineChart(view.articles.map(seenAt))}
<ol class="timeline">${shown.map(
    (e) =>
      html`<li>${timeTag(e.at)} · <strong>${timelineLabel(e.kind)}</strong>: <a href="/articles/${e.articleId}">${e.text}</a> <span class="meta">(${e.source})</span></li>`,
  )}</ol>
${shown.length < entries.length ? html`<p class="more"><a href="${showHref(view.id, show, 'timeline')}">Show all ${entries.length} developments</a></p>` : ''}
</section>`;
}

function articlesSection(view: StoryView, show: ReadonlySet<Expandable>) {
  const all = view.articles;
  const shown = show.has('articles') ? all : all.slice(0, ARTICLES_SHOWN);
  return html`<section id="articles" aria-labelledby="articles-h">
<h2 id="articles-h">Articles <span class="meta">${all.length}</span></h2>
<ol class="articles">${shown.map(
    (a) =>
      html`<li><a href="/articles/${a.id}">${a.title ?? `Article ${a.id}`}</a><br><span class="meta">${a.source} · ${timeTag(seenAt(a))}</span>${
        a.copyOf !== a.id
          ? html` <span class="copy-of">wire copy of <a href="/articles/${a.copyOf}">#${a.copyOf}</a></span>`
          : ''
      }</li>`,
  )}</ol>
${shown.length < all.length ? html`<p class="more"><a href="${showHref(view.id, show, 'articles')}">Show all ${all.length} articles</a></p>` : ''}
</section>`;
}

/** The whole story page. */
export function storyPage(view: StoryView, options: StoryPageOptions = {}): Html {
  const show = options.show ?? new Set<Expandable>();
  const outlets = new Set(view.articles.map((a) => a.source)).size;
  const independent = new Set(view.articles.map((a) => a.copyOf)).size;
  const changes = options.lastVisit ? changesSince(view, options.lastVisit) : null;
  const title = view.title ?? `Story ${view.id}`;
  const coverage = view.articles.map((a) => ({
    id: a.id,
    title: a.title,
    source: a.source,
    at: seenAt(a),
    copy: a.copyOf !== a.id,
  }));
  return layout(
    title,
    html`<h1>${title}</h1>
<p class="meta">Story ${view.id} · ${timeTag(view.firstSeen)} – ${timeTag(view.lastSeen)}</p>
<p><span class="stat"><strong>${all(view.articles.length)}</strong> articles</span><span class="stat"><strong>${all(outlets)}</strong> outlets</span><span class="stat"><strong>${all(independent)}</strong> independent reports</span></p>
<p class="actions"><a href="/api/stories/${view.id}/report" download="story-${view.id}.md">Download report (Markdown)</a><a href="/api/stories/${view.id}/report?format=html">Report as HTML</a></p>
${changes && changes.articles.length > 0 ? sinceSection(changes) : ''}
${timelineSection(view, show)}
<section id="coverage" aria-labelledby="coverage-h">
<h2 id="coverage-h">Coverage by outlet</h2>
${coverageChart(coverage)}
</section>
${claimsSection(compareClaims(storyClaims(view)), view.articles, show.has('claims'), showHref(view.id, show, 'claims'))}
${speakersSection(view, show.has('speakers'), showHref(view.id, show, 'speakers'))}
${articlesSection(view, show)}`,
    '',
    { nav: 'stories' },
  );
}

const all = (n: number) => n.toLocaleString('en-US');
