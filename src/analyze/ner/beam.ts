// Beam-search decoding of a document, sentence by sentence, with the same features as the
// greedy decoder. Trained as a structured perceptron with early update (Collins and Roark
// 2004): when the gold prefix falls out of the beam, the model moves towards it and away from
// the best hypothesis, and the rest of the sentence is skipped. This is the decoder training
// uses, with features looked up by string; tagging uses compiled-beam.ts, which gives the
// same labels faster.
import type { LinearModel } from './decode.js';
import type { DocumentTokens, FeatureConfig } from './features.js';
import { historyFeatures, labelName, N_LABELS, START, typeOf } from './labels.js';
import { type BeamScorer, BeamSearch } from './search.js';

/** What beam training needs: gold labels and a sequence-level update. */
export interface SequenceLearner {
  gold: number[][];
  /** Adds `sign` to the weights of each (feature ids, label) pair. */
  update(ids: readonly number[], label: number, sign: number): void;
  tick(): void;
}

const NOT_LOOKED_UP = -2;

/** Ids of the label-history features T and TT per (p2, p1), cached per model. */
const LABEL_IDS = new WeakMap<LinearModel, Int32Array>();

function labelIds(model: LinearModel): Int32Array {
  let table = LABEL_IDS.get(model);
  if (!table) {
    table = new Int32Array((START + 1) * (START + 2)).fill(NOT_LOOKED_UP);
    LABEL_IDS.set(model, table);
  }
  return table;
}

/** Pushes the ids of T (p1) and TT (p2, p1) onto out. */
function pushLabelIds(out: number[], model: LinearModel, p1: number, p2: number): void {
  const table = labelIds(model);
  const t = p1 * (START + 2);
  const tt = p1 * (START + 2) + 1 + p2;
  if (table[t] === NOT_LOOKED_UP) table[t] = model.featureId(`T${labelName(p1)}`);
  if (table[tt] === NOT_LOOKED_UP)
    table[tt] = model.featureId(`TT${labelName(p2)}|${labelName(p1)}`);
  if (table[t]! >= 0) out.push(table[t]!);
  if (table[tt]! >= 0) out.push(table[tt]!);
}

/** Ids of the features of token i that read the document's earlier labels. */
function historyIds(
  doc: DocumentTokens,
  s: number,
  i: number,
  history: Map<string, Int32Array>,
  model: LinearModel,
  config: FeatureConfig,
): number[] {
  const l = doc.lower[s]![i]!;
  const seen = config.history && doc.words[s]![i] !== l ? history.get(l) : undefined;
  const ids: number[] = [];
  if (!seen) return ids;
  for (const f of historyFeatures(seen)) {
    const id = model.featureId(f);
    if (id >= 0) ids.push(id);
  }
  return ids;
}

/** Entries per cache of (previous label × word) ids; the cache restarts past it. */
const MAX_CACHED_KEYS = 200_000;

/** Per model: word or shape → the ids of Tw/Tz for each previous label. */
const CROSS_IDS = new WeakMap<LinearModel, Map<string, Int32Array>>();

function crossId(model: LinearModel, prefix: string, key: string, p1: number): number {
  let cache = CROSS_IDS.get(model);
  if (!cache || cache.size > MAX_CACHED_KEYS) {
    cache = new Map();
    CROSS_IDS.set(model, cache);
  }
  const k = prefix + key;
  let row = cache.get(k);
  if (!row) {
    row = new Int32Array(START + 1).fill(NOT_LOOKED_UP);
    cache.set(k, row);
  }
  if (row[p1] === NOT_LOOKED_UP) row[p1] = model.featureId(`${prefix}${labelName(p1)}|${key}`);
  return row[p1]!;
}

/** Ids of the previous label crossed with token i's word and shape. */
function wordLabelIds(
  doc: DocumentTokens,
  s: number,
  i: number,
  p1: number,
  model: LinearModel,
): number[] {
  const ids: number[] = [];
  const a = crossId(model, 'Tw', doc.lower[s]![i]!, p1);
  const b = crossId(model, 'Tz', doc.shortShape[s]![i]!, p1);
  if (a >= 0) ids.push(a);
  if (b >= 0) ids.push(b);
  return ids;
}

/** Every label-dependent feature id at token i after labels p2, p1 (for updates). */
function dynamicIds(
  doc: DocumentTokens,
  s: number,
  i: number,
  p1: number,
  p2: number,
  history: Map<string, Int32Array>,
  model: LinearModel,
  config: FeatureConfig,
): number[] {
  const ids = wordLabelIds(doc, s, i, p1, model);
  pushLabelIds(ids, model, p1, p2);
  for (const id of historyIds(doc, s, i, history, model, config)) ids.push(id);
  return ids;
}

function sequenceUpdate(
  doc: DocumentTokens,
  s: number,
  ids: number[][],
  labels: readonly number[],
  sign: number,
  history: Map<string, Int32Array>,
  model: LinearModel,
  config: FeatureConfig,
  learner: SequenceLearner,
): void {
  for (let i = 0; i < labels.length; i++) {
    const p1 = i > 0 ? labels[i - 1]! : START;
    const p2 = i > 1 ? labels[i - 2]! : START;
    learner.update(ids[i]!, labels[i]!, sign);
    learner.update(dynamicIds(doc, s, i, p1, p2, history, model, config), labels[i]!, sign);
  }
}

/**
 * Scores from feature ids looked up by string, which is what training needs: its model
 * makes a new feature for each string it has not seen, in the order they are asked for.
 */
class StringFeatureScorer implements BeamScorer {
  s = 0;
  private readonly stat = new Float64Array(N_LABELS);
  /** Per token: Tw/Tz ids by previous label, filled when a hypothesis needs them. */
  private readonly byPrev: (number[] | undefined)[] = new Array(START + 1);
  private readonly dyn: number[] = [];

  constructor(
    private readonly doc: DocumentTokens,
    private readonly ids: number[][][],
    private readonly model: LinearModel,
    private readonly config: FeatureConfig,
    readonly history: Map<string, Int32Array>,
  ) {}

  startToken(i: number): void {
    const { doc, s, model, stat } = this;
    const hist = historyIds(doc, s, i, this.history, model, this.config);
    this.byPrev.fill(undefined);
    stat.fill(0);
    const w0 = model.weights;
    for (const id of this.ids[s]![i]!) {
      const row = id * N_LABELS;
      for (let k = 0; k < N_LABELS; k++) stat[k]! += w0[row + k]!;
    }
    for (const id of hist) {
      const row = id * N_LABELS;
      for (let k = 0; k < N_LABELS; k++) stat[k]! += w0[row + k]!;
    }
  }

  scores(i: number, p1: number, p2: number, _allowed: Int32Array, out: Float64Array): void {
    const { model, dyn } = this;
    let wl = this.byPrev[p1];
    if (!wl) {
      wl = wordLabelIds(this.doc, this.s, i, p1, model);
      this.byPrev[p1] = wl;
    }
    dyn.length = 0;
    for (const id of wl) dyn.push(id);
    pushLabelIds(dyn, model, p1, p2);
    // Read after featureId: training may have grown the weights.
    const w = model.weights;
    out.set(this.stat);
    for (const id of dyn) {
      const row = id * N_LABELS;
      for (let k = 0; k < N_LABELS; k++) out[k]! += w[row + k]!;
    }
  }
}

/** Labels every token of a document with a beam of `width`, learning when given gold. */
export function beamDecodeDocument(
  doc: DocumentTokens,
  ids: number[][][],
  model: LinearModel,
  config: FeatureConfig,
  width: number,
  learner?: SequenceLearner,
): number[][] {
  const history = new Map<string, Int32Array>();
  const out: number[][] = [];
  const scorer = new StringFeatureScorer(doc, ids, model, config, history);
  const search = new BeamSearch(width);
  for (let s = 0; s < doc.words.length; s++) {
    const n = doc.words[s]!.length;
    const gold = learner?.gold[s];
    scorer.s = s;
    const { labels: best, early } = search.run(n, scorer, gold);
    if (learner && gold) {
      const upto = early >= 0 ? early + 1 : n;
      const g = gold.slice(0, upto);
      if (best.some((k, j) => k !== g[j])) {
        sequenceUpdate(doc, s, ids[s]!, g, 1, history, model, config, learner);
        sequenceUpdate(doc, s, ids[s]!, best, -1, history, model, config, learner);
      }
      for (let i = 0; i < n; i++) learner.tick();
    }
    // Early update stops before the end: the gold labels stand in for the rest.
    const labels = early >= 0 && gold ? gold : best;
    out.push(labels);
    if (config.history) {
      for (let i = 0; i < n; i++) {
        const word = doc.words[s]![i]!;
        const l = doc.lower[s]![i]!;
        if (word === l) continue;
        let h = history.get(l);
        if (!h) {
          h = new Int32Array(4);
          history.set(l, h);
        }
        const t = typeOf(labels[i]!);
        if (t >= 0) h[t]!++;
      }
    }
  }
  return out;
}
