// Attribution scoring, as ../shared/data/README.md's conventions say: precision, recall and F1
// of Content spans, and of Source spans given a matched Content, each with exact and overlap
// matching ("overlap means over half of the gold span"), micro-averaged over the corpus.
//
// Rules (pure, character offsets):
// - A span is a list of fragments (PolNeAR has discontinuous Content). Fragments are sorted
//   and merged where they overlap or touch, so the same characters in different pieces are
//   the same span.
// - Exact: the merged fragment lists are identical (same start and end offsets).
// - Overlap: the characters the predicted span shares with the gold span are more than half
//   of the gold span's characters (2 * shared > gold length), counted over all fragments.
//   It bounds nothing on the predicted side; one-to-one matching keeps a huge prediction
//   from taking more than one gold.
// - Matching is one-to-one per article: every (gold, predicted) pair that satisfies the
//   rule is a candidate, taken greedily by best fit: shared characters over the union of
//   both spans, so a nested attribution ("A said B claimed C") pairs with its own
//   prediction rather than the outer one (ties: gold order, then predicted order).
//   Content TP = matched pairs; P = TP / predicted; R = TP / gold.
// - Source given a matched Content (`source_f1_*`): over the pairs matched by Content
//   *overlap*, a source TP is a pair where both sides have a source and the sources match
//   (exact or overlap, the same rule as for Content). P = TP / matched pairs whose
//   prediction has a source; R = TP / matched pairs whose gold has a source. R is also
//   `source_accuracy_*`, like the Gender Gap Tracker's speaker accuracy.
// - End to end (`source_e2e_*`): the same TP over every prediction with a source and every
//   gold attribution with a source, so a missed Content also costs its Source.
// - Micro-average: counts are summed over all articles before dividing; 0/0 counts as 0.
import type { Span } from './polnear.js';

export type { Span };

/** Anything with a content and an optional source, gold or predicted. */
export interface ScoredAttribution {
  content: Span[] | Span;
  source: Span[] | Span | null;
}

export interface Counts {
  gold: number;
  pred: number;
  tp: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** Raw counts for one article or summed over many. */
export interface AttributionCounts {
  contentExact: Counts;
  contentOverlap: Counts;
  sourceExact: Counts;
  sourceOverlap: Counts;
  /** Content-overlap pairs whose gold has a source: the denominator of source accuracy. */
  matchedWithGoldSource: number;
  /** Content-overlap pairs whose prediction has a source. */
  matchedWithPredSource: number;
}

/** Per-article detail the bench uses for its error breakdown. */
export interface ArticleMatch {
  counts: AttributionCounts;
  /** For each gold attribution, the index of its predicted match (overlap), or -1. */
  goldToPred: number[];
  /** For each gold attribution matched by overlap: did its source match (overlap)? */
  sourceOk: (boolean | null)[];
}

/** Sorts fragments and merges those that overlap or touch; drops empty ones. */
export function normalizeSpans(spans: Span[] | Span): Span[] {
  const list = (Array.isArray(spans) ? spans : [spans])
    .filter((s) => s.end > s.start)
    .map((s) => ({ start: s.start, end: s.end }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of list) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push(s);
  }
  return out;
}

export function spanLength(spans: Span[]): number {
  return spans.reduce((n, s) => n + s.end - s.start, 0);
}

/** Characters shared by two normalized fragment lists. */
export function sharedChars(a: Span[], b: Span[]): number {
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    n += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
    if (x.end <= y.end) i++;
    else j++;
  }
  return n;
}

export function exactMatch(gold: Span[], pred: Span[]): boolean {
  return (
    gold.length === pred.length &&
    gold.every((g, i) => g.start === pred[i]!.start && g.end === pred[i]!.end)
  );
}

/** Over half of the gold span's characters are in the predicted span. */
export function overlapMatch(gold: Span[], pred: Span[]): boolean {
  const len = spanLength(gold);
  return len > 0 && 2 * sharedChars(gold, pred) > len;
}

type Rule = (gold: Span[], pred: Span[]) => boolean;

/** One-to-one greedy matching, best fit (IoU) first; returns gold index -> predicted index or -1. */
function matchOneToOne(gold: Span[][], pred: Span[][], rule: Rule): number[] {
  const cands: [number, number, number][] = [];
  for (let g = 0; g < gold.length; g++) {
    for (let p = 0; p < pred.length; p++) {
      if (!rule(gold[g]!, pred[p]!)) continue;
      const shared = sharedChars(gold[g]!, pred[p]!);
      const union = spanLength(gold[g]!) + spanLength(pred[p]!) - shared;
      cands.push([shared / union, g, p]);
    }
  }
  cands.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const g2p = gold.map(() => -1);
  const used = new Set<number>();
  for (const [, g, p] of cands) {
    if (g2p[g] !== -1 || used.has(p)) continue;
    g2p[g] = p;
    used.add(p);
  }
  return g2p;
}

const norm = (s: Span[] | Span | null): Span[] | null => {
  if (s === null) return null;
  const n = normalizeSpans(s);
  return n.length ? n : null;
};

/** Scores one article's predictions against its gold attributions. */
export function matchArticle(gold: ScoredAttribution[], pred: ScoredAttribution[]): ArticleMatch {
  const gc = gold.map((a) => normalizeSpans(a.content));
  const pc = pred.map((a) => normalizeSpans(a.content));
  const gs = gold.map((a) => norm(a.source));
  const ps = pred.map((a) => norm(a.source));
  const exact = matchOneToOne(gc, pc, exactMatch);
  const overlap = matchOneToOne(gc, pc, overlapMatch);
  const sourceExact: Counts = { gold: 0, pred: 0, tp: 0 };
  const sourceOverlap: Counts = { gold: 0, pred: 0, tp: 0 };
  sourceExact.gold = sourceOverlap.gold = gs.filter(Boolean).length;
  sourceExact.pred = sourceOverlap.pred = ps.filter(Boolean).length;
  let matchedWithGoldSource = 0;
  let matchedWithPredSource = 0;
  const sourceOk = overlap.map((p, g) => {
    if (p < 0) return null;
    const gsrc = gs[g];
    const psrc = ps[p];
    if (gsrc) matchedWithGoldSource++;
    if (psrc) matchedWithPredSource++;
    if (!gsrc || !psrc) return gsrc ? false : null;
    if (exactMatch(gsrc, psrc)) sourceExact.tp++;
    const ok = overlapMatch(gsrc, psrc);
    if (ok) sourceOverlap.tp++;
    return ok;
  });
  const tp = (m: number[]) => m.filter((p) => p >= 0).length;
  return {
    counts: {
      contentExact: { gold: gold.length, pred: pred.length, tp: tp(exact) },
      contentOverlap: { gold: gold.length, pred: pred.length, tp: tp(overlap) },
      sourceExact,
      sourceOverlap,
      matchedWithGoldSource,
      matchedWithPredSource,
    },
    goldToPred: overlap,
    sourceOk,
  };
}

export function emptyCounts(): AttributionCounts {
  const z = (): Counts => ({ gold: 0, pred: 0, tp: 0 });
  return {
    contentExact: z(),
    contentOverlap: z(),
    sourceExact: z(),
    sourceOverlap: z(),
    matchedWithGoldSource: 0,
    matchedWithPredSource: 0,
  };
}

/** Adds b into a (micro-averaging). */
export function addCounts(a: AttributionCounts, b: AttributionCounts): AttributionCounts {
  for (const k of ['contentExact', 'contentOverlap', 'sourceExact', 'sourceOverlap'] as const) {
    a[k].gold += b[k].gold;
    a[k].pred += b[k].pred;
    a[k].tp += b[k].tp;
  }
  a.matchedWithGoldSource += b.matchedWithGoldSource;
  a.matchedWithPredSource += b.matchedWithPredSource;
  return a;
}

export function prf(c: Counts): Prf {
  const precision = c.pred ? c.tp / c.pred : 0;
  const recall = c.gold ? c.tp / c.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

const r4 = (x: number) => Math.round(x * 10000) / 10000;

/** The flat metric fields of the bench's JSON line. */
export function attributionMetrics(c: AttributionCounts): Record<string, number> {
  const out: Record<string, number> = {};
  const put = (name: string, counts: Counts) => {
    const m = prf(counts);
    out[`${name}_f1`] = r4(m.f1);
    out[`${name}_precision`] = r4(m.precision);
    out[`${name}_recall`] = r4(m.recall);
  };
  put('content_exact', c.contentExact);
  put('content_overlap', c.contentOverlap);
  put('source_e2e_exact', c.sourceExact);
  put('source_e2e_overlap', c.sourceOverlap);
  // Given a matched Content: over the content-overlap pairs only.
  const given = (tp: number): Counts => ({
    tp,
    pred: c.matchedWithPredSource,
    gold: c.matchedWithGoldSource,
  });
  put('source_exact', given(c.sourceExact.tp));
  put('source_overlap', given(c.sourceOverlap.tp));
  // INTERFACES.md names: content_f1_exact, content_f1_overlap, source_f1_overlap.
  const named: Record<string, number> = {
    content_f1_exact: out.content_exact_f1!,
    content_f1_overlap: out.content_overlap_f1!,
    source_f1_exact: out.source_exact_f1!,
    source_f1_overlap: out.source_overlap_f1!,
    source_accuracy_exact: r4(
      c.matchedWithGoldSource ? c.sourceExact.tp / c.matchedWithGoldSource : 0,
    ),
    source_accuracy_overlap: r4(
      c.matchedWithGoldSource ? c.sourceOverlap.tp / c.matchedWithGoldSource : 0,
    ),
  };
  return { ...named, ...out };
}

export type QuoteKind = 'direct' | 'mixed' | 'indirect';

const QUOTE_MARKS = /["“”„«»]/;

/**
 * How a gold Content reads: `direct` when it opens with a double quote mark and ends with
 * one (trailing punctuation allowed), `mixed` when it holds a quote mark elsewhere (partial
 * quotes), `indirect` otherwise. Discontinuous parts are judged joined by a space.
 */
export function quoteKind(text: string, content: Span[] | Span): QuoteKind {
  const s = normalizeSpans(content)
    .map((f) => text.slice(f.start, f.end))
    .join(' ')
    .trim();
  if (/^["“„«]/.test(s) && /["”»][.,;:!?)]*$/.test(s)) return 'direct';
  return QUOTE_MARKS.test(s) ? 'mixed' : 'indirect';
}
