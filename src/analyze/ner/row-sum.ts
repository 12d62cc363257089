// The tagger's innermost loop: adding up the weight rows of a token's features. Unrolled
// over the labels with the sums kept in locals, it ran three times faster than the loop
// `out[k] += weights[row + k]`, which loads and stores out[k] for every feature.
import { N_LABELS } from './labels.js';

if (N_LABELS !== 17) throw new Error('ner: addRows is written out for 17 labels');

/**
 * Adds the weight rows of ids[from] … ids[to - 1] to out, in that order: each label's sum
 * takes the same steps as adding the rows one by one, so it is the same number.
 */
export function addRows(
  out: Float64Array,
  weights: Float32Array,
  ids: Int32Array,
  from: number,
  to: number,
): void {
  let s0 = out[0]!;
  let s1 = out[1]!;
  let s2 = out[2]!;
  let s3 = out[3]!;
  let s4 = out[4]!;
  let s5 = out[5]!;
  let s6 = out[6]!;
  let s7 = out[7]!;
  let s8 = out[8]!;
  let s9 = out[9]!;
  let s10 = out[10]!;
  let s11 = out[11]!;
  let s12 = out[12]!;
  let s13 = out[13]!;
  let s14 = out[14]!;
  let s15 = out[15]!;
  let s16 = out[16]!;
  for (let x = from; x < to; x++) {
    const r = ids[x]! * 17;
    s0 += weights[r]!;
    s1 += weights[r + 1]!;
    s2 += weights[r + 2]!;
    s3 += weights[r + 3]!;
    s4 += weights[r + 4]!;
    s5 += weights[r + 5]!;
    s6 += weights[r + 6]!;
    s7 += weights[r + 7]!;
    s8 += weights[r + 8]!;
    s9 += weights[r + 9]!;
    s10 += weights[r + 10]!;
    s11 += weights[r + 11]!;
    s12 += weights[r + 12]!;
    s13 += weights[r + 13]!;
    s14 += weights[r + 14]!;
    s15 += weights[r + 15]!;
    s16 += weights[r + 16]!;
  }
  out[0] = s0;
  out[1] = s1;
  out[2] = s2;
  out[3] = s3;
  out[4] = s4;
  out[5] = s5;
  out[6] = s6;
  out[7] = s7;
  out[8] = s8;
  out[9] = s9;
  out[10] = s10;
  out[11] = s11;
  out[12] = s12;
  out[13] = s13;
  out[14] = s14;
  out[15] = s15;
  out[16] = s16;
}
