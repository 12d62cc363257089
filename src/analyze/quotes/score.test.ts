import { describe, expect, it } from 'vitest';
import {
  attributionMetrics,
  matchArticle,
  normalizeSpans,
  overlapMatch,
  quoteKind,
  sharedChars,
} from './score.js';

const s = (start: number, end: number) => ({ start, end });

describe('span rules', () => {
  it('merges touching and overlapping fragments', () => {
    expect(normalizeSpans([s(10, 20), s(0, 5), s(5, 8), s(15, 25)])).toEqual([s(0, 8), s(10, 25)]);
  });
  it('counts shared characters across discontinuous fragments', () => {
    expect(sharedChars([s(0, 10), s(20, 30)], [s(5, 25)])).toBe(10);
  });
  it('overlap needs strictly more than half of the gold span', () => {
    expect(overlapMatch([s(0, 10)], [s(0, 5)])).toBe(false);
    expect(overlapMatch([s(0, 10)], [s(0, 6)])).toBe(true);
    // A short prediction inside a long gold is not enough; a long one around a short gold is.
    expect(overlapMatch([s(0, 100)], [s(40, 60)])).toBe(false);
    expect(overlapMatch([s(40, 60)], [s(0, 100)])).toBe(true);
    // Discontinuous gold: 6 of 10 characters covered.
    expect(overlapMatch([s(0, 5), s(10, 15)], [s(0, 5), s(10, 11)])).toBe(true);
  });
});

describe('matchArticle', () => {
  const gold = [
    { content: [s(0, 10)], source: [s(20, 25)] },
    { content: [s(30, 40), s(50, 60)], source: null },
    { content: [s(70, 80)], source: [s(90, 95)] },
  ];
  it('scores exact, overlap and source given content', () => {
    const pred = [
      { content: s(0, 10), source: s(20, 25) }, // exact content, exact source
      { content: s(30, 60), source: s(0, 3) }, // overlap only; gold has no source
      { content: s(72, 80), source: s(88, 94) }, // overlap only; source overlaps 4/5
      { content: s(100, 110), source: null }, // spurious
    ];
    const m = matchArticle(gold, pred);
    expect(m.counts.contentExact).toEqual({ gold: 3, pred: 4, tp: 1 });
    expect(m.counts.contentOverlap).toEqual({ gold: 3, pred: 4, tp: 3 });
    expect(m.counts.sourceExact).toEqual({ gold: 2, pred: 3, tp: 1 });
    expect(m.counts.sourceOverlap).toEqual({ gold: 2, pred: 3, tp: 2 });
    expect(m.goldToPred).toEqual([0, 1, 2]);
    const out = attributionMetrics(m.counts);
    expect(out.content_f1_exact).toBeCloseTo((2 * (1 / 4) * (1 / 3)) / (1 / 4 + 1 / 3), 4);
    expect(out.content_overlap_precision).toBe(0.75);
    expect(out.content_overlap_recall).toBe(1);
    expect(out.source_overlap_precision).toBeCloseTo(2 / 3, 4);
    expect(out.source_accuracy_overlap).toBe(1);
  });
  it('matches one to one: one huge prediction takes a single gold', () => {
    const m = matchArticle(gold, [{ content: s(0, 200), source: null }]);
    expect(m.counts.contentOverlap.tp).toBe(1);
    expect(m.counts.sourceOverlap.tp).toBe(0);
  });
  it('pairs each gold with its best-fitting prediction, not the one sharing most', () => {
    // A long prediction covers both golds; a second prediction fits the first gold exactly.
    const golds = [
      { content: s(0, 60), source: null },
      { content: s(50, 100), source: null },
    ];
    const m = matchArticle(golds, [
      { content: s(0, 100), source: null },
      { content: s(0, 60), source: null },
    ]);
    expect(m.goldToPred).toEqual([1, 0]);
    expect(m.counts.contentOverlap.tp).toBe(2);
  });
  it('scores the source given a matched content apart from end to end', () => {
    const golds = [
      { content: s(0, 10), source: s(20, 25) },
      { content: s(30, 40), source: s(50, 55) },
    ];
    const out = attributionMetrics(
      matchArticle(golds, [{ content: s(0, 10), source: s(20, 25) }]).counts,
    );
    expect(out.source_f1_overlap).toBe(1);
    expect(out.source_e2e_overlap_recall).toBe(0.5);
    expect(out.source_e2e_overlap_precision).toBe(1);
  });
  it('a right source on an unmatched content does not count', () => {
    const m = matchArticle(gold, [{ content: s(11, 19), source: s(20, 25) }]);
    expect(m.counts.sourceExact.tp).toBe(0);
    expect(m.counts.sourceExact.pred).toBe(1);
  });
});

describe('quoteKind', () => {
  const text = '“We will win,” he said that taxes were “too high” today.';
  it('tells direct, mixed and indirect apart', () => {
    expect(quoteKind(text, s(0, 14))).toBe('direct');
    expect(quoteKind(text, s(27, 55))).toBe('mixed');
    expect(quoteKind(text, s(27, 38))).toBe('indirect');
  });
});
