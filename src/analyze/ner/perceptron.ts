// The averaged perceptron (Collins 2002) as a LinearModel that grows while it trains.
import type { LinearModel } from './decode.js';
import { N_LABELS } from './labels.js';

/** Rows reserved up front; doubled when full. */
const INITIAL_ROWS = 1 << 20;

/** A trainable linear model whose average is read with averaged(). */
export class AveragedPerceptron implements LinearModel {
  readonly index = new Map<string, number>();
  weights = new Float32Array(INITIAL_ROWS * N_LABELS);
  /** Sum over updates of step × change, for the lazy average w − acc / step. */
  private acc = new Float64Array(INITIAL_ROWS * N_LABELS);
  private step = 1;
  /** When true, unknown features get a new row; when false they are ignored. */
  growing = true;

  featureId(feature: string): number {
    const id = this.index.get(feature);
    if (id !== undefined) return id;
    if (!this.growing) return -1;
    const next = this.index.size;
    if ((next + 1) * N_LABELS > this.weights.length) this.grow();
    this.index.set(feature, next);
    return next;
  }

  private grow(): void {
    const w = new Float32Array(this.weights.length * 2);
    w.set(this.weights);
    const a = new Float64Array(this.acc.length * 2);
    a.set(this.acc);
    this.weights = w;
    this.acc = a;
  }

  /** Marks the end of one training token (the averaging clock). */
  tick(): void {
    this.step++;
  }

  update(ids: readonly number[], gold: number, predicted: number): void {
    const c = this.step;
    for (const id of ids) {
      const base = id * N_LABELS;
      this.weights[base + gold]! += 1;
      this.acc[base + gold]! += c;
      this.weights[base + predicted]! -= 1;
      this.acc[base + predicted]! -= c;
    }
  }

  /** Adds sign (±1) to one label's weight of each feature: a sequence-level update. */
  add(ids: readonly number[], label: number, sign: number): void {
    const c = this.step * sign;
    for (const id of ids) {
      this.weights[id * N_LABELS + label]! += sign;
      this.acc[id * N_LABELS + label]! += c;
    }
  }

  /** The averaged weights, one row of N_LABELS per feature id. */
  averaged(): Float32Array {
    const n = this.index.size * N_LABELS;
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.weights[i]! - this.acc[i]! / this.step;
    return out;
  }
}

/** A fixed model over given weights, for decoding. */
export function fixedModel(index: Map<string, number>, weights: Float32Array): LinearModel {
  return {
    weights,
    featureId: (f) => index.get(f) ?? -1,
  };
}
