// Claims compared across sources, on the seed article and on short news sentences run through
// the real analyzer, so the grouping is tested on claims as the extractor really makes them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../analyze/index.js';
import type { Claim } from '../core/types.js';
import { extractText } from '../extract/index.js';
import { sharedModels } from '../pipeline/analyze.js';
import { SEED_FILE } from '../test-support/index.js';
import { compareClaims, type Quantity, type StoryClaim } from './claims-compare.js';
import { allowedInterval, figuresAgree } from './claims-compare-values.js';

const models = sharedModels();

/** The claims of one short article, as a story would hand them in. */
function article(
  articleId: string,
  outlet: string,
  published: string | null,
  text: string,
  copyGroup?: string,
): StoryClaim[] {
  const { claims } = analyzeArticle({ text, published, site: outlet }, models);
  return claims.map((claim) => ({ claim, articleId, outlet, published, copyGroup }));
}

/** Every quantity of the table, flattened. */
const quantitiesOf = (claims: StoryClaim[]): Quantity[] =>
  compareClaims(claims).areas.flatMap((a) => a.quantities);

describe('claims table of the seed article', () => {
  const draft = extractText(readFileSync(SEED_FILE, 'utf8'), {});

  // Undated, dated, and with time references dropped, so the subjects alone must keep the
  // two figures apart (dated, "now" and "by December" would already do it).
  const variants = [
    { published: null, keepTimes: true },
    { published: '2024-10-25T09:00:00Z', keepTimes: true },
    { published: '2024-10-25T09:00:00Z', keepTimes: false },
  ];
  for (const { published, keepTimes } of variants) {
    it(`shows 3,000 and 12,000 as two quantities of one area, undisputed (${published}, times ${keepTimes})`, () => {
      const { claims } = analyzeArticle({ ...draft, published }, models);
      const story = claims.map((claim) => ({
        claim: keepTimes ? claim : { ...claim, time: null },
        articleId: 'seed',
        outlet: 'seed',
        published,
      }));
      const table = compareClaims(story);
      expect(table.areas).toHaveLength(1);
      const [area] = table.areas;
      expect(area!.label).toMatch(/North Korean troops/);
      const rows = area!.quantities.map((q) => q.rows.map((r) => [r.value, r.hedge, r.source]));
      expect(rows).toHaveLength(2);
      const troops = rows.find((r) => r[0]![0] === 3000)![0]!;
      const personnel = rows.find((r) => r[0]![0] === 12000)![0]!;
      expect(troops.slice(0, 2)).toEqual([3000, 'about']);
      // The U.S. believes it, Kirby says it: the innermost attribution speaks.
      expect(['United States', 'John Kirby']).toContain(troops[2]);
      expect(personnel).toEqual([12000, 'up-to', 'South Korean intelligence']);
      expect(area!.quantities.flatMap((q) => q.flags)).toEqual([]);
      expect(area!.notes).toHaveLength(1);
      expect(area!.notes[0]!.reason).toMatch(
        /^3,000 \(.+\) counts North Korean troops being trained in Russia; 12,000 \(South Korean intelligence\) counts personnel .*: different quantities, not a disagreement$/,
      );
    });
  }
});

describe('agreement under hedges', () => {
  it('"about 3,000" and "some 3,100" troops in training agree', () => {
    const [q, ...rest] = quantitiesOf([
      ...article(
        'a1',
        'reuters',
        '2024-10-25',
        'About 3,000 North Korean troops are being trained in eastern Russia, U.S. officials said on Friday.',
      ),
      ...article(
        'a2',
        'kyiv-independent',
        '2024-10-25',
        'Some 3,100 North Korean troops are being trained in eastern Russia, according to Ukrainian military intelligence.',
      ),
    ]);
    expect(rest).toEqual([]);
    expect(q!.rows.map((r) => [r.value, r.source])).toEqual([
      [3000, 'United States'],
      [3100, 'Ukrainian military intelligence'],
    ]);
    expect([q!.status, q!.independentSources, q!.flags]).toEqual(['agreed', 2, []]);
  });

  it('"at least 50" and 62 killed in the floods agree', () => {
    const [q] = quantitiesOf([
      ...article(
        'b1',
        'ap',
        '2024-10-30',
        'At least 50 people were killed in the floods in Valencia, officials said.',
      ),
      ...article(
        'b2',
        'guardian',
        '2024-10-30',
        'Officials said 62 people were killed in the floods in Valencia.',
      ),
    ]);
    expect(q!.rows.map((r) => [r.value, r.hedge])).toEqual([
      [50, 'at-least'],
      [62, null],
    ]);
    expect(q!.status).toBe('agreed');
  });

  it('"as many as 12,000" and 10,000 troops sent agree, ten days apart', () => {
    const [q] = quantitiesOf([
      ...article(
        'c1',
        'yonhap',
        '2024-10-18',
        "North Korea may send as many as 12,000 troops to Russia, South Korea's spy agency said.",
      ),
      ...article(
        'c2',
        'bbc',
        '2024-10-28',
        'North Korea will send 10,000 troops to Russia, NATO said on Monday.',
      ),
    ]);
    expect(q!.rows.map((r) => r.value)).toEqual([12000, 10000]);
    expect([q!.status, q!.flags]).toEqual(['agreed', []]);
  });

  it("keeps the hedges' widths: about ±15%, at least up to twice, up to down to half", () => {
    const figure = (value: number, hedge: Claim['hedge']) =>
      ({ value, low: null, high: hedge === 'up-to' ? value : null, hedge, unit: 'troop' }) as const;
    expect(allowedInterval(figure(3000, 'about'))).toEqual([2550, 3450]);
    expect(figuresAgree(figure(3000, 'about'), figure(3100, null))).toBe(true);
    expect(figuresAgree(figure(50, 'at-least'), figure(62, null))).toBe(true);
    expect(figuresAgree(figure(12000, 'up-to'), figure(10000, null))).toBe(true);
    expect(figuresAgree(figure(3000, 'about'), figure(12000, 'up-to'))).toBe(false);
    expect(figuresAgree(figure(3000, null), figure(12000, null))).toBe(false);
  });
});

describe('disagreement and updates', () => {
  it('flags 3,000 vs 12,000 troops in training on the same day, with a reason', () => {
    const [q] = quantitiesOf([
      ...article(
        'd1',
        'reuters',
        '2024-10-25',
        'About 3,000 North Korean troops are being trained in eastern Russia, U.S. officials said on Friday.',
      ),
      ...article(
        'd2',
        'kyiv-independent',
        '2024-10-25',
        "Ukraine's military intelligence agency said 12,000 North Korean troops are being trained in eastern Russia.",
      ),
    ]);
    expect(q!.status).toBe('disputed');
    expect(q!.flags).toEqual([
      {
        kind: 'disagreement',
        rows: [0, 1],
        reason:
          "3,000 (United States) vs 12,000 (Ukraine's military intelligence agency): beyond what 'about' allows",
      },
    ]);
  });

  it('reports a death toll that grows over two days as an update, not a dispute', () => {
    const [q] = quantitiesOf([
      ...article(
        'e2',
        'reuters',
        '2023-11-04',
        'At least 157 people were killed in the earthquake in western Nepal, officials said on Saturday.',
      ),
      ...article(
        'e1',
        'ap',
        '2023-11-03',
        'At least 20 people were killed in the earthquake in western Nepal, police said.',
      ),
    ]);
    expect(q!.status).toBe('updated');
    expect(q!.flags.map((f) => [f.kind, f.reason])).toEqual([
      [
        'update',
        '20 (police, 2023-11-03) → 157 (reuters, 2023-11-04): a later figure for a later time',
      ],
    ]);
  });

  it('keeps figures for different periods apart: 2012 and 2016 are two quantities', () => {
    const claim = (value: number, time: string): Claim => ({
      text: `${value} percent`,
      start: 0,
      end: 3,
      value,
      low: null,
      high: null,
      hedge: null,
      unit: '%',
      subject: 'Ohio vote share',
      subjectKey: 'ohio share vote',
      source: null,
      time,
    });
    const story = [
      { claim: claim(51, '2012'), articleId: 'f1', outlet: 'nyt', published: '2016-10-01' },
      {
        claim: claim(45, '2016-10-01'),
        articleId: 'f2',
        outlet: 'politico',
        published: '2016-10-01',
      },
    ];
    const [area] = compareClaims(story).areas;
    expect(area!.quantities.map((q) => [q.rows[0]!.value, q.flags.length])).toEqual([
      [51, 0],
      [45, 0],
    ]);
    expect(area!.notes[0]!.reason).toMatch(/in 2012; .* in 2016-10-01: different quantities/);
  });
});

describe('independent sources and what is compared', () => {
  const sentence =
    'About 3,000 North Korean troops are being trained in eastern Russia, U.S. officials said on Friday.';

  it('counts copies of one wire story as one source', () => {
    const [copies] = quantitiesOf([
      ...article('g1', 'yahoo', '2024-10-25', sentence, 'wire-1'),
      ...article('g2', 'usnews', '2024-10-25', sentence, 'wire-1'),
    ]);
    expect(copies!.rows).toHaveLength(1);
    expect(copies!.rows[0]!.reports.map((r) => r.outlet)).toEqual(['yahoo', 'usnews']);
    expect([copies!.independentSources, copies!.status]).toEqual([1, 'single']);
    const [apart] = quantitiesOf([
      ...article('g1', 'yahoo', '2024-10-25', sentence),
      ...article('g2', 'usnews', '2024-10-25', sentence),
    ]);
    expect([apart!.independentSources, apart!.status]).toEqual([2, 'agreed']);
  });

  it('compares troops with soldiers, but jobs never with dollars', () => {
    const table = compareClaims([
      ...article(
        'h1',
        'ap',
        '2024-10-25',
        'About 3,000 North Korean soldiers are being trained in eastern Russia, officials said.',
      ),
      ...article('h2', 'bbc', '2024-10-25', sentence),
      ...article(
        'h3',
        'ft',
        '2024-10-01',
        'The company said it would cut 1,500 jobs in Germany by 2026.',
      ),
      ...article(
        'h4',
        'dw',
        '2024-10-02',
        'The company will spend $1,500 on jobs in Germany by 2026.',
      ),
    ]);
    const units = table.areas.map((a) => [a.unit, a.quantities.map((q) => q.rows.length)]);
    expect(units).toContainEqual(['troop', [2]]);
    expect(table.areas.every((a) => a.quantities.every((q) => q.flags.length === 0))).toBe(true);
  });

  it('leaves out subjects too vague to compare ("62 people")', () => {
    const table = compareClaims(
      article(
        'i1',
        'guardian',
        '2024-10-30',
        'Officials said 62 people attended, the regional government said.',
      ),
    );
    expect([table.areas, table.uncompared]).toEqual([[], 1]);
  });
});
