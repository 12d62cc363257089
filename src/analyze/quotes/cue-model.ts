// A learned cue detector: logistic regression over the context of each candidate word,
// deciding whether it introduces an attribution here ("Trump's comments" no, "Trump
// comments that" yes). Candidates are the words that were cues in the training corpus
// plus the curated lexicon. Its probability becomes the quote's confidence.
import { CUE_WORDS } from './cues.js';
import {
  isComma,
  isPunct,
  nounPhraseForward,
  SUBJECT_PRONOUNS,
  skipAuxiliariesBack,
  sourceBefore,
  type Tok,
} from './phrases.js';

export interface CueModel {
  /** Lower-cased words that may be cues. */
  vocab: ReadonlySet<string>;
  weights: ReadonlyMap<string, number>;
  bias: number;
  /** Probability at or above which a candidate is a cue. */
  threshold: number;
}

const bucket = (n: number, edges: readonly number[]): number => {
  let b = 0;
  while (b < edges.length && n >= edges[b]!) b++;
  return b;
};
const LEN_EDGES = [1, 2, 3, 5, 8, 13, 21];

/** A crude lemma so forms share evidence: "warned", "warns", "warning" → "warn". */
function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ied')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

function kindOf(t: Tok | undefined): string {
  if (!t) return 'none';
  if (t.mark >= 0) return 'mark';
  if (t.quote >= 0) return 'quoted';
  if (isComma(t)) return 'comma';
  if (isPunct(t)) return 'punct';
  if (SUBJECT_PRONOUNS.has(t.lower)) return 'pron';
  if (/^\p{Lu}/u.test(t.text)) return 'cap';
  return 'low';
}

/** Features of the word alone, the same wherever it stands. */
function ownFeatures(t: Tok): string[] {
  const w = t.lower;
  const lex = CUE_WORDS.get(w);
  return [
    `w=${w}`,
    `s=${stem(w)}`,
    `suf=${w.slice(-3)}`,
    `cap=${/^\p{Lu}/u.test(t.text)}`,
    `lex=${lex ? lex.cls : 'none'}`,
    `lexs=${lex ? Math.round(lex.strength * 4) : -1}`,
  ];
}

/** Features of the word's neighbours. */
function neighbourFeatures(toks: readonly Tok[], i: number): string[] {
  const w = toks[i]!.lower;
  const s = stem(w);
  const prev = toks[i - 1];
  const next = toks[i + 1];
  const f = [
    `p1=${prev?.lower ?? '<s>'}`,
    `p2=${toks[i - 2]?.lower ?? '<s>'}`,
    `n1=${next?.lower ?? '</s>'}`,
    `n2=${toks[i + 2]?.lower ?? '</s>'}`,
    `p1s=${prev?.lower ?? '<s>'}|${s}`,
    `n1s=${next?.lower ?? '</s>'}|${s}`,
    `pk=${kindOf(prev)}`,
    `nk=${kindOf(next)}`,
    `pos=${i === 0 ? 'first' : i === toks.length - 1 ? 'last' : 'mid'}`,
  ];
  if (w.endsWith('ing')) f.push(`ing=${kindOf(prev)}`);
  return f;
}

/** Features that look for a source, "that" and quotation marks around the word. */
function contextFeatures(toks: readonly Tok[], i: number): string[] {
  const s = stem(toks[i]!.lower);
  const subj = skipAuxiliariesBack(toks, i - 1);
  const back = sourceBefore(toks, i);
  const fwd = nounPhraseForward(toks, i + 1);
  let that = -1;
  let quoteAfter = -1;
  for (let j = i + 1; j < Math.min(toks.length, i + 6); j++) {
    if (that < 0 && toks[j]!.lower === 'that') that = j - i;
    if (quoteAfter < 0 && toks[j]!.mark >= 0) quoteAfter = j - i;
  }
  let quoteBefore = false;
  for (let j = Math.max(0, i - 4); j < i; j++) if (toks[j]!.mark >= 0) quoteBefore = true;
  return [
    `subj=${kindOf(toks[subj])}|${subj === i - 1 ? 'adj' : 'aux'}`,
    `subjs=${kindOf(toks[subj])}|${s}`,
    `back=${back !== null}`,
    `backs=${back !== null}|${s}`,
    `fwd=${fwd >= 0}|${kindOf(toks[i - 1])}`,
    `that=${that}`,
    `thats=${that > 0}|${s}`,
    `qa=${quoteAfter}`,
    `qb=${quoteBefore}`,
    `qbs=${quoteBefore}|${s}`,
    `after=${bucket(toks.length - i - 1, LEN_EDGES)}`,
    `before=${bucket(i, LEN_EDGES)}`,
  ];
}

/** The features of candidate token i, as strings. */
export function cueFeatures(toks: readonly Tok[], i: number): string[] {
  return [...ownFeatures(toks[i]!), ...neighbourFeatures(toks, i), ...contextFeatures(toks, i)];
}

/**
 * Each model's summed weights of ownFeatures, per word and capitalisation: a word's own
 * score. Only candidate words reach it, so it stays within twice the model's vocabulary.
 */
const ownScores = new WeakMap<CueModel, Map<string, number>>();

function ownScore(model: CueModel, t: Tok): number {
  let cache = ownScores.get(model);
  if (!cache) {
    cache = new Map();
    ownScores.set(model, cache);
  }
  // The own features read only the lower-cased word and whether it is capitalised.
  const key = /^\p{Lu}/u.test(t.text) ? `^${t.lower}` : t.lower;
  let z = cache.get(key);
  if (z === undefined) {
    z = 0;
    for (const f of ownFeatures(t)) z += model.weights.get(f) ?? 0;
    cache.set(key, z);
  }
  return z;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The probability that candidate token i is a cue, or -1 when it is no candidate. */
export function cueProbability(model: CueModel, toks: readonly Tok[], i: number): number {
  const t = toks[i]!;
  if (t.quote >= 0 || t.mark >= 0 || !model.vocab.has(t.lower)) return -1;
  let z = model.bias + ownScore(model, t);
  for (const f of neighbourFeatures(toks, i)) z += model.weights.get(f) ?? 0;
  for (const f of contextFeatures(toks, i)) z += model.weights.get(f) ?? 0;
  return sigmoid(z);
}
