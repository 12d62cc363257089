// A faithful port of the Article Extraction Benchmark's scorer (evaluate.py): 4-gram token
// shingles with counts, per-page tp/fp/fn normalized to sum 1, precision and recall averaged
// over the pages where each is defined, and F1 as the harmonic mean of the two averages.

/** A page's true positives, false positives and false negatives, summing to 1 (or all 0). */
export type TpFpFn = [number, number, number];

/** Body scores over a set of pages, as evaluate.py reports them. */
export interface AsbMetrics {
  f1: number;
  precision: number;
  recall: number;
}

/**
 * Python's `\w` under re.UNICODE: letters, numbers and `_` (str.isalnum), but not combining
 * marks. Checked code point by code point against Python 3.11; they differ only on
 * characters newer than Python's Unicode tables.
 */
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;
/** evaluate.py's shingle length. */
const NGRAM_N = 4;

/** Splits text into tokens the way evaluate.py's `_tokenize` does. */
export function tokenize(text: string): string[] {
  return text ? (text.match(TOKEN_RE) ?? []) : [];
}

function shingles(text: string, n: number): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + n);
    if (shingle.length === 0) continue;
    // Tokens never hold a space, so joining with one keeps shingles distinct.
    const key = shingle.join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** evaluate.py's `string_shingle_matching`: normalized tp/fp/fn of one page. */
export function matchShingles(truth: string, pred: string, n = NGRAM_N): TpFpFn {
  const t = shingles(truth, n);
  const p = shingles(pred, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [tp, fp, fn];
}

/** evaluate.py's `get_accuracy`: 1 when the token sequences are equal. */
export function exactMatch(truth: string, pred: string): number {
  const a = tokenize(truth);
  const b = tokenize(pred);
  return a.length === b.length && a.every((tok, i) => tok === b[i]) ? 1 : 0;
}

/** Precision of one page, or null where evaluate.py leaves the page out. */
export function pagePrecision([tp, fp, fn]: TpFpFn): number | null {
  if (tp + fp <= 0) return null;
  if (fp === 0 && fn === 0) return 1;
  return tp / (tp + fp);
}

/** Recall of one page, or null where evaluate.py leaves the page out. */
export function pageRecall([tp, fp, fn]: TpFpFn): number | null {
  if (tp + fn <= 0) return null;
  if (fp === 0 && fn === 0) return 1;
  return tp / (tp + fn);
}

/** F1 of one page (for listing the worst pages; evaluate.py has no per-page F1). */
export function pageF1(counts: TpFpFn): number {
  const p = pagePrecision(counts) ?? 0;
  const r = pageRecall(counts) ?? 0;
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** evaluate.py's `metrics_from_tp_fp_fns`. */
export function metricsOf(pages: TpFpFn[]): AsbMetrics {
  const precision = mean(pages.map(pagePrecision).filter((x): x is number => x !== null));
  const recall = mean(pages.map(pageRecall).filter((x): x is number => x !== null));
  return { f1: (2 * precision * recall) / (precision + recall), precision, recall };
}

/** Bootstrap standard deviation of F1 over resampled pages, as evaluate.py estimates it. */
export function bootstrapF1Std(pages: TpFpFn[], rounds = 1000, seed = 1): number {
  let state = seed >>> 0;
  // mulberry32: a small seeded generator, so the figure is the same from run to run.
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const values: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const sample = pages.map(() => pages[Math.floor(random() * pages.length)]!);
    values.push(metricsOf(sample).f1);
  }
  const m = mean(values);
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1));
}
