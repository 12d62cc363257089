// The article list at /articles: the newest articles, with a link to the next page.
// (Moved here unchanged from the old pages.ts; the stories page is the home page now.)
import { html } from 'hono/html';
import type { ArticleSummary } from '../store/index.js';
import { layout } from './layout.js';
import { leadLine, meta } from './page-kit.js';

/** The newest articles, with a link to the next page. */
export function articleListPage(items: ArticleSummary[], next: number | null, total: number) {
  const body =
    total === 0
      ? html`<h1>No articles yet</h1>
<p>Bring some in from the <a href="/feeds">feeds page</a> or the <a href="/welcome">welcome page</a>.</p>`
      : html`<h1>Articles <span class="meta">${total.toLocaleString('en')}</span></h1>
<ol class="articles">
${items.map((a) => html`<li><a href="/articles/${a.id}">${a.title ?? leadLine(a.lead)}</a><br>${meta(a.source, a.published)}</li>`)}
</ol>
${next ? html`<nav class="pager"><a href="/articles?before=${next}" rel="next">Older articles →</a></nav>` : ''}`;
  return layout('Articles', body);
}
