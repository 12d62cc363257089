import { describe, expect, it } from 'vitest';
import type { ConllDocument } from './conll.js';
import { DEFAULT_FEATURES } from './features.js';
import { tagTokens } from './tagger.js';
import { trainTagger } from './train.js';

const doc = (rows: [string, string][][]): ConllDocument => ({
  sentences: rows.map((s) => ({ words: s.map(([w]) => w), labels: s.map(([, l]) => l) })),
});

const TRAIN: ConllDocument[] = Array.from({ length: 10 }, (_, k) =>
  doc([
    [
      ['Governor', 'O'],
      [`Ann${k}`, 'B-PER'],
      ['Smith', 'I-PER'],
      ['visited', 'O'],
      ['Paris', 'B-LOC'],
      ['.', 'O'],
    ],
    [
      ['Acme', 'B-ORG'],
      ['Corp', 'I-ORG'],
      ['said', 'O'],
      ['so', 'O'],
      ['.', 'O'],
    ],
  ]),
);

describe('trainTagger', () => {
  for (const beam of [1, 4]) {
    it(`learns a toy corpus with a beam of ${beam}, the same way every time`, () => {
      const train = () =>
        trainTagger(TRAIN, {
          epochs: 3,
          seed: 1,
          folds: 2,
          twoStage: false,
          config: { ...DEFAULT_FEATURES, clusters: false, beam },
          clusters: null,
        });
      const model = train();
      const words = [['Governor', 'Bob', 'Smith', 'visited', 'Paris', '.']];
      expect(tagTokens(model, words)).toEqual([['O', 'B-PER', 'I-PER', 'O', 'B-LOC', 'O']]);
      expect(train().stages[0]).toEqual(model.stages[0]);
    });
  }
});
