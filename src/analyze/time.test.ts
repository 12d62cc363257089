import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from './index.js';
import { findTimes } from './time.js';

const SEED_DIR =
  process.env.SITREP_SEED ??
  resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/seed');
const SEED_FILE = join(SEED_DIR, '000_230bac5cbbd38f52.txt');
const seed = existsSync(SEED_FILE) ? readFileSync(SEED_FILE, 'utf8') : null;
if (!seed) console.warn(`skipping seed time tests: ${SEED_FILE} is missing (set SITREP_SEED)`);

const REF = new Date('2024-10-25T12:00:00Z');
const pick = (text: string, reference: Date | null) =>
  findTimes(text, { reference }).map((t) => [t.text, t.value, t.grain]);

describe.skipIf(!seed)('findTimes on the seed article', () => {
  const text = seed ?? '';

  it('keeps "today" relative without a publish date', () => {
    const times = findTimes(text, { reference: null });
    expect(times.map((t) => [t.text, t.value, t.grain])).toEqual([
      ['today', 'P0D', 'relative'],
      ['by December', 'XXXX-12', 'month'],
      ['February 2022', '2022-02', 'month'],
    ]);
    for (const t of times) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('resolves against the publish date, with "by December" as a deadline', () => {
    expect(pick(text, REF)).toEqual([
      ['today', '2024-10-25', 'day'],
      ['by December', '2024-12', 'month'],
      ['February 2022', '2022-02', 'month'],
    ]);
    // Published in December: the deadline is that December. In January: the next one.
    expect(pick(text, new Date('2024-12-03T00:00:00Z'))[1]).toEqual([
      'by December',
      '2024-12',
      'month',
    ]);
    expect(pick(text, new Date('2025-01-10T00:00:00Z'))[1]).toEqual([
      'by December',
      '2025-12',
      'month',
    ]);
  });

  it('never reports the figures or "Article 4" as times', () => {
    const spans = findTimes(text, { reference: REF }).map((t) => t.text);
    expect(spans.some((s) => /3,000|12,000|Article 4|\b4\b/.test(s))).toBe(false);
  });

  it('is what analyzeArticle returns as times', () => {
    const a = analyzeArticle({ text, published: '2024-10-25' });
    expect(a.times.map((t) => t.value)).toEqual(['2024-10-25', '2024-12', '2022-02']);
    expect(a).toMatchObject({ entities: [], quotes: [], claims: [] });
  });
});

describe('findTimes grains and values', () => {
  it.each([
    ['Officials met yesterday.', null, [['yesterday', '-P1D', 'relative']]],
    ['It happened two days ago.', REF, [['two days ago', '2024-10-23', 'day']]],
    ['Talks continue this week.', REF, [['this week', '2024-W43', 'week']]],
    ['Talks continue this week.', null, [['this week', 'P0W', 'relative']]],
    ['Prices rose last year.', REF, [['last year', '2023', 'year']]],
    ['The law passed in 1987.', null, [['1987', '1987', 'year']]],
    ['Rates held from 2019 to 2021.', null, [['2019 to 2021', '2019/2021', 'range']]],
    [
      'The fair runs March 3-5, 2024.',
      null,
      [['March 3-5, 2024', '2024-03-03/2024-03-05', 'range']],
    ],
    ['He spoke on Oct. 23.', null, [['Oct. 23', 'XXXX-10-23', 'day']]],
    ['He spoke on Monday.', REF, [['on Monday', '2024-10-21', 'day']]],
    ['He will speak on Monday.', REF, [['on Monday', '2024-10-28', 'day']]],
  ] as const)('%s (reference %s)', (text, reference, want) => {
    expect(pick(text, reference)).toEqual(want);
  });

  it('ignores counts, labels and vague words', () => {
    expect(
      pick('About 3,000 troops and 12,000 personnel; Article 4 of 2,019 cases, now.', REF),
    ).toEqual([]);
    expect(pick('', null)).toEqual([]);
  });
});
