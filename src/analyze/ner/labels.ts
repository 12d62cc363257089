// The tagger's label set: BILOU over PER/ORG/LOC/MISC, with the transitions a well-formed
// sequence allows, and conversions to and from BIO.
import { ENTITY_TYPES } from './conll.js';

const POSITIONS = ['B', 'I', 'L', 'U'] as const;

/** BILOU labels; index 0 is O, then B/I/L/U for each type in ENTITY_TYPES order. */
export const LABELS: readonly string[] = [
  'O',
  ...ENTITY_TYPES.flatMap((t) => POSITIONS.map((p) => `${p}-${t}`)),
];
export const N_LABELS = LABELS.length;
/** The pseudo label before the first token of a sentence. */
export const START = N_LABELS;

const LABEL_ID = new Map(LABELS.map((l, i) => [l, i]));

/** A label as the label-history features write it: "B-PER", "O", or "S" for START. */
export function labelName(label: number): string {
  return label === START ? 'S' : LABELS[label]!;
}

/** The entity types (typeOf) as the document-history features write them. */
export const TYPE_NAMES: readonly string[] = ENTITY_TYPES.map((t) => t.charAt(0));

/**
 * The document-history features of a word seen earlier in the document: one per entity
 * type it was tagged as (`hP`), and the type it was tagged as most (`hmP1`, or `hmP0`).
 */
export function historyFeatures(seen: ArrayLike<number>): string[] {
  const out: string[] = [];
  let best = 0;
  for (let t = 0; t < TYPE_NAMES.length; t++) {
    if (seen[t]! > 0) out.push(`h${TYPE_NAMES[t]}`);
    if (seen[t]! > seen[best]!) best = t;
  }
  out.push(`hm${TYPE_NAMES[best]}${seen[best]! > 0 ? 1 : 0}`);
  return out;
}

/** The entity type index (0..3) of a label id, or -1 for O. */
export function typeOf(label: number): number {
  return label === 0 || label === START ? -1 : (label - 1) >> 2;
}

/** True for B- and I- labels: the entity must continue on the next token. */
function isOpen(label: number): boolean {
  if (label === 0 || label === START) return false;
  const pos = (label - 1) & 3;
  return pos === 0 || pos === 1;
}

function allowedAfter(prev: number, last: boolean): Int32Array {
  const out: number[] = [];
  for (let l = 0; l < N_LABELS; l++) {
    const pos = l === 0 ? -1 : (l - 1) & 3;
    const continues = pos === 1 || pos === 2;
    if (isOpen(prev)) {
      if (continues && typeOf(l) === typeOf(prev) && (!last || pos === 2)) out.push(l);
    } else if (!continues && (!last || pos !== 0)) out.push(l);
  }
  return Int32Array.from(out);
}

/** ALLOWED[prev * 2 + (isLastToken ? 1 : 0)]: the labels a well-formed sequence permits. */
export const ALLOWED: Int32Array[] = [];
for (let prev = 0; prev <= START; prev++) {
  ALLOWED.push(allowedAfter(prev, false), allowedAfter(prev, true));
}

/** BIO (IOB2) labels of one sentence → BILOU label ids. */
export function bioToBilou(labels: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (label === 'O') {
      out.push(0);
      continue;
    }
    const type = label.slice(2);
    const next = labels[i + 1];
    const endsHere = next !== `I-${type}`;
    const pos = label.startsWith('B-') ? (endsHere ? 'U' : 'B') : endsHere ? 'L' : 'I';
    out.push(LABEL_ID.get(`${pos}-${type}`) ?? 0);
  }
  return out;
}

/** BILOU label ids → BIO labels; a stray continuation starts a new entity. */
export function bilouToBio(ids: readonly number[]): string[] {
  const out: string[] = [];
  let prevType = -1;
  for (const id of ids) {
    const t = typeOf(id);
    if (t < 0) {
      out.push('O');
      prevType = -1;
      continue;
    }
    const pos = (id - 1) & 3;
    const begins = pos === 0 || pos === 3 || prevType !== t;
    out.push(`${begins ? 'B' : 'I'}-${ENTITY_TYPES[t]}`);
    prevType = pos === 2 || pos === 3 ? -1 : t;
  }
  return out;
}
