// The clustering scores on a labelling small enough to count by hand.
import { describe, expect, it } from 'vitest';
import { bcubedF1, countPairs, pairwiseScores } from './score.js';

describe('clustering scores', () => {
  // Gold {a,b,c} {d,e}; predicted {a,b} {c,d,e}.
  const gold = ['x', 'x', 'x', 'y', 'y'];
  const predicted = ['1', '1', '2', '2', '2'];

  it('counts pairs: 2 shared of 4 predicted and 4 gold', () => {
    expect(countPairs(predicted, gold)).toEqual({ both: 2, predicted: 4, gold: 4 });
    expect(pairwiseScores(countPairs(predicted, gold)).f1).toBeCloseTo(0.5);
  });

  it('computes B-cubed F1', () => {
    // precision: a,b 1; c 1/3; d,e 2/3 → 11/15; recall: a,b 2/3; c 1/3; d,e 1 → 11/15.
    expect(bcubedF1(predicted, gold)).toBeCloseTo(11 / 15);
  });
});
