// Feature extraction: per-token features that do not depend on predicted labels (computed
// once per document) and the ones that do (previous labels, the document's label history).
import { type Gazetteer, matchGazetteer, matchWords } from './gazetteer.js';

/** Which optional feature groups are on; stored in the model so run time matches training. */
export interface FeatureConfig {
  gazetteer: boolean;
  clusters: boolean;
  docCase: boolean;
  history: boolean;
  affixes: boolean;
  window: boolean;
  /** Words around the other mentions of a capitalized word in the document. */
  contextAggregation: boolean;
  /** Which parts of listed names (type and B/I/L/U) a capitalized word has been. */
  wordLists: boolean;
  /** Beam width of the decoder; absent or 1 is greedy. */
  beam?: number;
}

export const DEFAULT_FEATURES: FeatureConfig = {
  gazetteer: true,
  clusters: true,
  docCase: true,
  history: true,
  affixes: true,
  window: true,
  contextAggregation: true,
  wordLists: true,
};

/** What features read besides the tokens: name lists and word clusters. */
export interface FeatureResources {
  config: FeatureConfig;
  gazetteer: Gazetteer;
  /** word → Brown cluster bit string (exact form first, then lower case). */
  clusters: Map<string, string> | null;
}

/** A document's tokens with everything the features need precomputed. */
export interface PreparedDocument {
  words: string[][];
  lower: string[][];
  shortShape: string[][];
  /** Per sentence, per token: the static feature strings. */
  features: string[][][];
  /**
   * Per sentence, per token: more static features, in arrays shared by every token of the
   * same word (see WordInfo), so their ids can be looked up once per word.
   */
  shared: string[][][][];
}

/** What the decoders read of a document besides feature ids. */
export type DocumentTokens = Pick<PreparedDocument, 'words' | 'lower' | 'shortShape'>;

/** Cluster prefix lengths, as in Ratinov and Roth (2009). */
const CLUSTER_PREFIXES = [4, 6, 10, 20];

const CASE_LOWER = 1;
const CASE_TITLE = 2;
const CASE_UPPER = 4;

/** Word shape: X for upper, x for lower, d for digit, other characters kept; at most 12. */
export function wordShape(word: string): string {
  let out = '';
  const n = Math.min(word.length, 12);
  for (let i = 0; i < n; i++) {
    const c = word.charCodeAt(i);
    if (c >= 65 && c <= 90) out += 'X';
    else if (c >= 97 && c <= 122) out += 'x';
    else if (c >= 48 && c <= 57) out += 'd';
    else {
      const ch = word[i]!;
      const lo = ch.toLowerCase();
      out += lo !== ch ? 'X' : ch.toUpperCase() !== ch ? 'x' : ch;
    }
  }
  return out;
}

/** Shape with runs of one character collapsed: "Xxxxx" → "Xx", "dd-dd" → "d-d". */
export function shortShape(shape: string): string {
  let out = '';
  for (let i = 0; i < shape.length; i++) if (shape[i] !== shape[i - 1]) out += shape[i];
  return out;
}

/** How a word is written: CASE_LOWER, CASE_TITLE, CASE_UPPER or 0 (other). */
export function caseClass(word: string): number {
  const c = word.charCodeAt(0);
  const upper = word !== word.toLowerCase();
  if (!upper) return CASE_LOWER;
  if (word === word.toUpperCase() && word.length > 1) return CASE_UPPER;
  return c >= 65 && c <= 90 ? CASE_TITLE : 0;
}

function clusterOf(res: FeatureResources, word: string, lower: string): string | undefined {
  return res.clusters?.get(word) ?? res.clusters?.get(lower);
}

/** Context words kept per capitalized word; frequent words would otherwise flood it. */
export const MAX_CONTEXTS = 12;

/**
 * Ratinov and Roth's context aggregation: for every capitalized word of a document, the
 * lower-cased words just before and after each of its mentions ("A-coach", "A+said").
 */
function aggregateContexts(words: string[][], lower: string[][]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (let s = 0; s < words.length; s++) {
    const ws = words[s]!;
    const lw = lower[s]!;
    for (let i = 0; i < ws.length; i++) {
      if (ws[i] === lw[i]) continue;
      let set = out.get(lw[i]!);
      if (!set) {
        set = new Set();
        out.set(lw[i]!, set);
      }
      if (set.size >= MAX_CONTEXTS) continue;
      set.add(`A-${i > 0 ? lw[i - 1] : '<S>'}`);
      set.add(`A+${i + 1 < ws.length ? lw[i + 1] : '</S>'}`);
    }
  }
  return out;
}

/**
 * The features a word gives on its own and as a neighbour. They are built once per word and
 * the same strings reused, so the model's feature lookup hashes each string only once.
 */
export interface WordInfo {
  own: string[];
  /** As the previous word (i - 1); before2 as i - 2. */
  before: string[];
  before2: string;
  /** As the next word (i + 1); after2 as i + 2. */
  after: string[];
  after2: string;
}

/** Words cached per resources object; the cache restarts past this size to bound memory. */
const MAX_CACHED_WORDS = 200_000;
const WORD_CACHE = new WeakMap<FeatureResources, Map<string, WordInfo>>();

function wordInfos(res: FeatureResources): Map<string, WordInfo> {
  let cache = WORD_CACHE.get(res);
  if (!cache || cache.size > MAX_CACHED_WORDS) {
    cache = new Map();
    WORD_CACHE.set(res, cache);
  }
  return cache;
}

function wordInfo(cache: Map<string, WordInfo>, res: FeatureResources, w: string): WordInfo {
  let info = cache.get(w);
  if (!info) {
    info = wordFeatures(res, w);
    cache.set(w, info);
  }
  return info;
}

/** The features of one word (see WordInfo). */
export function wordFeatures(res: FeatureResources, w: string): WordInfo {
  const cfg = res.config;
  const l = w.toLowerCase();
  const shape = wordShape(w);
  const own = [`w${l}`, `W${w}`, `s${shape}`, `z${shortShape(shape)}`];
  const before: string[] = [];
  const after: string[] = [];
  if (cfg.window) {
    before.push(`w-1${l}`);
    after.push(`w+1${l}`);
  }
  if (cfg.affixes) {
    for (let k = 1; k <= 4 && k < w.length; k++) own.push(`p${w.slice(0, k)}`, `x${l.slice(-k)}`);
  }
  if (cfg.wordLists && w !== l) for (const g of matchWords(res.gazetteer, l)) own.push(`gw${g}`);
  const c = cfg.clusters ? clusterOf(res, w, l) : undefined;
  if (c) {
    for (const k of CLUSTER_PREFIXES)
      if (k <= c.length || k === 4) own.push(`c${k}${c.slice(0, k)}`);
    before.push(`c-4${c.slice(0, 4)}`, `c-10${c.slice(0, 10)}`);
    after.push(`c+4${c.slice(0, 4)}`, `c+10${c.slice(0, 10)}`);
  }
  return { own, before, after, before2: `w-2${l}`, after2: `w+2${l}` };
}

/** A word's vote on whether its sentence is a headline (see capsVote). */
export const VOTE_NONE = 0;
export const VOTE_LOWER = 1;
export const VOTE_UPPER = 2;

/** VOTE_NONE for fewer than two ASCII letters in a row, else whether it is upper case. */
export function capsVote(w: string): number {
  if (!/[A-Za-z]{2}/.test(w)) return VOTE_NONE;
  return w === w.toUpperCase() ? VOTE_UPPER : VOTE_LOWER;
}

/** A headline: most of the counted words (see capsVote), and at least two, are upper case. */
export function isHeadline(counted: number, upper: number): boolean {
  return counted >= 2 && upper / counted > 0.8;
}

/** True when most letters-only tokens of a sentence are upper case (a headline). */
function isAllCaps(words: readonly string[]): boolean {
  let upper = 0;
  let counted = 0;
  for (const w of words) {
    const vote = capsVote(w);
    if (vote !== VOTE_NONE) counted++;
    if (vote === VOTE_UPPER) upper++;
  }
  return isHeadline(counted, upper);
}

/** Computes the static features of every token of a document. */
export function prepareDocument(
  sentences: readonly (readonly string[])[],
  res: FeatureResources,
): PreparedDocument {
  const cfg = res.config;
  const words = sentences.map((s) => [...s]);
  const lower = words.map((s) => s.map((w) => w.toLowerCase()));
  const shape = words.map((s) => s.map(wordShape));
  const short = shape.map((s) => s.map(shortShape));
  const caps = words.map(isAllCaps);
  // How each word is written where its case is informative: not sentence-initial, not in a
  // headline. "dc" then tells a headline's or sentence-initial token how it looks elsewhere.
  const docCase = new Map<string, number>();
  if (cfg.docCase) {
    for (let s = 0; s < words.length; s++) {
      if (caps[s]) continue;
      for (let i = 1; i < words[s]!.length; i++) {
        const l = lower[s]![i]!;
        docCase.set(l, (docCase.get(l) ?? 0) | caseClass(words[s]![i]!));
      }
    }
  }
  const contexts = cfg.contextAggregation ? aggregateContexts(words, lower) : null;
  const info = wordInfos(res);
  const shared: string[][][][] = [];
  const features = words.map((ws, s) => {
    const lw = lower[s]!;
    const sh = short[s]!;
    const gaz = cfg.gazetteer ? matchGazetteer(res.gazetteer, lw, ws) : null;
    const wi = ws.map((w) => wordInfo(info, res, w));
    const n = ws.length;
    const headline = caps[s] ? 'H' : '';
    shared.push(
      ws.map((_, i) => {
        const sets = [wi[i]!.own];
        if (i > 0) sets.push(wi[i - 1]!.before);
        if (i + 1 < n) sets.push(wi[i + 1]!.after);
        return sets;
      }),
    );
    return ws.map((w, i) => {
      const l = lw[i]!;
      const f: string[] = ['b', `i${i === 0 ? 1 : 0}${headline}${sh[i]}`];
      const pw = i > 0 ? lw[i - 1]! : '<S>';
      const nw = i + 1 < n ? lw[i + 1]! : '</S>';
      const ps = i > 0 ? sh[i - 1]! : '<S>';
      const ns = i + 1 < n ? sh[i + 1]! : '</S>';
      f.push(`z-1${ps}`, `z+1${ns}`, `zz${ps}|${sh[i]}|${ns}`);
      if (i === 0 && cfg.window) f.push('w-1<S>');
      if (i + 1 === n && cfg.window) f.push('w+1</S>');
      if (cfg.window) {
        f.push(i > 1 ? wi[i - 2]!.before2 : 'w-2<S>', i + 2 < n ? wi[i + 2]!.after2 : 'w+2</S>');
        f.push(`ww-${pw}|${l}`, `ww+${l}|${nw}`, `wz-${pw}|${sh[i]}`, `wz+${sh[i]}|${nw}`);
      }
      if (gaz) {
        for (const g of gaz[i]!) f.push(`g${g}`);
        if (i > 0) for (const g of gaz[i - 1]!) f.push(`g-${g}`);
        if (i + 1 < n) for (const g of gaz[i + 1]!) f.push(`g+${g}`);
      }
      const ctx = contexts && w !== l ? contexts.get(l) : undefined;
      if (ctx) for (const c of ctx) if (c !== `A-${pw}` && c !== `A+${nw}`) f.push(c);
      if (cfg.docCase && w !== l) f.push(`d${i === 0 ? 1 : 0}${headline}${docCase.get(l) ?? 0}`);
      return f;
    });
  });
  return { words, lower, shortShape: short, features, shared };
}

/**
 * Second-stage features from a first pass over the whole document (Ratinov and Roth's
 * prediction aggregation): the first pass's labels here and at the neighbours (which a
 * greedy left-to-right pass cannot see ahead), and the types it gave the same word elsewhere.
 */
export function aggregateFeatures(
  doc: DocumentTokens,
  prior: readonly (readonly string[])[],
): string[][][] {
  const byWord = new Map<string, Int32Array>();
  const typeIndex = (label: string): number =>
    label === 'O' ? 0 : 1 + 'PER ORG LOC MISC'.split(' ').indexOf(label.slice(2));
  for (let s = 0; s < doc.words.length; s++) {
    for (let i = 0; i < doc.words[s]!.length; i++) {
      const l = doc.lower[s]![i]!;
      if (doc.words[s]![i] === l) continue;
      let c = byWord.get(l);
      if (!c) {
        c = new Int32Array(5);
        byWord.set(l, c);
      }
      c[typeIndex(prior[s]![i]!)]!++;
    }
  }
  return doc.words.map((ws, s) => {
    const labels = prior[s]!;
    return ws.map((w, i) => {
      const f = [`P${labels[i]}`, `P-${labels[i - 1] ?? 'S'}`, `P+${labels[i + 1] ?? 'S'}`];
      const l = doc.lower[s]![i]!;
      const c = w !== l ? byWord.get(l) : undefined;
      if (c) {
        const own = typeIndex(labels[i]!);
        let best = -1;
        for (let t = 0; t < 5; t++) {
          const n = c[t]! - (t === own ? 1 : 0);
          if (n > 0) f.push(`a${t}`);
          if (n > 0 && (best < 0 || n > c[best]! - (best === own ? 1 : 0))) best = t;
        }
        f.push(`am${best}`);
      }
      return f;
    });
  });
}
