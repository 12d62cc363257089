// Feature extraction: per-token features that do not depend on predicted labels (computed
// once per document) and the ones that do (previous labels, the document's label history).
import { type Gazetteer, matchGazetteer } from './gazetteer.js';

/** Which optional feature groups are on; stored in the model so run time matches training. */
export interface FeatureConfig {
  gazetteer: boolean;
  clusters: boolean;
  docCase: boolean;
  history: boolean;
  affixes: boolean;
  window: boolean;
}

export const DEFAULT_FEATURES: FeatureConfig = {
  gazetteer: true,
  clusters: true,
  docCase: true,
  history: true,
  affixes: true,
  window: true,
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
}

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

function caseClass(word: string): number {
  const c = word.charCodeAt(0);
  const upper = word !== word.toLowerCase();
  if (!upper) return CASE_LOWER;
  if (word === word.toUpperCase() && word.length > 1) return CASE_UPPER;
  return c >= 65 && c <= 90 ? CASE_TITLE : 0;
}

/** True when most letters-only tokens of a sentence are upper case (a headline). */
function isAllCaps(words: readonly string[]): boolean {
  let upper = 0;
  let alpha = 0;
  for (const w of words) {
    if (!/[A-Za-z]{2}/.test(w)) continue;
    alpha++;
    if (w === w.toUpperCase()) upper++;
  }
  return alpha >= 2 && upper / alpha > 0.8;
}

function clusterOf(res: FeatureResources, word: string, lower: string): string | undefined {
  return res.clusters?.get(word) ?? res.clusters?.get(lower);
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
  const features = words.map((ws, s) => {
    const lw = lower[s]!;
    const sh = short[s]!;
    const gaz = cfg.gazetteer ? matchGazetteer(res.gazetteer, lw, ws) : null;
    const cl = cfg.clusters && res.clusters ? ws.map((w, i) => clusterOf(res, w, lw[i]!)) : null;
    const n = ws.length;
    const headline = caps[s] ? 'H' : '';
    return ws.map((w, i) => {
      const l = lw[i]!;
      const f: string[] = [
        'b',
        `w${l}`,
        `W${w}`,
        `s${shape[s]![i]}`,
        `z${sh[i]}`,
        `i${i === 0 ? 1 : 0}${headline}${sh[i]}`,
      ];
      const pw = i > 0 ? lw[i - 1]! : '<S>';
      const nw = i + 1 < n ? lw[i + 1]! : '</S>';
      const ps = i > 0 ? sh[i - 1]! : '<S>';
      const ns = i + 1 < n ? sh[i + 1]! : '</S>';
      f.push(`z-1${ps}`, `z+1${ns}`, `zz${ps}|${sh[i]}|${ns}`);
      if (cfg.window) {
        const pw2 = i > 1 ? lw[i - 2]! : '<S>';
        const nw2 = i + 2 < n ? lw[i + 2]! : '</S>';
        f.push(`w-1${pw}`, `w+1${nw}`, `w-2${pw2}`, `w+2${nw2}`, `ww-${pw}|${l}`, `ww+${l}|${nw}`);
        f.push(`wz-${pw}|${sh[i]}`, `wz+${sh[i]}|${nw}`);
      }
      if (cfg.affixes) {
        for (let k = 1; k <= 4 && k < w.length; k++) f.push(`p${w.slice(0, k)}`, `x${l.slice(-k)}`);
      }
      if (gaz) {
        for (const g of gaz[i]!) f.push(`g${g}`);
        if (i > 0) for (const g of gaz[i - 1]!) f.push(`g-${g}`);
        if (i + 1 < n) for (const g of gaz[i + 1]!) f.push(`g+${g}`);
      }
      if (cl) {
        const c = cl[i];
        if (c)
          for (const k of CLUSTER_PREFIXES)
            if (k <= c.length || k === 4) f.push(`c${k}${c.slice(0, k)}`);
        const cp = i > 0 ? cl[i - 1] : undefined;
        const cn = i + 1 < n ? cl[i + 1] : undefined;
        if (cp) f.push(`c-4${cp.slice(0, 4)}`, `c-10${cp.slice(0, 10)}`);
        if (cn) f.push(`c+4${cn.slice(0, 4)}`, `c+10${cn.slice(0, 10)}`);
      }
      if (cfg.docCase && w !== l) f.push(`d${i === 0 ? 1 : 0}${headline}${docCase.get(l) ?? 0}`);
      return f;
    });
  });
  return { words, lower, shortShape: short, features };
}

/**
 * Second-stage features from a first pass over the whole document (Ratinov and Roth's
 * prediction aggregation): the first pass's labels here and at the neighbours (which a
 * greedy left-to-right pass cannot see ahead), and the types it gave the same word elsewhere.
 */
export function aggregateFeatures(
  doc: PreparedDocument,
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
