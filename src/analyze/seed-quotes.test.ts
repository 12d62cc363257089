// The seed article's ten quotes (shared/seed/EXPECTED.md): speaker, kind, cue and content,
// found end to end from the page through extraction, the tagger and the quote finder.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Quote } from '../core/types.js';
import { extractText } from '../extract/index.js';
import { SEED_FILE } from '../test-support/index.js';
import { analyzeArticle, loadCueModel, loadNerModel } from './index.js';

const EXPECTED: [speaker: string, kind: Quote['kind'], cue: string, content: string][] = [
  [
    'Vladimir Putin',
    'direct',
    'remarked',
    'Images are a serious thing; if there are images, they reflect something,',
  ],
  [
    'Vladimir Putin',
    'direct',
    'stated',
    'As for our relations with the DPRK, the treaty was ratified today; it has Article 4. We have never doubted that North Korean leadership takes the agreement seriously.',
  ],
  ['Lloyd Austin', 'partial', 'warning', 'very, very serious'],
  ['John Kirby', 'partial', 'labeling', 'fair game'],
  ['Vladimir Putin', 'indirect', 'indicated', 'North Korean troops are indeed present in Russia'],
  ['Lloyd Austin', 'indirect', 'confirmed', 'there is evidence of North Korean troops in Russia'],
  [
    'John Kirby',
    'indirect',
    'mentioned',
    'the U.S. believes around 3,000 North Korean troops are currently being trained in Russia',
  ],
  [
    'South Korean intelligence',
    'indirect',
    'indicated',
    'North Korea may send as many as 12,000 personnel',
  ],
  [
    'Yoon Suk Yeol',
    'indirect',
    'stated',
    'his government will not remain passive if North Korea is dispatching troops to Russia',
  ],
  [
    'Yoon Suk Yeol',
    'indirect',
    'hinted',
    "the possibility of reevaluating South Korea's longstanding policy against supplying lethal weapons to nations involved in conflict",
  ],
];

describe('quotes in the seed article', () => {
  const draft = extractText(readFileSync(SEED_FILE, 'utf8'), {});
  const { quotes } = analyzeArticle(draft, { ner: loadNerModel(), cues: loadCueModel() });

  it.each(EXPECTED)('%s, %s, "%s": %s', (speaker, kind, cue, content) => {
    const q = quotes.find((q) => q.cue?.text === cue && q.content.text.startsWith(content));
    expect(q, `no quote with cue "${cue}" and content "${content}"`).toBeDefined();
    expect(q!.speaker.name).toBe(speaker);
    expect(q!.kind).toBe(kind);
    expect(draft.text.slice(q!.content.start, q!.content.end)).toBe(q!.content.text);
    expect(q!.confidence).toBeGreaterThan(0);
    expect(q!.confidence).toBeLessThanOrEqual(1);
  });

  it('resolves "He stated" to Putin and "He hinted" to Yoon through the pronoun', () => {
    const he = quotes
      .filter((q) => q.speaker.text === 'He')
      .map((q) => [q.cue?.text, q.speaker.name]);
    expect(he).toContainEqual(['stated', 'Vladimir Putin']);
    expect(he).toContainEqual(['hinted', 'Yoon Suk Yeol']);
  });

  it('takes no quote from the unrelated headlines and no "we" inside a quote as a speaker', () => {
    for (const q of quotes) {
      expect(q.content.end).toBeLessThanOrEqual(draft.text.length);
      expect(q.speaker.text?.toLowerCase()).not.toBe('we');
    }
    expect(quotes.map((q) => q.speaker.name)).not.toContain('Fani Willis');
  });
});
