// Trains the cue detector (cue-model.ts) on an attribution corpus: every candidate word
// outside quotations is an example, positive when it heads a gold cue. Logistic regression
// with AdaGrad, in a seeded order, so the same data and seed give the same model.
import { seededRandom, shuffleInPlace } from '../../core/seeded-random.js';
import { type CueModel, cueFeatures, cueProbability, sigmoid } from './cue-model.js';
import { CUE_WORDS } from './cues.js';
import { markedSentences } from './index.js';
import { isAuxiliary, type Tok } from './phrases.js';
import type { Span } from './polnear.js';
import { findQuotations } from './quotations.js';

export interface CueTrainingArticle {
  text: string;
  attributions: readonly { cue: Span[] | null }[];
}

export interface TrainCuesOptions {
  epochs: number;
  seed: number;
  /** A word seen heading a gold cue fewer times than this is no candidate (unless listed). */
  minCount: number;
  /** A feature seen in fewer examples than this is noise: it gets no weight. */
  minFeatureCount: number;
  learningRate: number;
  threshold: number;
}

export const DEFAULT_TRAIN_CUES: TrainCuesOptions = {
  epochs: 6,
  seed: 4_242,
  minCount: 2,
  minFeatureCount: 3,
  learningRate: 0.1,
  threshold: 0.5,
};

/** Token starts of the head word of each gold cue. */
export function cueHeads(
  sentences: readonly (readonly Tok[])[],
  article: CueTrainingArticle,
): Set<number> {
  const heads = new Set<number>();
  const toks = sentences.flat();
  for (const g of article.attributions) {
    const c = g.cue?.[0];
    if (!c) continue;
    const inside = toks.filter((t) => t.start >= c.start && t.end <= c.end);
    // The head: past auxiliaries and adverbs ("has also said", "is expected", "to endorse").
    const head = inside.find((t) => !isAuxiliary(t) && t.lower !== 'to') ?? inside[0];
    if (head) heads.add(head.start);
  }
  return heads;
}

interface Example {
  features: string[];
  label: number;
}

function examples(articles: readonly CueTrainingArticle[], vocab: ReadonlySet<string> | null) {
  const counts = new Map<string, number>();
  const out: Example[] = [];
  for (const a of articles) {
    const sentences = markedSentences(a.text, findQuotations(a.text));
    const heads = cueHeads(sentences, a);
    for (const toks of sentences) {
      toks.forEach((t, i) => {
        if (t.quote >= 0 || t.mark >= 0) return;
        if (heads.has(t.start)) counts.set(t.lower, (counts.get(t.lower) ?? 0) + 1);
        if (vocab && !vocab.has(t.lower)) return;
        out.push({ features: cueFeatures(toks, i), label: heads.has(t.start) ? 1 : 0 });
      });
    }
  }
  return { examples: out, counts };
}

/** The candidate words: gold cue heads seen often enough, and the curated lexicon. */
export function candidateVocab(
  articles: readonly CueTrainingArticle[],
  minCount: number,
): Set<string> {
  const { counts } = examples(articles, new Set());
  const vocab = new Set([...CUE_WORDS.keys(), 'according', ':']);
  for (const [w, n] of counts) if (n >= minCount && /[\p{L}:]/u.test(w)) vocab.add(w);
  return vocab;
}

/** Trains the cue detector on articles with gold cues; the threshold is the option's. */
export function trainCueModel(
  articles: readonly CueTrainingArticle[],
  opts: TrainCuesOptions,
): CueModel {
  const vocab = candidateVocab(articles, opts.minCount);
  const all = examples(articles, vocab).examples;
  const seen = new Map<string, number>();
  for (const ex of all) for (const f of ex.features) seen.set(f, (seen.get(f) ?? 0) + 1);
  const data = all.map((ex) => ({
    ...ex,
    features: ex.features.filter((f) => seen.get(f)! >= opts.minFeatureCount),
  }));
  const random = seededRandom(opts.seed);
  const weights = new Map<string, number>();
  const squares = new Map<string, number>();
  let bias = 0;
  let biasSquares = 0;
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const k of order) {
      const ex = data[k]!;
      let z = bias;
      for (const f of ex.features) z += weights.get(f) ?? 0;
      const g = sigmoid(z) - ex.label;
      if (g === 0) continue;
      for (const f of ex.features) {
        const sq = (squares.get(f) ?? 0) + g * g;
        squares.set(f, sq);
        weights.set(f, (weights.get(f) ?? 0) - (opts.learningRate * g) / Math.sqrt(sq));
      }
      biasSquares += g * g;
      bias -= (opts.learningRate * g) / Math.sqrt(biasSquares);
    }
  }
  return { vocab, weights, bias, threshold: opts.threshold };
}

/** Candidate words that fire less often than this on the training text are dropped. */
export const MIN_FIRE_RATE = 0.01;

/**
 * Drops candidate words the model almost never lets through on the training text ("the",
 * "of", "in" fire once in thousands): checking them would only cost time at run time.
 */
export function pruneVocab(model: CueModel, articles: readonly CueTrainingArticle[]): CueModel {
  const seen = new Map<string, number>();
  const fired = new Map<string, number>();
  for (const a of articles) {
    for (const toks of markedSentences(a.text, findQuotations(a.text))) {
      toks.forEach((t, i) => {
        const p = cueProbability(model, toks, i);
        if (p < 0) return;
        seen.set(t.lower, (seen.get(t.lower) ?? 0) + 1);
        if (p >= model.threshold) fired.set(t.lower, (fired.get(t.lower) ?? 0) + 1);
      });
    }
  }
  // Words the training text never shows (curated forms like "retorts") are kept: there is
  // no evidence against them.
  const keep = (w: string) => !seen.has(w) || (fired.get(w) ?? 0) >= MIN_FIRE_RATE * seen.get(w)!;
  return { ...model, vocab: new Set([...model.vocab].filter(keep)) };
}
