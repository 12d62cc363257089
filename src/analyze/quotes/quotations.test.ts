import { describe, expect, it } from 'vitest';
import { findQuotations } from './quotations.js';

const inner = (text: string) =>
  findQuotations(text).map((q) => text.slice(q.innerStart, q.innerEnd));

describe('findQuotations', () => {
  it('pairs curly, straight, guillemet and low-high marks', () => {
    expect(
      inner('He said “it is over,” and left. She said "not yet." «Bien sûr» „Ja, gut“'),
    ).toEqual(['it is over,', 'not yet.', 'Bien sûr', 'Ja, gut']);
  });

  it('keeps nested single quotes inside their outer quote', () => {
    expect(
      inner(
        '“When that group said, ‘We think Obama would be a good president,’ it ignited something,” he said.',
      ),
    ).toEqual([
      'When that group said, ‘We think Obama would be a good president,’ it ignited something,',
    ]);
  });

  it("reads '' as a quote mark, as The New York Times prints quotes", () => {
    expect(inner("They ''actually had chemistry,'' said Benjamin J. Rhodes.")).toEqual([
      'actually had chemistry,',
    ]);
  });

  it('runs a quote over paragraphs when the next paragraph opens again', () => {
    const text = '“The first paragraph goes on\n“and the second one closes it.”\nThen “a new one.”';
    const quotes = findQuotations(text);
    expect(quotes).toHaveLength(2);
    expect(text.slice(quotes[0]!.start, quotes[0]!.end)).toBe(
      '“The first paragraph goes on\n“and the second one closes it.”',
    );
  });

  it('closes on a mark in closing position whichever way its glyph turns', () => {
    expect(inner('“It is unusual,“ said Larry Noble. “It is hard.”')).toEqual([
      'It is unusual,',
      'It is hard.',
    ]);
    expect(inner('"Trump does not understand it,” said Benjamin. "He is wrong."')).toEqual([
      'Trump does not understand it,',
      'He is wrong.',
    ]);
  });

  it('drops a quote left open at a paragraph end with no continuation, and leaves apostrophes alone', () => {
    expect(inner('“An unbalanced mark\nDon’t say the ’90s were "great".')).toEqual(['great']);
  });
});
