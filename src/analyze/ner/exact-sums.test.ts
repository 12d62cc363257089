import { describe, expect, it } from 'vitest';
import { MAX_EXACT_TERMS, sumsAreExact } from './exact-sums.js';
import { seededRandom } from '../../core/seeded-random.js';

/** int16 × scale, as a saved model's weights are. */
function quantized(n: number, scale: number, random: () => number): Float32Array {
  return Float32Array.from({ length: n }, () => Math.round((random() * 2 - 1) * 32767) * scale);
}

describe('sumsAreExact', () => {
  it('holds for quantized weights, and then the order of additions does not matter', () => {
    const random = seededRandom(5);
    const w = quantized(50_000, 26.8 / 32767, random);
    expect(sumsAreExact(w)).toBe(true);
    for (let trial = 0; trial < 20; trial++) {
      const picks = Array.from(
        { length: MAX_EXACT_TERMS },
        () => w[Math.floor(random() * w.length)]!,
      );
      const forward = picks.reduce((a, b) => a + b, 0);
      const backward = picks.reduceRight((a, b) => a + b, 0);
      const halves =
        picks.slice(0, 1000).reduce((a, b) => a + b, 0) +
        picks.slice(1000).reduce((a, b) => a + b, 0);
      expect(backward).toBe(forward);
      expect(halves).toBe(forward);
    }
  });

  it('fails for weights of very different sizes, which sums round', () => {
    expect(sumsAreExact(Float32Array.from([1e-8, 1000]))).toBe(false);
    expect(sumsAreExact(Float32Array.from([3e-7, 0.25, 12.5]))).toBe(false);
    expect(sumsAreExact(Float32Array.from([Number.NaN]))).toBe(false);
  });

  it('holds for small integers and for no weights', () => {
    expect(sumsAreExact(Float32Array.from([0, 1, -2, 3, 0]))).toBe(true);
    expect(sumsAreExact(new Float32Array(4))).toBe(true);
  });
});
