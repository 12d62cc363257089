// The situation report of a story, in Markdown: summary lines, the timeline, the claims
// table with its disagreements, who said what, and the sources. Every line names where it
// comes from (outlet and date), so a reader can check it.
import { type ClaimsTable, compareClaims, type StoryClaim } from './claims-compare.js';
import { type SpeakerEntry, speakerIndex } from './speaker-index.js';
import { buildTimeline, saidText, type TimelineEntry, timelineLabel } from './timeline.js';
import { seenAt, type StoryView } from './view.js';

/** Entries the report shows per section; the API and CLI give the whole of each. */
const MAX_TIMELINE = 25;
/** New voices and figures the report's timeline lists per article. */
const PER_ARTICLE = 3;
const MAX_SPEAKERS = 12;
const MAX_SOURCES = 30;

/** A story's claims, ready to compare: each with its article, outlet and wire-copy group. */
export function storyClaims(view: StoryView): StoryClaim[] {
  return view.articles.flatMap((a) =>
    a.claims.map((claim) => ({
      claim,
      articleId: a.id,
      outlet: a.source,
      published: a.published,
      copyGroup: a.copyOf,
    })),
  );
}

/** The Markdown situation report of a story. */
export function renderReport(view: StoryView): string {
  const claims = compareClaims(storyClaims(view));
  const speakers = speakerIndex(view);
  const timeline = buildTimeline(view, { perArticle: PER_ARTICLE });
  const lines = [
    `# ${view.title ?? `Story ${view.id}`}`,
    '',
    `Story ${view.id} · first seen ${day(view.firstSeen)} · last seen ${day(view.lastSeen)}`,
    '',
    '## Summary',
    ...summaryLines(view, claims, speakers).map((line) => `- ${line}`),
    '',
    '## Timeline',
    ...timeline.slice(0, MAX_TIMELINE).map(timelineLine),
    ...more(timeline.length, MAX_TIMELINE, 'developments'),
    '',
    '## Claims',
    ...claimsSection(claims),
    '',
    '## Who said what',
    ...speakers.slice(0, MAX_SPEAKERS).map(speakerLine),
    ...more(speakers.length, MAX_SPEAKERS, 'speakers'),
    '',
    '## Sources',
    ...sourcesSection(view),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The report's opening sentences: counts, the first report, the most quoted, the figures.
 * `quote` is applied to what articles wrote (titles, outlets, speakers), so the HTML
 * report can share them.
 */
export function summaryLines(
  view: StoryView,
  claims: ClaimsTable,
  speakers: SpeakerEntry[],
  quote: (text: string) => string = (text) => text,
): string[] {
  const outlets = new Set(view.articles.map((a) => a.source));
  const independent = new Set(view.articles.map((a) => a.copyOf)).size;
  const first = view.articles[0];
  const quantities = claims.areas.flatMap((a) => a.quantities);
  const disputed = quantities.filter((q) => q.status === 'disputed').length;
  const out = [
    `${count(view.articles.length, 'article')} from ${count(outlets.size, 'outlet')}; ` +
      `${count(independent, 'independent report')}${independent < view.articles.length ? ' (the rest are copies)' : ''}.`,
  ];
  if (first) {
    const title = first.title ? `: “${quote(first.title)}”` : '';
    out.push(`First reported by ${quote(first.source)} on ${quote(day(seenAt(first)))}${title}.`);
  }
  if (speakers.length > 0) {
    const top = speakers.slice(0, 3).map((s) => `${quote(s.speaker)} (${s.quotes})`);
    out.push(`Most quoted: ${top.join(', ')}.`);
  }
  if (quantities.length > 0) {
    out.push(
      `${count(quantities.length, 'figure')} in ${count(claims.areas.length, 'subject area')}` +
        `${disputed > 0 ? `; ${disputed} disputed between sources` : '; no disagreement between sources'}.`,
    );
  }
  return out;
}

function timelineLine(e: TimelineEntry): string {
  return `- ${day(e.at)} · ${timelineLabel(e.kind)}: ${e.text} (${e.source})`;
}

function claimsSection(table: ClaimsTable): string[] {
  if (table.areas.length === 0) return ['No figures to compare.'];
  const out: string[] = [];
  for (const area of table.areas) {
    out.push(
      `### ${area.label}`,
      '',
      '| Quantity | Figure | Source | Reported by | Date |',
      '|---|---|---|---|---|',
    );
    for (const q of area.quantities) {
      for (const row of q.rows) {
        const outlets = [...new Set(row.reports.map((r) => r.outlet))].join(', ');
        const date = row.reports[0]?.published ? day(row.reports[0].published) : '';
        out.push(
          `| ${cell(q.label)} | ${cell(row.text)} | ${cell(row.source)} | ${cell(outlets)} | ${date} |`,
        );
      }
      for (const flag of q.flags)
        out.push(
          '',
          `> ${flag.kind === 'disagreement' ? 'Disagreement' : 'Update'}: ${flag.reason}`,
        );
    }
    for (const note of area.notes) out.push('', `Note: ${note.reason}`);
    out.push('');
  }
  return out;
}

function speakerLine(s: SpeakerEntry): string {
  const outlets = s.outlets.map((o) => o.outlet).join(', ');
  return `- **${s.speaker}** (${count(s.quotes, 'quote')}; ${outlets}): ${saidText(s.sample.quote, 200)}`;
}

function sourcesSection(view: StoryView): string[] {
  const out = view.articles.slice(0, MAX_SOURCES).map((a) => {
    const copy = a.copyOf !== a.id ? ` (copy of #${a.copyOf})` : '';
    const title = a.title ?? 'untitled';
    return `- ${day(seenAt(a))} · ${a.source}: ${a.url ? `[${title}](${a.url})` : title} #${a.id}${copy}`;
  });
  return [...out, ...more(view.articles.length, MAX_SOURCES, 'articles')];
}

const day = (iso: string): string => iso.slice(0, 10);
/** "1 article", "2,400 articles". */
export const count = (n: number, noun: string): string =>
  `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
const more = (total: number, shown: number, noun: string): string[] =>
  total > shown ? [`- … and ${total - shown} more ${noun}`] : [];
