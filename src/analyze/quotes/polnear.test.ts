import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../test-support/index.js';
import { loadPolnearSplit, offsetMismatches, parseBratAnn } from './polnear.js';

describe('parseBratAnn', () => {
  it('reads discontinuous spans, Content2 and no-source relations', () => {
    const text = 'Ann said “one” and “two”. Bob 😀 thinks so.';
    const ann = [
      'T1\tSource 0 3\tAnn',
      'T2\tCue 4 8\tsaid',
      'T3\tContent 9 14;19 24\t“one” “two”',
      'T4\tAttribution 4 8\tsaid',
      'E1\tAttribution:T4 Cue:T2 Source:T1 Content:T3',
      // Offsets after the emoji are code points; "thinks" is 32..38 in code points.
      'T5\tCue 32 38\tthinks',
      'T6\tContent 39 41\tso',
      'T7\tContent 26 29\tBob',
      'T8\tAttribution-no-source 32 38\tthinks',
      'E2\tAttribution-no-source:T8 Cue:T5 Content:T6 Content2:T7 ',
      'T9\tDiscard 0 3\tAnn',
    ].join('\n');
    const got = parseBratAnn(ann, text);
    expect(got).toHaveLength(2);
    expect(got[0]).toEqual({
      content: [
        { start: 9, end: 14 },
        { start: 19, end: 24 },
      ],
      source: [{ start: 0, end: 3 }],
      cue: [{ start: 4, end: 8 }],
    });
    expect(got[1]!.source).toBeNull();
    expect(got[1]!.content.map((c) => text.slice(c.start, c.end))).toEqual(['Bob', 'so']);
    expect(got[1]!.cue!.map((c) => text.slice(c.start, c.end))).toEqual(['thinks']);
    expect(offsetMismatches(ann, text)).toEqual([]);
    expect(offsetMismatches('T1\tSource 0 3\tBob', text)).toHaveLength(1);
  });
});

const dev = join(DATA_DIR, 'polnear/dev');
describe.skipIf(!existsSync(dev))('PolNeAR dev (real data)', () => {
  it('loads 84 articles whose spans match their text', () => {
    const articles = loadPolnearSplit(dev);
    expect(articles).toHaveLength(84);
    const n = articles.reduce((k, a) => k + a.attributions.length, 0);
    expect(n).toBeGreaterThan(2000);
    for (const a of articles.slice(0, 5)) {
      for (const at of a.attributions) {
        for (const sp of at.content) expect(sp.end).toBeLessThanOrEqual(a.text.length);
      }
    }
  });
});
