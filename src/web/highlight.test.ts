// The reader's marks nest whatever the spans do, and every sentence gets its anchor.
import { describe, expect, it } from 'vitest';
import { sentenceStarts } from '../analyze/claims/context.js';
import { highlightText, type Mark } from './highlight.js';

const TEXT =
  'The mayor said "about 40 boats left on Monday." Crews cheered.\n\nA second paragraph <b>.';

describe('highlightText', () => {
  it('anchors every sentence and nests a claim inside a quote', () => {
    const q = TEXT.indexOf('"about');
    const marks: Mark[] = [
      { start: q, end: TEXT.indexOf('." ') + 2, kind: 'quote', tip: 'quote' },
      { start: TEXT.indexOf('about'), end: TEXT.indexOf(' left'), kind: 'claim', tip: 'claim' },
      { start: 4, end: 9, kind: 'entity', tip: 'mayor', href: '/entities/3' },
      { start: TEXT.indexOf('Monday'), end: TEXT.indexOf('Monday') + 6, kind: 'time', tip: 'day' },
    ];
    const paras: Array<[number, number]> = [
      [0, TEXT.indexOf('\n')],
      [TEXT.lastIndexOf('A second'), TEXT.length],
    ];
    const starts = sentenceStarts(TEXT);
    const html = highlightText(TEXT, paras, starts, marks);
    for (const s of starts) expect(html).toContain(`id="s-${s}"`);
    expect(html).toMatch(
      /<span class="hl quote"[^>]*>&quot;<span class="hl claim"[^>]*>about 40 boats<\/span>/,
    );
    expect(html).toContain('<a class="hl entity" href="/entities/3"');
    expect(html).toContain('&lt;b&gt;');
    expect(html.match(/<p>/g)).toHaveLength(2);
  });

  it('splits crossing marks into pieces that nest', () => {
    const text = 'one two three four five.';
    const html = highlightText(
      text,
      [[0, text.length]],
      [0],
      [
        { start: 0, end: 13, kind: 'quote', tip: 'a' },
        { start: 4, end: 18, kind: 'claim', tip: 'b' },
      ],
    );
    expect(html).toBe(
      '<p><span class="s" id="s-0"><span class="hl quote" tabindex="0" title="a" data-tip="a">one <span class="hl claim" tabindex="0" title="b" data-tip="b">two three</span></span><span class="hl claim cont" tabindex="0" title="b" data-tip="b"> four</span> five.</span></p>',
    );
  });
});
