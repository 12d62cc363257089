// CoNLL-2003 files: reading documents, IOB1/IOB2 → BIO conversion, entity spans and the
// conlleval exact-match score. Pure except readConll, which takes the file's text.

/** An entity type the tagger knows. */
export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** One sentence: its tokens and their gold labels (BIO, i.e. IOB2). */
export interface ConllSentence {
  words: string[];
  labels: string[];
}

/** A -DOCSTART- document: its sentences in order. */
export interface ConllDocument {
  sentences: ConllSentence[];
}

/** An entity span over token indices [start, end) of one sentence. */
export interface TokenSpan {
  start: number;
  end: number;
  type: string;
}

/** Parses CoNLL text (word POS chunk NER per line) into documents, labels converted to BIO. */
export function parseConll(text: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument | null = null;
  let words: string[] = [];
  let labels: string[] = [];
  const flush = (): void => {
    if (words.length === 0) return;
    if (!doc) {
      doc = { sentences: [] };
      docs.push(doc);
    }
    doc.sentences.push({ words, labels: toIob2(labels) });
    words = [];
    labels = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      flush();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      flush();
      doc = { sentences: [] };
      docs.push(doc);
      continue;
    }
    words.push(cols[0]!);
    labels.push(cols[cols.length - 1]!);
  }
  flush();
  return docs.filter((d) => d.sentences.length > 0);
}

/** Converts IOB1 (I- starts an entity unless it continues one of the same type) to IOB2. */
export function toIob2(labels: readonly string[]): string[] {
  const out: string[] = [];
  let prev = 'O';
  for (const label of labels) {
    if (label.startsWith('I-')) {
      const type = label.slice(2);
      const continues = prev !== 'O' && prev.slice(2) === type;
      out.push(continues ? label : `B-${type}`);
    } else out.push(label);
    prev = out[out.length - 1]!;
  }
  return out;
}

/** The entity spans of a BIO label sequence (a stray I- starts a span, as conlleval does). */
export function spansOf(labels: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let cur = null as TokenSpan | null;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    const type = label === 'O' ? '' : label.slice(2);
    const starts = label.startsWith('B-') || (label.startsWith('I-') && cur?.type !== type);
    if (cur && (label === 'O' || starts)) {
      cur.end = i;
      spans.push(cur);
      cur = null;
    }
    if (starts) cur = { start: i, end: i + 1, type };
  }
  if (cur) {
    cur.end = labels.length;
    spans.push(cur);
  }
  return spans;
}

/** Precision, recall and F1 in percent, as conlleval prints them. */
export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** The conlleval score: overall and per type. */
export interface NerScore extends Prf {
  perType: Record<string, Prf>;
}

function prf(tp: number, predicted: number, gold: number): Prf {
  const precision = predicted ? (100 * tp) / predicted : 0;
  const recall = gold ? (100 * tp) / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Exact-match entity P/R/F1 over sentences of gold and predicted BIO labels. */
export function scoreEntities(gold: readonly string[][], predicted: readonly string[][]): NerScore {
  const counts = new Map<string, { tp: number; p: number; g: number }>();
  const bump = (type: string, key: 'tp' | 'p' | 'g'): void => {
    for (const t of [type, '']) {
      const c = counts.get(t) ?? { tp: 0, p: 0, g: 0 };
      c[key]++;
      counts.set(t, c);
    }
  };
  for (let s = 0; s < gold.length; s++) {
    const g = spansOf(gold[s]!);
    const p = spansOf(predicted[s] ?? []);
    const goldKeys = new Set(g.map((x) => `${x.start}:${x.end}:${x.type}`));
    for (const x of g) bump(x.type, 'g');
    for (const x of p) {
      bump(x.type, 'p');
      if (goldKeys.has(`${x.start}:${x.end}:${x.type}`)) bump(x.type, 'tp');
    }
  }
  const all = counts.get('') ?? { tp: 0, p: 0, g: 0 };
  const perType: Record<string, Prf> = {};
  for (const [type, c] of [...counts].sort()) if (type) perType[type] = prf(c.tp, c.p, c.g);
  return { ...prf(all.tp, all.p, all.g), perType };
}
