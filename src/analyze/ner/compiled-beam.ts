// Beam decoding of a compiled document (document.ts) for tagging: the label-dependent
// features (previous labels, previous label × word or shape, the document's label history)
// come from ids the Lexicon keeps per word, shape and label, so no strings are built. Each
// label's score is the same number, to the last bit, as in beam.ts: the same weights are
// added in the same order, or in another order only where that cannot change the sum
// (exact-sums.ts), so the labels are the same.
import type { CompiledDocument, TokenIds } from './document.js';
import { MAX_EXACT_TERMS } from './exact-sums.js';
import { N_LABELS, START, typeOf } from './labels.js';
import {
  type Lexicon,
  type LowerInfo,
  SET_AFTER,
  SET_BEFORE,
  SET_OWN,
  SETS,
  type WordEntry,
} from './lexicon.js';
import { addRows } from './row-sum.js';
import { type BeamScorer, BeamSearch } from './search.js';

/** At most this many history (h, hm) and label-dependent (Tw, Tz, T, TT) features a token. */
const DYNAMIC_TERMS = 9;

/** Adds the weight row of a feature (if the model has it) to scores. */
function addRow(scores: Float64Array, weights: Float32Array, id: number): void {
  if (id < 0) return;
  const row = id * N_LABELS;
  for (let k = 0; k < N_LABELS; k++) scores[k]! += weights[row + k]!;
}

/** Sets scores to sums[at] … sums[at + N_LABELS - 1]. */
function copySum(scores: Float64Array, sums: Float64Array, at: number): void {
  for (let k = 0; k < N_LABELS; k++) scores[k] = sums[at + k]!;
}

/** Adds sums[at] … sums[at + N_LABELS - 1] to scores. */
function addSum(scores: Float64Array, sums: Float64Array, at: number): void {
  for (let k = 0; k < N_LABELS; k++) scores[k]! += sums[at + k]!;
}

class LexiconScorer implements BeamScorer {
  /** The sentence being decoded: its entries, and the number of its first token. */
  entries: readonly WordEntry[] = [];
  firstToken = 0;
  /** Per capitalized word: how often the document's earlier sentences labelled it as each type. */
  readonly history = new Map<LowerInfo, Int32Array>();
  /** The scores of token i that do not depend on the previous labels. */
  private readonly stat = new Float64Array(N_LABELS);
  /**
   * Per previous label p1: stat plus the features of p1 alone (all but TT), shared by the
   * hypotheses that end in p1; valid where prefixToken[p1] is the current token.
   */
  private readonly prefixes = new Float64Array((START + 1) * N_LABELS);
  private readonly prefixToken = new Int32Array(START + 1);
  private token = 0;
  private readonly weights: Float32Array;
  /** True when the stage's sums are exact in any order: then whole sets add as one sum. */
  private readonly exact: boolean;

  constructor(
    private readonly lex: Lexicon,
    private readonly doc: CompiledDocument,
    private readonly extra: TokenIds | null,
    private readonly stage: number,
  ) {
    this.weights = lex.stages[stage]!;
    this.exact = lex.exactStages[stage]!;
  }

  startToken(i: number): void {
    const { stat, weights, lex, entries, extra } = this;
    const { ids, offsets } = this.doc.static;
    const t = this.firstToken + i;
    this.token = t + 1; // prefixToken starts at 0: no prefix is valid yet
    const entry = entries[i]!;
    const prev = i > 0 ? entries[i - 1]! : null;
    const next = i + 1 < entries.length ? entries[i + 1]! : null;
    const terms =
      offsets[t + 1]! -
      offsets[t]! +
      entry.own.length +
      (prev ? prev.before.length : 0) +
      (next ? next.after.length : 0) +
      (extra ? extra.offsets[t + 1]! - extra.offsets[t]! : 0) +
      DYNAMIC_TERMS;
    if (this.exact && terms <= MAX_EXACT_TERMS) {
      // Any order gives the same sums: start from the cached sums of the words' sets.
      const at = this.stage * SETS;
      copySum(stat, lex.setSums(entry), (at + SET_OWN) * N_LABELS);
      if (prev) addSum(stat, lex.setSums(prev), (at + SET_BEFORE) * N_LABELS);
      if (next) addSum(stat, lex.setSums(next), (at + SET_AFTER) * N_LABELS);
      addRows(stat, weights, ids, offsets[t]!, offsets[t + 1]!);
    } else {
      // The static features in the order of staticIds: the token's own ids, its word's set,
      // the previous word's before set and the next word's after set.
      stat.fill(0);
      addRows(stat, weights, ids, offsets[t]!, offsets[t + 1]!);
      addRows(stat, weights, entry.own, 0, entry.own.length);
      if (prev) addRows(stat, weights, prev.before, 0, prev.before.length);
      if (next) addRows(stat, weights, next.after, 0, next.after.length);
    }
    if (extra) addRows(stat, weights, extra.ids, extra.offsets[t]!, extra.offsets[t + 1]!);
    const seen = lex.config.history && entry.capitalized && this.history.get(entry.lower);
    if (!seen) return;
    let best = 0;
    for (let type = 0; type < 4; type++) {
      if (seen[type]! > 0) addRow(stat, weights, lex.historyType[type]!);
      if (seen[type]! > seen[best]!) best = type;
    }
    addRow(stat, weights, lex.historyBest[best * 2 + (seen[best]! > 0 ? 1 : 0)]!);
  }

  scores(i: number, p1: number, p2: number, allowed: Int32Array, out: Float64Array): void {
    const { lex, weights, prefixes } = this;
    const at = p1 * N_LABELS;
    if (this.prefixToken[p1] !== this.token) {
      const entry = this.entries[i]!;
      const tw = lex.wordLabelId(entry.lower, p1) * N_LABELS;
      const tz = lex.shapeLabelId(entry.shape, p1) * N_LABELS;
      const t = lex.previousLabel[p1]! * N_LABELS;
      for (let a = 0; a < allowed.length; a++) {
        const k = allowed[a]!;
        let score = this.stat[k]!;
        if (tw >= 0) score += weights[tw + k]!;
        if (tz >= 0) score += weights[tz + k]!;
        if (t >= 0) score += weights[t + k]!;
        prefixes[at + k] = score;
      }
      this.prefixToken[p1] = this.token;
    }
    const tt = lex.previousLabels[p1 * (START + 1) + p2]! * N_LABELS;
    for (let a = 0; a < allowed.length; a++) {
      const k = allowed[a]!;
      out[k] = tt >= 0 ? prefixes[at + k]! + weights[tt + k]! : prefixes[at + k]!;
    }
  }

  /** Counts a decoded sentence's labels of capitalized words, for the sentences after it. */
  remember(labels: readonly number[]): void {
    this.entries.forEach((entry, i) => {
      if (!entry.capitalized) return;
      let counts = this.history.get(entry.lower);
      if (!counts) {
        counts = new Int32Array(4);
        this.history.set(entry.lower, counts);
      }
      const type = typeOf(labels[i]!);
      if (type >= 0) counts[type]!++;
    });
  }
}

/**
 * BILOU label ids of every token, with a beam of `width` and the weights of one stage; extra
 * holds each token's features beyond the static ones, if any.
 */
export function compiledBeamDecode(
  doc: CompiledDocument,
  extra: TokenIds | null,
  lex: Lexicon,
  stage: number,
  width: number,
): number[][] {
  const scorer = new LexiconScorer(lex, doc, extra, stage);
  const search = new BeamSearch(width);
  return doc.entries.map((entries) => {
    scorer.entries = entries;
    const { labels } = search.run(entries.length, scorer);
    if (lex.config.history) scorer.remember(labels);
    scorer.firstToken += entries.length;
    return labels;
  });
}
