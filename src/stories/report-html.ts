// The situation report of a story as one standalone HTML document: the sections of the
// Markdown report, with inline CSS and no script, where every figure, quote and dated
// development links to the sentence of the article that supports it. Article text is
// hostile input: every piece of it is escaped, and only http(s) links leave the report.
import { createHash } from 'node:crypto';
import { escapeHtml } from '../core/escape-html.js';
import type { Claim } from '../core/types.js';
import { sentenceHref } from './anchors.js';
import { type ClaimRow, type ClaimsTable, compareClaims } from './claims-compare.js';
import { count, storyClaims, summaryLines } from './report.js';
import { type SpeakerEntry, speakerIndex } from './speaker-index.js';
import {
  buildTimeline,
  describeFigure,
  saidText,
  type TimelineEntry,
  timelineLabel,
} from './timeline.js';
import { seenAt, type StoryArticle, type StoryView } from './view.js';

export interface ReportHtmlOptions {
  /** Put before every link into sitrep ("https://sitrep.example"); relative when empty. */
  baseUrl?: string;
}

/** The same section lengths as the Markdown report, so the two tell the same story. */
const MAX_TIMELINE = 25;
const PER_ARTICLE = 3;
const MAX_SPEAKERS = 12;
const MAX_SOURCES = 30;

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}
.meta{color:#555}a{color:#0b57d0}table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}tr.disputed td{background:#fff1f0}.flag{margin:.3rem 0;padding:.3rem .6rem;border-left:4px solid #c62828;background:#fff1f0}
.flag.update{border-color:#1565c0;background:#eef4ff}.note{color:#555;font-style:italic}li{margin:.2rem 0}`;

/** The Content-Security-Policy a server sends with the report: its own style and nothing else. */
export const REPORT_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** The HTML situation report of a story: a standalone document, inline CSS, no script. */
export function renderReportHtml(view: StoryView, options: ReportHtmlOptions = {}): string {
  const links = new EvidenceLinks(view, (options.baseUrl ?? '').replace(/\/+$/, ''));
  const claims = compareClaims(storyClaims(view));
  const speakers = speakerIndex(view);
  const timeline = buildTimeline(view, { perArticle: PER_ARTICLE });
  const title = escapeHtml(view.title ?? `Story ${view.id}`);
  const body = [
    `<h1>${title}</h1>`,
    `<p class="meta">Story ${view.id} · first seen ${day(view.firstSeen)} · last seen ${day(view.lastSeen)}</p>`,
    '<h2>Summary</h2>',
    list(summaryLines(view, claims, speakers, escapeHtml)),
    '<h2>Timeline</h2>',
    list([
      ...timeline.slice(0, MAX_TIMELINE).map((e) => timelineItem(e, links)),
      ...more(timeline.length, MAX_TIMELINE, 'developments'),
    ]),
    '<h2>Claims</h2>',
    claimsSection(claims, links),
    '<h2>Who said what</h2>',
    list([
      ...speakers.slice(0, MAX_SPEAKERS).map((s) => speakerItem(s, links)),
      ...more(speakers.length, MAX_SPEAKERS, 'speakers'),
    ]),
    '<h2>Sources</h2>',
    list([
      ...view.articles.slice(0, MAX_SOURCES).map((a) => sourceItem(a, links)),
      ...more(view.articles.length, MAX_SOURCES, 'articles'),
    ]),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${title} · sitrep report</title><style>${STYLE}</style></head>
<body><main>
${body.join('\n')}
</main></body></html>
`;
}

/** Links into the web reader: an article, or the sentence holding an offset of its text. */
class EvidenceLinks {
  private readonly articles: Map<number, StoryArticle>;

  constructor(
    view: StoryView,
    private readonly base: string,
  ) {
    this.articles = new Map(view.articles.map((a) => [a.id, a]));
  }

  article(id: number | string): StoryArticle | undefined {
    return this.articles.get(Number(id));
  }

  /** The sentence holding `pos` in the article, or the article itself when there is none. */
  href(articleId: number, pos?: number): string {
    const a = this.articles.get(articleId);
    if (!a || pos === undefined) return `${this.base}/articles/${articleId}`;
    return `${this.base}${sentenceHref(articleId, a.text, pos)}`;
  }

  /** The link to the sentence where an article gives a row's figure. */
  figure(row: ClaimRow, articleId: number): string {
    const a = this.articles.get(articleId);
    const claims = a?.claims ?? [];
    const same = (c: Claim) =>
      c.value === row.value && c.low === row.low && c.high === row.high && c.hedge === row.hedge;
    const found =
      claims.find((c) => same(c) && c.text === row.text) ??
      claims.find((c) => same(c) && (c.source ?? a?.source) === row.source) ??
      claims.find(same);
    return this.href(articleId, found?.start);
  }
}

function anchor(href: string, text: string): string {
  return `<a href="${escapeHtml(href)}">${text}</a>`;
}

/** A development, linked to the sentence it comes from where one can be told. */
function timelineItem(e: TimelineEntry, links: EvidenceLinks): string {
  const a = links.article(e.articleId);
  let pos: number | undefined;
  if (a && (e.kind === 'new-figure' || e.kind === 'changed-figure'))
    pos = a.claims.find((c) => e.text.startsWith(describeFigure(c)))?.start;
  else if (a && e.kind === 'new-speaker')
    pos = a.quotes.find((q) => q.speaker.name && e.text.startsWith(`${q.speaker.name}:`))?.content
      .start;
  else if (a && e.kind === 'new-place')
    pos = a.mentions.find((m) => m.type === 'LOC' && e.text.startsWith(`${m.entity}:`))?.start;
  else if (a && e.kind === 'dated') pos = a.times.find((t) => t.value === e.at)?.start;
  const text = anchor(links.href(e.articleId, pos), escapeHtml(e.text));
  return `${day(e.at)} · ${timelineLabel(e.kind)}: ${text} (${escapeHtml(e.source)})`;
}

function claimsSection(table: ClaimsTable, links: EvidenceLinks): string {
  if (table.areas.length === 0) return '<p>No figures to compare.</p>';
  const out: string[] = [];
  for (const area of table.areas) {
    out.push(`<h3>${escapeHtml(area.label)}</h3>`, '<table>');
    out.push(
      '<thead><tr><th scope="col">Quantity</th><th scope="col">Figure</th><th scope="col">Source</th><th scope="col">Reported by</th><th scope="col">Date</th></tr></thead><tbody>',
    );
    const flags: string[] = [];
    for (const q of area.quantities) {
      const disputed = new Set(
        q.flags.filter((f) => f.kind === 'disagreement').flatMap((f) => f.rows),
      );
      q.rows.forEach((row, i) => {
        const first = row.reports[0];
        const figure = first
          ? anchor(links.figure(row, Number(first.articleId)), escapeHtml(row.text))
          : escapeHtml(row.text);
        const reporters = row.reports
          .map((r) => anchor(links.figure(row, Number(r.articleId)), escapeHtml(r.outlet)))
          .join(', ');
        const date = first?.published ? day(first.published) : '';
        out.push(
          `<tr${disputed.has(i) ? ' class="disputed"' : ''}><td>${escapeHtml(q.label)}</td><td>${figure}</td>` +
            `<td>${escapeHtml(row.source)}</td><td>${reporters}</td><td>${date}</td></tr>`,
        );
      });
      for (const flag of q.flags) {
        const label = flag.kind === 'disagreement' ? 'Disagreement' : 'Update';
        flags.push(
          `<p class="flag ${flag.kind}"><strong>${label}:</strong> ${escapeHtml(flag.reason)}</p>`,
        );
      }
    }
    out.push('</tbody></table>', ...flags);
    for (const note of area.notes) out.push(`<p class="note">Note: ${escapeHtml(note.reason)}</p>`);
  }
  return out.join('\n');
}

function speakerItem(s: SpeakerEntry, links: EvidenceLinks): string {
  const outlets = escapeHtml(s.outlets.map((o) => o.outlet).join(', '));
  const words = anchor(
    links.href(s.sample.articleId, s.sample.quote.content.start),
    escapeHtml(saidText(s.sample.quote, 200)),
  );
  return `<strong>${escapeHtml(s.speaker)}</strong> (${count(s.quotes, 'quote')}; ${outlets}): ${words}`;
}

function sourceItem(a: StoryArticle, links: EvidenceLinks): string {
  const copy = a.copyOf !== a.id ? ` (copy of #${a.copyOf})` : '';
  const title = anchor(links.href(a.id), escapeHtml(a.title ?? 'untitled'));
  const original =
    a.url && /^https?:\/\//i.test(a.url)
      ? ` · <a href="${escapeHtml(a.url)}" rel="noopener noreferrer nofollow">original</a>`
      : '';
  return `${day(seenAt(a))} · ${escapeHtml(a.source)}: ${title} #${a.id}${copy}${original}`;
}

const list = (items: string[]): string =>
  items.length === 0
    ? '<p>None.</p>'
    : `<ul>\n${items.map((i) => `<li>${i}</li>`).join('\n')}\n</ul>`;
const day = (iso: string): string => escapeHtml(iso.slice(0, 10));
const more = (total: number, shown: number, noun: string): string[] =>
  total > shown ? [`… and ${total - shown} more ${noun}`] : [];
