// The first pages: the article list, one article, and search results.
import { html, raw } from 'hono/html';
import { shownUnit } from '../core/claim-format.js';
import type { Article, Claim, Quote } from '../core/types.js';
import type { ArticleSummary, SearchHit } from '../store/index.js';
import { layout } from './layout.js';
import { sanitizeArticleHtml } from './sanitize.js';

/** A stand-in title: the first words of the text, cut at a word boundary. */
function leadLine(lead: string): string {
  const flat = lead.replace(/\s+/g, ' ').trim();
  return flat.length < 100 ? flat : `${flat.slice(0, 100).replace(/\s\S*$/, '')} …`;
}

function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '';
}

function meta(source: string, published: string | null) {
  return html`<span class="meta">${source}${published ? html` · <time datetime="${published}">${day(published)}</time>` : ''}</span>`;
}

/** The newest articles, with a link to the next page. */
export function articleListPage(items: ArticleSummary[], next: number | null, total: number) {
  const body =
    total === 0
      ? html`<h1>No articles yet</h1>
<p>Add some with the command line, for example:</p>
<pre>npx sitrep ingest path/to/articles/ https://example.org/feed.xml</pre>`
      : html`<h1>Articles <span class="meta">${total.toLocaleString('en')}</span></h1>
<ol class="articles">
${items.map((a) => html`<li><a href="/articles/${a.id}">${a.title ?? leadLine(a.lead)}</a><br>${meta(a.source, a.published)}</li>`)}
</ol>
${next ? html`<nav class="pager"><a href="/?before=${next}" rel="next">Older articles →</a></nav>` : ''}`;
  return layout('Articles', body);
}

/** Who said what in an article: speaker, kind and cue, then the words. */
function quotesPanel(quotes: readonly Quote[]) {
  if (quotes.length === 0) return '';
  const words = (q: Quote) =>
    q.kind === 'direct' || q.kind === 'partial'
      ? html`<q>${q.content.text}</q>`
      : html`${q.content.text}`;
  return html`<section class="quotes"><h2>Who said what</h2><ul>${quotes.map(
    (q) =>
      html`<li><strong>${q.speaker.name ?? q.speaker.text ?? 'Unattributed'}</strong> <span class="meta">${q.kind}${
        q.cue ? html`, “${q.cue.text}”` : ''
      }</span><br>${words(q)}</li>`,
  )}</ul></section>`;
}

/** The figures an article claims, with hedge, what they count, source and time. */
function claimsPanel(claims: readonly Claim[]) {
  if (claims.length === 0) return '';
  return html`<section class="claims"><h2>Figures</h2><table><thead><tr><th>figure</th><th>counts</th><th>source</th><th>when</th></tr></thead><tbody>${claims.map(
    (c) =>
      html`<tr><td>${c.hedge ? `${c.hedge} ` : ''}${c.value.toLocaleString('en')}${shownUnit(c) ? ` ${shownUnit(c)}` : ''}</td><td>${c.subject}</td><td>${c.source ?? ''}</td><td>${c.time ?? ''}</td></tr>`,
  )}</tbody></table></section>`;
}

/** One article: sanitized body, its metadata, and the page's related links kept apart. */
export function articlePage(
  article: Article,
  quotes: readonly Quote[] = [],
  claims: readonly Claim[] = [],
) {
  const title = article.title ?? leadLine(article.text.slice(0, 160));
  const body = article.html
    ? raw(sanitizeArticleHtml(article.html))
    : html`${article.paragraphs.map(([start, end]) => html`<p>${article.text.slice(start, end)}</p>`)}`;
  const related = article.relatedLinks;
  return layout(
    title,
    html`<article>
<h1>${title}</h1>
<p class="meta">${article.sourceName}${article.byline ? html` · ${article.byline}` : ''}${
      article.published
        ? html` · <time datetime="${article.published}">${day(article.published)}</time>`
        : ''
    }${article.url ? html` · <a href="${article.url}" rel="noopener noreferrer nofollow">original</a>` : ''}</p>
<div class="body">${body}</div>
</article>
${quotesPanel(quotes)}
${claimsPanel(claims)}
${
  related.length > 0
    ? html`<aside><h2>Related links on the page</h2><ul>${related.map((l) =>
        l.url && /^https?:/i.test(l.url)
          ? html`<li><a href="${l.url}" rel="noopener noreferrer nofollow">${l.text}</a></li>`
          : html`<li>${l.text}</li>`,
      )}</ul></aside>`
    : ''
}`,
  );
}

/** Snippets mark matches with [[ and ]]; show them as <mark> after escaping the rest. */
function snippet(text: string) {
  const parts = text.split(/\[\[|\]\]/);
  return html`${parts.map((part, i) => (i % 2 === 1 ? html`<mark>${part}</mark>` : html`${part}`))}`;
}

/** Search results for a query. */
export function searchPage(query: string, hits: SearchHit[]) {
  return layout(
    `Search: ${query}`,
    html`<h1>Search</h1>
${
  query === ''
    ? html`<p>Type words, "a phrase", OR, or -word to exclude.</p>`
    : hits.length === 0
      ? html`<p>No articles match <strong>${query}</strong>.</p>`
      : html`<ol class="articles">${hits.map(
          (h) =>
            html`<li><a href="/articles/${h.id}">${h.title ?? leadLine(h.lead)}</a><br>${meta(h.source, h.published)}<br>${snippet(h.snippet)}</li>`,
        )}</ol>`
}`,
    query,
  );
}
