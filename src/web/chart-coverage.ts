// Coverage by outlet over time (Ground News' coverage, drawn along the story's life): a row
// per outlet, a mark per article; a hollow mark is a wire copy, so an outlet that only
// reprints is told apart from one that reports. Server-rendered SVG with a text summary.
import { html } from 'hono/html';
import { timeScale, timeTicks } from './chart-axis.js';
import { shownTime } from './format.js';

/** Rows drawn; more outlets are summed up in the caption (the article list has them all). */
const MAX_ROWS = 24;
const WIDTH = 720;
const ROW = 22;
const LABEL = 150;
const PAD = { right: 14, top: 8, bottom: 28 };

export interface CoverageArticle {
  id: number;
  title: string | null;
  source: string;
  /** When the article entered the story (publish time, else intake). */
  at: string;
  /** A wire copy of an earlier article. */
  copy: boolean;
}

/** Outlets in the order they joined the story, each with its articles. */
export function outletRows(
  articles: readonly CoverageArticle[],
): Array<{ outlet: string; articles: CoverageArticle[] }> {
  const rows = new Map<string, CoverageArticle[]>();
  const sorted = [...articles].sort((a, b) => a.at.localeCompare(b.at));
  for (const a of sorted) rows.set(a.source, [...(rows.get(a.source) ?? []), a]);
  return [...rows].map(([outlet, list]) => ({ outlet, articles: list }));
}

function clipLabel(text: string): string {
  return text.length > 22 ? `${text.slice(0, 21)}…` : text;
}

/** The coverage chart: one row per outlet, one mark per article, over the story's span. */
export function coverageChart(articles: readonly CoverageArticle[], id = 'coverage') {
  const rows = outletRows(articles);
  if (rows.length === 0) return '';
  const shown = rows.slice(0, MAX_ROWS);
  const times = articles.map((a) => Date.parse(a.at)).filter((t) => !Number.isNaN(t));
  const from = Math.min(...times);
  const to = Math.max(...times);
  const x = timeScale(from, to, LABEL + 10, WIDTH - PAD.right);
  const height = PAD.top + shown.length * ROW + PAD.bottom;
  const copies = articles.filter((a) => a.copy).length;
  const summary =
    `${rows.length} outlets, ${articles.length} articles` +
    (copies > 0 ? ` (${copies} wire copies, drawn hollow)` : '') +
    `; first: ${rows[0]!.outlet}${rows.length > MAX_ROWS ? `; the ${rows.length - MAX_ROWS} outlets that joined last are not drawn` : ''}.`;
  return html`<figure class="chart">
<svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${id}-title">
<title id="${id}-title">Coverage by outlet over time: ${summary}</title>
${shown.map((row, i) => {
  const cy = PAD.top + i * ROW + ROW / 2;
  return html`<g>
<text x="${LABEL}" y="${cy + 4}" text-anchor="end">${clipLabel(row.outlet)}</text>
<line class="row" x1="${LABEL + 10}" y1="${cy}" x2="${WIDTH - PAD.right}" y2="${cy}"></line>
${row.articles.map(
  (a) =>
    html`<circle class="mark${a.copy ? ' copy' : ''}" cx="${x(Date.parse(a.at)).toFixed(1)}" cy="${cy}" r="5"><title>${row.outlet} · ${shownTime(a.at)}${a.copy ? ' · wire copy' : ''} · ${a.title ?? `article ${a.id}`}</title></circle>`,
)}
</g>`;
})}
${timeTicks(from, to, x, height - 8)}
</svg>
<figcaption>Coverage by outlet over time, a mark per article. ${summary}</figcaption>
</figure>`;
}
