// The story page's claims table: the figures its articles give, grouped by subject area and
// quantity, disputed quantities marked in words and by a border (never by colour alone).
// Every figure links to the sentence that supports it (sentenceHref), and every outlet that
// reports it links to its own sentence.

import { html } from 'hono/html';
import { timeLabel } from '../core/time-label.js';
import type { Claim } from '../core/types.js';
import { sentenceHref } from '../stories/anchors.js';
import type { ClaimRow, ClaimsTable, Quantity } from '../stories/claims-compare.js';
import type { StoryArticle } from '../stories/view.js';
import { counted, shownTime } from './format.js';

/** Subject areas shown before "show all": the best-sourced, which come first. */
export const CLAIM_AREAS_SHOWN = 10;

const HEDGES: Record<string, string> = {
  about: 'about',
  'at-least': 'at least',
  'at-most': 'at most',
  'up-to': 'up to',
  exactly: 'exactly',
  range: 'range',
};

const STATUS: Record<Quantity['status'], string> = {
  single: 'one source',
  agreed: 'sources agree',
  updated: 'updated over time',
  disputed: 'Disputed',
};

type ArticleIndex = Map<number, StoryArticle>;

/** The claim in `article` that a row stands for: same figure and source, best by its words. */
function claimFor(article: StoryArticle, row: ClaimRow): Claim | undefined {
  const same = article.claims.filter(
    (c) =>
      c.value === row.value && c.low === row.low && c.high === row.high && c.hedge === row.hedge,
  );
  return (
    same.find((c) => c.text === row.text && (c.source ?? article.source) === row.source) ??
    same.find((c) => (c.source ?? article.source) === row.source) ??
    same[0]
  );
}

/** The link to the sentence of `article` that gives the row's figure. */
export function figureHref(
  articles: ArticleIndex,
  articleId: number | string,
  row: ClaimRow,
): string {
  const article = articles.get(Number(articleId));
  const claim = article ? claimFor(article, row) : undefined;
  if (!article || !claim) return `/articles/${articleId}`;
  return sentenceHref(article.id, article.text, claim.start);
}

function rowCells(articles: ArticleIndex, row: ClaimRow) {
  const first = row.reports[0];
  const href = first ? figureHref(articles, first.articleId, row) : '#';
  return html`<td class="figures"><a class="figure" href="${href}">${row.text}</a></td>
<td>${row.hedge ? HEDGES[row.hedge] : ''}</td>
<td>${row.unit ?? ''}</td>
<td>${row.source}</td>
<td>${row.reports.map(
    (r, i) =>
      html`${i > 0 ? ', ' : ''}<a href="${figureHref(articles, r.articleId, row)}">${r.outlet}</a>`,
  )}</td>
<td>${shownTime(first?.published ?? null)}${row.time && row.time !== first?.published?.slice(0, 10) ? html`<br><span class="meta">about ${timeLabel(row.time)}</span>` : ''}</td>`;
}

function quantityBody(articles: ArticleIndex, q: Quantity) {
  const disputed = q.status === 'disputed';
  const label = html`<th scope="rowgroup" rowspan="${q.rows.length}">${q.label}<br>${
    disputed
      ? html`<span class="badge disputed">Disputed</span>`
      : html`<span class="meta">${STATUS[q.status]}</span>`
  } <span class="meta">${counted(q.independentSources, 'independent source')}</span></th>`;
  return html`<tbody${disputed ? html` class="disputed"` : ''}>${q.rows.map(
    (row, i) => html`<tr>${i === 0 ? label : ''}${rowCells(articles, row)}</tr>`,
  )}</tbody>`;
}

function flagList(quantities: readonly Quantity[], notes: ReadonlyArray<{ reason: string }>) {
  const items = [
    ...quantities.flatMap((q) =>
      q.flags.map(
        (f) =>
          html`<li><strong>${f.kind === 'disagreement' ? 'Disagreement' : 'Update'}:</strong> ${f.reason}</li>`,
      ),
    ),
    ...notes.map((n) => html`<li><strong>Note:</strong> ${n.reason}</li>`),
  ];
  return items.length > 0 ? html`<ul class="flags">${items}</ul>` : '';
}

/** The claims section: one table per subject area, capped unless `showAll`. */
export function claimsSection(
  table: ClaimsTable,
  storyArticles: readonly StoryArticle[],
  showAll: boolean,
  moreHref: string,
) {
  const articles: ArticleIndex = new Map(storyArticles.map((a) => [a.id, a]));
  const areas = showAll ? table.areas : table.areas.slice(0, CLAIM_AREAS_SHOWN);
  const disputed = table.areas
    .flatMap((a) => a.quantities)
    .filter((q) => q.status === 'disputed').length;
  const intro =
    table.areas.length === 0
      ? html`<p>No figures to compare in this story.</p>`
      : html`<p class="meta">${counted(table.areas.length, 'subject area')}; ${
          disputed > 0
            ? `${counted(disputed, 'quantity', 'quantities')} disputed between sources`
            : 'no disagreement between sources'
        }. Each figure links to the sentence that gives it.</p>`;
  return html`<section id="claims" aria-labelledby="claims-h">
<h2 id="claims-h">Claims</h2>
${intro}
${areas.map((area, i) => {
  const areaDisputed = area.quantities.some((q) => q.status === 'disputed');
  return html`<h3 id="area-${i}">${area.label}${areaDisputed ? html` <span class="badge disputed">Disputed</span>` : ''}</h3>
<table aria-labelledby="area-${i}">
<thead><tr><th scope="col">Quantity</th><th scope="col">Figure</th><th scope="col">Hedge</th><th scope="col">Unit</th><th scope="col">Source</th><th scope="col">Reported by</th><th scope="col">Date</th></tr></thead>
${area.quantities.map((q) => quantityBody(articles, q))}
</table>
${flagList(area.quantities, area.notes)}`;
})}
${
  areas.length < table.areas.length
    ? html`<p class="more"><a href="${moreHref}">Show all ${table.areas.length} subject areas</a></p>`
    : ''
}
${table.uncompared > 0 ? html`<p class="meta">${counted(table.uncompared, 'figure')} too vague to compare ${table.uncompared === 1 ? 'is' : 'are'} left out.</p>` : ''}
</section>`;
}
