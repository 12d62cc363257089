// The article reader: the text with its entities, quotes, figures and times marked, each
// sentence anchored for story pages to link to, then who said what, the figures, the story
// it belongs to, sitrep's related articles, and (apart) the links the page itself showed.

import type { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { sentenceStarts } from '../analyze/claims/context.js';
import { shownUnit } from '../core/claim-format.js';
import { timeLabel } from '../core/time-label.js';
import type { Article, Claim, Mention, Quote, TimeExpr } from '../core/types.js';
import { httpUrlOrNull } from '../core/url.js';
import { type RelatedArticle, relatedArticles } from '../pipeline/related.js';
import type { StorySummary } from '../store/index.js';
import { sentenceHref } from '../stories/anchors.js';
import { highlightText, type Mark } from './highlight.js';
import { layout } from './layout.js';
import {
  day,
  leadLine,
  meta,
  notFoundBody,
  type PageDeps,
  positiveInt,
  TYPE_NAMES,
} from './page-kit.js';

type StoredQuote = Quote & { speakerEntityId: number | null };
type StoredClaim = Claim & { sourceEntityId: number | null };
type StoredMention = Mention & { entityId: number | null };

/** Everything the reader shows about one article. */
export interface ArticleView {
  article: Article;
  mentions: StoredMention[];
  quotes: StoredQuote[];
  claims: StoredClaim[];
  times: TimeExpr[];
  story: StorySummary | null;
  inStory: RelatedArticle[];
  beyond: RelatedArticle[];
}

/** Hedges as a reader says them; "exactly" and ranges need no word. */
const HEDGE_WORDS: Record<string, string> = {
  about: 'about',
  'at-least': 'at least',
  'at-most': 'at most',
  'up-to': 'up to',
};

/** How a figure reads: hedge, value (or range) and the unit its subject lacks. */
export function figureText(
  c: Pick<Claim, 'value' | 'low' | 'high' | 'hedge' | 'unit' | 'subject'>,
): string {
  const value =
    c.hedge === 'range' && c.low !== null && c.high !== null
      ? `${c.low.toLocaleString('en')}–${c.high.toLocaleString('en')}`
      : c.value.toLocaleString('en');
  const unit = shownUnit(c);
  // "300 families" has its noun in the subject even where the unit is the singular "family".
  const stem = unit?.toLowerCase().replace(/y$|s$/, '') ?? '';
  const showUnit = unit && !(stem.length > 2 && c.subject.toLowerCase().includes(stem));
  const hedge = c.hedge ? HEDGE_WORDS[c.hedge] : undefined;
  return `${hedge ? `${hedge} ` : ''}${value}${showUnit ? ` ${unit}` : ''}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function lines(...parts: Array<string | null | false | undefined>): string {
  return parts.filter(Boolean).join('\n');
}

/** The marks for every annotation, with what each is in its tooltip. */
export function articleMarks(
  view: Pick<ArticleView, 'mentions' | 'quotes' | 'claims' | 'times'>,
): Mark[] {
  const marks: Mark[] = [];
  for (const q of view.quotes) {
    marks.push({
      start: q.content.start,
      end: q.content.end,
      kind: 'quote',
      tip: lines(
        `Quote (${q.kind})`,
        `Speaker: ${q.speaker.name ?? q.speaker.text ?? 'unattributed'}`,
        q.cue && `Cue: ${q.cue.text}`,
      ),
    });
  }
  for (const c of view.claims) {
    marks.push({
      start: c.start,
      end: c.end,
      kind: 'claim',
      tip: lines(
        `Figure: ${c.value.toLocaleString('en')}`,
        c.hedge && `Hedge: ${c.hedge}`,
        c.unit && `Unit: ${c.unit}`,
        `Counts: ${c.subject}`,
        `Source: ${c.source ?? 'not stated'}`,
        c.time && `When: ${timeLabel(c.time)}`,
      ),
    });
  }
  for (const m of view.mentions) {
    marks.push({
      start: m.start,
      end: m.end,
      kind: 'entity',
      className: `t-${m.type}`,
      tip: `${m.entity} (${TYPE_NAMES[m.type] ?? m.type})`,
      href: m.entityId === null ? undefined : `/entities/${m.entityId}`,
    });
  }
  for (const t of view.times) {
    marks.push({
      start: t.start,
      end: t.end,
      kind: 'time',
      tip: `Time: ${timeLabel(t.value)} (${t.value})`,
    });
  }
  return marks;
}

const LEGEND = html`<p class="legend meta" aria-label="How annotations are marked">
<span class="hl entity">entity</span> <span class="hl quote">quote</span>
<span class="hl claim">figure</span> <span class="hl time">time</span>
<span>· hover or focus a mark to see what it is</span></p>`;

function speakerLink(q: StoredQuote) {
  const name = q.speaker.name ?? q.speaker.text ?? 'Unattributed';
  return q.speakerEntityId === null
    ? html`<strong>${name}</strong>`
    : html`<strong><a href="/entities/${q.speakerEntityId}">${name}</a></strong>`;
}

function quotesPanel(a: Article, quotes: readonly StoredQuote[]) {
  if (quotes.length === 0) return '';
  return html`<section class="quotes" aria-labelledby="quotes-h"><h2 id="quotes-h">Who said what</h2><ul>${quotes.map(
    (q) =>
      html`<li>${speakerLink(q)} <span class="meta">${q.kind}${q.cue ? html`, “${q.cue.text}”` : ''}</span><br>
<a class="evidence" href="${sentenceHref(a.id, a.text, q.content.start)}">${
        q.kind === 'direct' || q.kind === 'partial'
          ? html`<q>${q.content.text}</q>`
          : q.content.text
      }</a></li>`,
  )}</ul></section>`;
}

function claimsPanel(a: Article, claims: readonly StoredClaim[]) {
  if (claims.length === 0) return '';
  return html`<section class="claims" aria-labelledby="claims-h"><h2 id="claims-h">Figures</h2>
<table><thead><tr><th scope="col">figure</th><th scope="col">counts</th><th scope="col">source</th><th scope="col">when</th></tr></thead><tbody>${claims.map(
    (c) =>
      html`<tr><td><a href="${sentenceHref(a.id, a.text, c.start)}">${figureText(c)}</a></td><td>${c.subject}</td><td>${
        c.sourceEntityId === null
          ? (c.source ?? '')
          : html`<a href="/entities/${c.sourceEntityId}">${c.source}</a>`
      }</td><td>${timeLabel(c.time)}</td></tr>`,
  )}</tbody></table></section>`;
}

function relatedList(items: readonly RelatedArticle[]) {
  return html`<ul class="related">${items.map(
    (r) =>
      html`<li><a href="/articles/${r.id}">${r.title ?? `Article ${r.id}`}</a> ${meta(r.source, r.published)}</li>`,
  )}</ul>`;
}

function storyPanel(view: ArticleView) {
  const { story, inStory, beyond } = view;
  return html`<section class="story-of" aria-labelledby="story-h"><h2 id="story-h">Story</h2>${
    story
      ? html`<p>Part of <a href="/stories/${story.id}">${story.title ?? `story ${story.id}`}</a>
<span class="meta">${plural(story.articles, 'article')} from ${plural(story.sources, 'source')}, ${story.independent} independent</span></p>
${inStory.length > 0 ? html`<h3>Other reports of this story</h3>${relatedList(inStory)}` : ''}`
      : html`<p class="meta">Not placed in a story yet.</p>`
  }
${beyond.length > 0 ? html`<h3>Related articles beyond the story</h3>${relatedList(beyond)}` : ''}</section>`;
}

function pageLinks(a: Article) {
  if (a.relatedLinks.length === 0) return '';
  return html`<aside class="page-links" aria-labelledby="links-h"><h2 id="links-h">Links the original page showed</h2>
<p class="meta">From the publisher's page, not chosen by sitrep.</p><ul>${a.relatedLinks.map((l) =>
    l.url && /^https?:/i.test(l.url)
      ? html`<li><a href="${l.url}" rel="noopener noreferrer nofollow">${l.text}</a></li>`
      : html`<li>${l.text}</li>`,
  )}</ul></aside>`;
}

/** One article as the reader shows it. */
export function articlePage(view: ArticleView) {
  const a = view.article;
  const title = a.title ?? leadLine(a.text.slice(0, 160));
  const body = highlightText(a.text, a.paragraphs, sentenceStarts(a.text), articleMarks(view));
  return layout(
    title,
    html`<article>
<h1>${title}</h1>
<p class="meta">${a.sourceName}${a.byline ? html` · ${a.byline}` : ''}${
      a.published ? html` · <time datetime="${a.published}">${day(a.published)}</time>` : ''
    }${
      // Stored before records were checked, a url may be anything: link only http(s).
      httpUrlOrNull(a.url)
        ? html` · <a href="${a.url}" rel="noopener noreferrer nofollow">original</a>`
        : ''
    }</p>
${LEGEND}
<div class="body">${raw(body)}</div>
</article>
${storyPanel(view)}
${quotesPanel(a, view.quotes)}
${claimsPanel(a, view.claims)}
${pageLinks(a)}`,
  );
}

/** Registers GET /articles/:id. */
export function mountArticlePage(app: Hono, { store }: PageDeps): void {
  app.get('/articles/:id', async (c) => {
    const id = positiveInt(c.req.param('id'));
    const article = id ? await store.articles.get(id) : null;
    if (!article) return c.html(layout('Not found', notFoundBody('article')), 404);
    const related = await relatedArticles(store, article.id);
    const storyId = related?.storyId ?? null;
    return c.html(
      articlePage({
        article,
        mentions: await store.annotations.mentions(article.id),
        quotes: await store.annotations.quotes(article),
        claims: await store.annotations.claims(article.id),
        times: await store.annotations.times(article.id),
        story: storyId === null ? null : await store.stories.get(storyId),
        inStory: related?.inStory ?? [],
        beyond: related?.beyond ?? [],
      }),
    );
  });
}
