import { describe, expect, it } from 'vitest';
import { parseConll, scoreEntities, spansOf, toIob2 } from './conll.js';
import { bilouToBio, bioToBilou, LABELS } from './labels.js';

describe('toIob2', () => {
  it('starts entities that IOB1 leaves implicit', () => {
    expect(toIob2(['I-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC', 'I-ORG'])).toEqual([
      'B-PER',
      'I-PER',
      'O',
      'B-LOC',
      'B-LOC',
      'B-ORG',
    ]);
  });
});

describe('parseConll', () => {
  it('reads documents and the last column', () => {
    const docs = parseConll(
      '-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\n\n-DOCSTART- -X- O O\n\nPeter NNP B-NP I-PER\n',
    );
    expect(docs).toHaveLength(2);
    expect(docs[0]!.sentences[0]).toEqual({ words: ['EU', 'rejects'], labels: ['B-ORG', 'O'] });
  });
});

describe('BILOU', () => {
  it('round-trips BIO', () => {
    const bio = ['B-PER', 'I-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-LOC'];
    expect(bioToBilou(bio).map((i) => LABELS[i])).toEqual([
      'B-PER',
      'I-PER',
      'L-PER',
      'O',
      'U-LOC',
      'B-LOC',
      'L-LOC',
    ]);
    expect(bilouToBio(bioToBilou(bio))).toEqual(bio);
  });
});

describe('scoreEntities', () => {
  it('scores exact matches like conlleval', () => {
    const gold = [
      ['B-PER', 'I-PER', 'O', 'B-LOC'],
      ['B-ORG', 'O'],
    ];
    const pred = [
      ['B-PER', 'I-PER', 'O', 'B-ORG'],
      ['B-ORG', 'B-MISC'],
    ];
    const s = scoreEntities(gold, pred);
    expect(s.precision).toBeCloseTo(50);
    expect(s.recall).toBeCloseTo(200 / 3);
    expect(s.f1).toBeCloseTo((2 * 50 * (200 / 3)) / (50 + 200 / 3));
    expect(s.perType.PER!.f1).toBe(100);
    expect(s.perType.LOC!.recall).toBe(0);
  });

  it('treats a stray I- as the start of an entity', () => {
    expect(spansOf(['O', 'I-PER', 'I-PER', 'I-LOC'])).toEqual([
      { start: 1, end: 3, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
    ]);
  });
});
