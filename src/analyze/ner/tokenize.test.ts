import { describe, expect, it } from 'vitest';
import { tokenizeText } from './tokenize.js';

function texts(text: string): string[][] {
  return tokenizeText(text).map((s) => s.map((t) => t.text));
}

describe('tokenizeText', () => {
  it('keeps U.S. and abbreviations whole, with exact offsets', () => {
    const text = 'U.S. Defense Secretary Lloyd Austin met Gen. Smith and Sen. Warren.';
    const sentences = tokenizeText(text);
    expect(sentences).toHaveLength(1);
    for (const t of sentences[0]!) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(sentences[0]!.map((t) => t.text)).toEqual([
      'U.S.',
      'Defense',
      'Secretary',
      'Lloyd',
      'Austin',
      'met',
      'Gen.',
      'Smith',
      'and',
      'Sen.',
      'Warren',
      '.',
    ]);
  });

  it('splits quotes, clitics and dashes, and ends sentences after closing quotes', () => {
    expect(texts('It was "very, very serious." Korea\'s troops didn\'t — he said.')).toEqual([
      ['It', 'was', '"', 'very', ',', 'very', 'serious', '.', '"'],
      ['Korea', "'s", 'troops', 'did', "n't", '—', 'he', 'said', '.'],
    ]);
  });

  it('keeps initials with their name and numbers whole', () => {
    expect(texts('J. R. Smith paid 3,000 dollars on 1996-08-22.')).toEqual([
      ['J.', 'R.', 'Smith', 'paid', '3,000', 'dollars', 'on', '1996-08-22', '.'],
    ]);
  });

  it('keeps a hyphenated abbreviation whole: "then-Sen." ends no sentence', () => {
    expect(texts('The gap between Clinton and then-Sen. Barack Obama was narrower.')).toEqual([
      ['The', 'gap', 'between', 'Clinton', 'and', 'then-Sen.', 'Barack', 'Obama', 'was', 'narrower', '.'],
    ]);
  });

  it('ends a sentence at a line break', () => {
    expect(texts('First line\nSecond line')).toEqual([
      ['First', 'line'],
      ['Second', 'line'],
    ]);
  });

  it('gives exact offsets for curly quotes and astral characters', () => {
    const text = '😀 “Hello,” said Kirby’s aide.';
    for (const t of tokenizeText(text).flat()) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});
