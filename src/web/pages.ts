// The first pages: the article list, one article, and search results.
import { html, raw } from 'hono/html';
import type { Article } from '../core/types.js';
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

/** One article: sanitized body, its metadata, and the page's related links kept apart. */
export function articlePage(article: Article) {
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
      article.published ? html` · <time datetime="${article.published}">${day(article.published)}</time>` : ''
    }${article.url ? html` · <a href="${article.url}" rel="noopener noreferrer nofollow">original</a>` : ''}</p>
<div class="body">${body}</div>
</article>
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
          (h) => html`<li><a href="/articles/${h.id}">${h.title ?? leadLine(h.lead)}</a><br>${meta(h.source, h.published)}<br>${snippet(h.snippet)}</li>`,
        )}</ol>`
}`,
    query,
  );
}
