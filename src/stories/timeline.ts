// A story's timeline: its dated developments. The first report, and then what each later
// article brought that the story had not had: a new figure (or a changed one for a
// quantity already reported), a new speaker, a new place; plus the days the articles say
// things happened on ("on Wednesday" in an article of Friday is Wednesday's development).
// Wire copies add nothing of their own.
import type { Claim, Quote, TimeExpr } from '../core/types.js';
import { isComparable } from './claims-compare-group.js';
import { seenAt, sentenceAround, type StoryArticle, type StoryView } from './view.js';

export type TimelineKind =
  | 'first-report'
  | 'report'
  | 'new-figure'
  | 'changed-figure'
  | 'new-speaker'
  | 'new-place'
  | 'dated';

export interface TimelineEntry {
  /** When it happened, as precisely as known: an ISO date or date-time. */
  at: string;
  /** When the story first reported it: the article's publish (or intake) time. */
  reported: string;
  kind: TimelineKind;
  text: string;
  articleId: number;
  source: string;
}

const TIMELINE_LABELS: Record<TimelineKind, string> = {
  'first-report': 'First report',
  report: 'Report',
  'new-figure': 'New figure',
  'changed-figure': 'Figure changed',
  'new-speaker': 'New voice',
  'new-place': 'New place',
  dated: 'Reported event',
};

/** What a reader sees a kind of development called, the same in reports and on pages. */
export function timelineLabel(kind: TimelineKind): string {
  return TIMELINE_LABELS[kind];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** How much of an article counts as its lead, where a new place is news rather than scenery. */
const LEAD_CHARS = 400;
export interface TimelineOptions {
  /** New voices and new figures listed per article; a report shows a few, data has all. */
  perArticle?: number;
}

/**
 * The story's developments, oldest first. Each article adds what the story had not had:
 * the first report or the outlet's report, then new voices, new figures that say what
 * they count, places its lead brings in, and the day it says something happened.
 */
export function buildTimeline(view: StoryView, options: TimelineOptions = {}): TimelineEntry[] {
  const perArticle = options.perArticle ?? Number.POSITIVE_INFINITY;
  const out: TimelineEntry[] = [];
  const figures = new Map<string, number>();
  const speakers = new Set<string>();
  const places = new Set<string>();
  const days = new Set<string>();
  view.articles.forEach((article, i) => {
    const reported = seenAt(article);
    const entry = (kind: TimelineKind, text: string, at = reported): TimelineEntry => ({
      at,
      reported,
      kind,
      text,
      articleId: article.id,
      source: article.source,
    });
    const headline = article.title ?? firstWords(article.text);
    if (i === 0) out.push(entry('first-report', headline));
    else if (article.copyOf === article.id) out.push(entry('report', headline));
    let figuresHere = 0;
    for (const claim of article.claims) {
      if (!isComparable(claim)) continue;
      const key = `${claim.unit}|${claim.subjectKey}`;
      const held = figures.get(key);
      if (held === claim.value) continue;
      figures.set(key, claim.value);
      if (figuresHere++ >= perArticle) continue;
      if (held === undefined) out.push(entry('new-figure', describeFigure(claim)));
      else
        out.push(entry('changed-figure', `${describeFigure(claim)} (was ${formatNumber(held)})`));
    }
    let voicesHere = 0;
    for (const quote of article.quotes) {
      const name = quote.speaker.name;
      if (!name || speakers.has(name)) continue;
      speakers.add(name);
      if (voicesHere++ >= perArticle) continue;
      out.push(entry('new-speaker', `${name}: ${saidText(quote)}`));
    }
    for (const m of article.mentions) {
      if (m.type !== 'LOC' || places.has(m.entity)) continue;
      places.add(m.entity);
      // The first report sets the scene; a place is news when a later lead brings it in.
      if (i > 0 && m.start < LEAD_CHARS) {
        out.push(
          entry('new-place', `${m.entity}: ${sentenceAround(article.text, m.start, m.end)}`),
        );
      }
    }
    // The first day-precise event the article dates, if the story has not had that day.
    const dated = datedDays(article).find((t) => !days.has(t.value));
    if (dated) {
      days.add(dated.value);
      out.push(entry('dated', sentenceAround(article.text, dated.start, dated.end), dated.value));
    }
  });
  return out.sort((a, b) => a.at.localeCompare(b.at) || a.reported.localeCompare(b.reported));
}

/** Day-precise times an article gives for something other than its own publish day. */
function datedDays(article: StoryArticle): TimeExpr[] {
  const own = article.published?.slice(0, 10);
  return article.times.filter((t) => DAY.test(t.value) && t.value !== own);
}

/** "about 3,000 troop (North Korean troops being trained in Russia), per United States". */
export function describeFigure(claim: Claim): string {
  const who = claim.source ? `, per ${claim.source}` : '';
  return `${claim.text} (${claim.subject})${who}`;
}

const formatNumber = (n: number): string => n.toLocaleString('en-US');

/** A speaker's words in quotation marks; what was only reported, without them. */
export function saidText(quote: Quote, max = 160): string {
  const words = clip(quote.content.text, max);
  return quote.kind === 'indirect' ? `(reported) ${words}` : `“${words}”`;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function firstWords(text: string): string {
  return clip(text, 100);
}
