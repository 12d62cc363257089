// Greedy left-to-right decoding of a document with a linear model over BILOU labels. The
// same loop trains the perceptron: given gold labels, it updates on every wrong token.
import type { DocumentTokens, FeatureConfig, PreparedDocument } from './features.js';
import { ALLOWED, historyFeatures, LABELS, N_LABELS, START, typeOf } from './labels.js';

/** A linear model: feature ids and a weight row of N_LABELS per feature. */
export interface LinearModel {
  /** The id of a feature, or -1 when the model has none (training adds it). */
  featureId(feature: string): number;
  /** Read after featureId: training may grow it. */
  readonly weights: Float32Array;
}

/** What training needs from a decode: the gold labels and where to send mistakes. */
export interface Learner {
  gold: number[][];
  update(ids: readonly number[], gold: number, predicted: number): void;
  /** Called after every token: the averaging clock. */
  tick(): void;
}

/** Ids of the shared per-word feature arrays, per model (a model's ids never change). */
const SHARED_IDS = new WeakMap<LinearModel, WeakMap<readonly string[], number[]>>();

function pushIds(ids: number[], fs: readonly string[], model: LinearModel): void {
  for (const f of fs) {
    const id = model.featureId(f);
    if (id >= 0) ids.push(id);
  }
}

/** Static feature strings → ids, unknown ones dropped. */
export function staticIds(doc: PreparedDocument, model: LinearModel): number[][][] {
  let cache = SHARED_IDS.get(model);
  if (!cache) {
    cache = new WeakMap();
    SHARED_IDS.set(model, cache);
  }
  const known = cache;
  return doc.features.map((sent, s) =>
    sent.map((fs, i) => {
      const ids: number[] = [];
      pushIds(ids, fs, model);
      for (const set of doc.shared[s]![i]!) {
        let got = known.get(set);
        if (!got) {
          got = [];
          pushIds(got, set, model);
          known.set(set, got);
        }
        for (const id of got) ids.push(id);
      }
      return ids;
    }),
  );
}

/** Labels every token of a document (BILOU ids), learning from mistakes when given gold. */
export function decodeDocument(
  doc: DocumentTokens,
  ids: number[][][],
  model: LinearModel,
  config: FeatureConfig,
  learner?: Learner,
): number[][] {
  const history = new Map<string, Int32Array>();
  const scores = new Float64Array(N_LABELS);
  const out: number[][] = [];
  const feats: number[] = [];
  for (let s = 0; s < doc.words.length; s++) {
    const words = doc.words[s]!;
    const lower = doc.lower[s]!;
    const labels: number[] = [];
    let p1 = START;
    let p2 = START;
    for (let i = 0; i < words.length; i++) {
      feats.length = 0;
      for (const id of ids[s]![i]!) feats.push(id);
      const l = lower[i]!;
      const t1 = p1 === START ? 'S' : LABELS[p1]!;
      const t2 = p2 === START ? 'S' : LABELS[p2]!;
      const dyn = [`T${t1}`, `TT${t2}|${t1}`, `Tw${t1}|${l}`, `Tz${t1}|${doc.shortShape[s]![i]}`];
      const seen = config.history && words[i] !== l ? history.get(l) : undefined;
      if (seen) dyn.push(...historyFeatures(seen));
      for (const f of dyn) {
        const id = model.featureId(f);
        if (id >= 0) feats.push(id);
      }
      const w = model.weights;
      scores.fill(0);
      for (const id of feats) {
        const base = id * N_LABELS;
        for (let k = 0; k < N_LABELS; k++) scores[k]! += w[base + k]!;
      }
      const allowed = ALLOWED[p1 * 2 + (i === words.length - 1 ? 1 : 0)]!;
      let pred = allowed[0]!;
      for (const k of allowed) if (scores[k]! > scores[pred]!) pred = k;
      if (learner) {
        const gold = learner.gold[s]![i]!;
        if (gold !== pred) learner.update(feats, gold, pred);
        learner.tick();
      }
      labels.push(pred);
      const t = typeOf(pred);
      if (config.history && words[i] !== l) {
        let h = history.get(l);
        if (!h) {
          h = new Int32Array(4);
          history.set(l, h);
        }
        if (t >= 0) h[t]!++;
      }
      p2 = p1;
      p1 = pred;
    }
    out.push(labels);
  }
  return out;
}
