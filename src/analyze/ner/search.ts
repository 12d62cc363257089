// Beam search over the BILOU labels of one sentence, on reused typed arrays: a beam entry is a
// slot (token × width + rank) holding its label, the slot it extends and its path's score.
// Where the features come from is the BeamScorer's business (beam.ts, compiled-beam.ts).
import { ALLOWED, N_LABELS, START } from './labels.js';

/** The scores of each label at a token, given the two labels before it. */
export interface BeamScorer {
  /** Called once per token, before its scores are asked for. */
  startToken(i: number): void;
  /**
   * Writes the scores at token i after labels p2, p1 into out: those of the labels in
   * `allowed` (the labels that may follow p1) at least.
   */
  scores(i: number, p1: number, p2: number, allowed: Int32Array, out: Float64Array): void;
}

/** The best path of a search; with gold labels it may stop early. */
export interface SearchResult {
  /** Labels of the best path, through token `early` when the search stopped there. */
  labels: number[];
  /** The token after which no path in the beam was the gold one, or -1. */
  early: number;
}

/** Slot of the START entry before the first token. */
const NO_SLOT = -1;

export class BeamSearch {
  private labels = new Int32Array(0);
  private backs = new Int32Array(0);
  private pathScores = new Float64Array(0);
  /** 1 while the path equals the gold labels (training only). */
  private golds = new Uint8Array(0);
  private readonly tokenScores = new Float64Array(N_LABELS);

  constructor(readonly width: number) {}

  /**
   * Labels a sentence of n tokens. With gold labels, stops after the first token whose beam
   * has lost the gold path (the early update of Collins and Roark 2004).
   */
  run(n: number, scorer: BeamScorer, gold?: readonly number[]): SearchResult {
    const width = this.width;
    if (this.labels.length < n * width) this.reserve(n * width * 2);
    const { labels, backs, pathScores, golds, tokenScores } = this;
    let prevStart = 0;
    let prevCount = 1; // the START entry
    let early = -1;
    let last = NO_SLOT;
    for (let i = 0; i < n; i++) {
      scorer.startToken(i);
      const base = i * width;
      const allowedAt = i === n - 1 ? 1 : 0;
      let count = 0;
      for (let j = 0; j < prevCount; j++) {
        const from = i === 0 ? NO_SLOT : prevStart + j;
        const p1 = from === NO_SLOT ? START : labels[from]!;
        const back = from === NO_SLOT ? NO_SLOT : backs[from]!;
        const p2 = back === NO_SLOT ? START : labels[back]!;
        const fromScore = from === NO_SLOT ? 0 : pathScores[from]!;
        const fromGold = from === NO_SLOT ? 1 : golds[from]!;
        const allowed = ALLOWED[p1 * 2 + allowedAt]!;
        scorer.scores(i, p1, p2, allowed, tokenScores);
        for (let a = 0; a < allowed.length; a++) {
          const k = allowed[a]!;
          const score = fromScore + tokenScores[k]!;
          if (count >= width && score <= pathScores[base + width - 1]!) continue;
          // Insert after every entry scoring at least as much, dropping the last when full.
          let at = count;
          while (at > 0 && pathScores[base + at - 1]! < score) at--;
          for (let m = count < width ? count : width - 1; m > at; m--) {
            labels[base + m] = labels[base + m - 1]!;
            backs[base + m] = backs[base + m - 1]!;
            pathScores[base + m] = pathScores[base + m - 1]!;
            golds[base + m] = golds[base + m - 1]!;
          }
          labels[base + at] = k;
          backs[base + at] = from;
          pathScores[base + at] = score;
          golds[base + at] = gold !== undefined && fromGold && gold[i] === k ? 1 : 0;
          if (count < width) count++;
        }
      }
      prevStart = base;
      prevCount = count;
      last = base;
      if (gold && !golds.subarray(base, base + count).includes(1)) {
        early = i;
        break;
      }
    }
    const path: number[] = [];
    for (let x = last; x !== NO_SLOT; x = backs[x]!) path.push(labels[x]!);
    return { labels: path.reverse(), early };
  }

  private reserve(slots: number): void {
    this.labels = new Int32Array(slots);
    this.backs = new Int32Array(slots);
    this.pathScores = new Float64Array(slots);
    this.golds = new Uint8Array(slots);
  }
}
