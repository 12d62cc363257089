// When are the tagger's sums of weights independent of the order of the additions? Floating
// point addition is not associative in general, and the labels must not change when the
// tagger adds the same weights in another order (e.g. a word's features summed once and
// cached). But a saved model's weights are int16 × scale (model.ts): all multiples of one
// small power of two and not too far apart in size, so that every partial sum is exactly a
// double and no addition rounds. Freshly trained weights usually are not, and keep the order.

/** The most weights one label's score at a token may add up for sumsAreExact to hold. */
export const MAX_EXACT_TERMS = 1 << 12;

/** Bits of a double's significand. */
const DOUBLE_BITS = 53;

/**
 * True when any sum of at most MAX_EXACT_TERMS of the weights, added in any order, is exact:
 * each weight is a multiple of 2^q and below 2^top in size, so each partial sum is a
 * multiple of 2^q below 2^(top + 12), which a double holds exactly when that is at most
 * 53 bits above 2^q.
 */
export function sumsAreExact(weights: Float32Array): boolean {
  const bits = new Uint32Array(weights.buffer, weights.byteOffset, weights.length);
  let top = Number.NEGATIVE_INFINITY;
  let q = Number.POSITIVE_INFINITY;
  for (let i = 0; i < bits.length; i++) {
    const b = bits[i]!;
    if ((b & 0x7fffffff) === 0) continue; // ±0
    const exponent = (b >>> 23) & 0xff;
    if (exponent === 0xff) return false; // infinite or NaN
    // A normal float32 is m × 2^(exponent − 150) with m < 2^24; a subnormal m × 2^−149.
    top = Math.max(top, exponent === 0 ? -126 : exponent - 126);
    q = Math.min(q, exponent === 0 ? -149 : exponent - 150);
  }
  return top === Number.NEGATIVE_INFINITY || top + Math.log2(MAX_EXACT_TERMS) - q <= DOUBLE_BITS;
}
