import { describe, expect, it } from 'vitest';
import { findQuotesBaseline } from './baseline.js';

const show = (text: string) =>
  findQuotesBaseline(text).map((q) => ({
    content: text.slice(q.content.start, q.content.end),
    source: q.source ? text.slice(q.source.start, q.source.end) : null,
    cue: q.cue ? text.slice(q.cue.start, q.cue.end) : null,
  }));

describe('findQuotesBaseline', () => {
  it('finds curly and straight quotes with the speaker next to the verb', () => {
    const text =
      '“We will not back down on this,” Hillary Clinton said on Monday. He added: "This is a fight we can win." Critics called it "fake".';
    expect(show(text)).toEqual([
      { content: '“We will not back down on this,”', source: 'Hillary Clinton', cue: 'said' },
      { content: '"This is a fight we can win."', source: 'He', cue: 'added' },
    ]);
  });
  it('handles "said X" and "according to X", and leaves unattributed quotes without source', () => {
    const text =
      '“It is over for them now,” said Trump. According to Reuters, “talks have stalled for weeks.”\n“No speaker for this one here.”';
    expect(show(text)).toEqual([
      { content: '“It is over for them now,”', source: 'Trump', cue: 'said' },
      { content: '“talks have stalled for weeks.”', source: 'Reuters', cue: 'According to' },
      { content: '“No speaker for this one here.”', source: null, cue: null },
    ]);
  });
});
