import { describe, expect, it } from 'vitest';
import { sentenceAround } from './view.js';

describe('sentenceAround', () => {
  const text =
    'Markets were calm. The ministry said 500 billion roubles (about US$6.2 billion) would go to the banks on Monday. Traders waited.';

  it('keeps a sentence whole across decimal points', () => {
    const at = text.indexOf('Monday');
    expect(sentenceAround(text, at, at + 6)).toBe(
      'The ministry said 500 billion roubles (about US$6.2 billion) would go to the banks on Monday.',
    );
  });

  it('cuts a long sentence at the limit', () => {
    const at = text.indexOf('ministry');
    expect(sentenceAround(text, at, at + 8, 20)).toBe('The ministry said 5…');
  });
});
