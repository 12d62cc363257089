// The features that join the words or shapes of neighbouring tokens ("ww-new|york",
// "zz<S>|Xx|x"), filed by the ids of their parts, so that tagging looks them up from the
// parts' ids without building the joined string.
import { PairTable } from './pairs.js';

export class JoinedFeatures {
  /** ww-previous|word, ww+word|next, wz-previous|shape, wz+shape|next. */
  readonly wordBefore = new PairTable();
  readonly wordAfter = new PairTable();
  readonly wordShapeBefore = new PairTable();
  readonly shapeWordAfter = new PairTable();
  /** zzprevious|shape|next: (previous, shape) → a prefix id, then (prefix, next) → id. */
  private readonly shapeTriplePrefix = new PairTable();
  private readonly shapeTriple = new PairTable();
  /** Every word or shape some joined feature has, by its id in the tables. */
  private readonly parts = new Map<string, number>();

  constructor(index: ReadonlyMap<string, number>) {
    for (const [f, id] of index) this.add(f, id);
  }

  /** The id of a word or shape in the tables; -1 when no joined feature has it. */
  part(text: string): number {
    return this.parts.get(text) ?? -1;
  }

  /** The id of zzprevious|shape|next from the parts' ids, or -1. */
  shapes(previous: number, shape: number, next: number): number {
    return this.shapeTriple.get(this.shapeTriplePrefix.get(previous, shape), next);
  }

  private newPart(text: string): number {
    let p = this.parts.get(text);
    if (p === undefined) {
      p = this.parts.size;
      this.parts.set(text, p);
    }
    return p;
  }

  /**
   * Files a feature under every reading of it as a joined feature. Words may contain "|",
   * so "ww-a|b|c" is both (a, b|c) and (a|b, c): each reading is a pair that, joined, gives
   * this very string, so looking up any of them is the same as looking up the string.
   */
  private add(f: string, id: number): void {
    const table = f.startsWith('ww-')
      ? this.wordBefore
      : f.startsWith('ww+')
        ? this.wordAfter
        : f.startsWith('wz-')
          ? this.wordShapeBefore
          : f.startsWith('wz+')
            ? this.shapeWordAfter
            : null;
    if (table) {
      const rest = f.slice(3);
      for (let j = rest.indexOf('|'); j >= 0; j = rest.indexOf('|', j + 1)) {
        table.set(this.newPart(rest.slice(0, j)), this.newPart(rest.slice(j + 1)), id);
      }
      return;
    }
    if (!f.startsWith('zz')) return;
    const rest = f.slice(2);
    for (let j = rest.indexOf('|'); j >= 0; j = rest.indexOf('|', j + 1)) {
      for (let k = rest.indexOf('|', j + 1); k >= 0; k = rest.indexOf('|', k + 1)) {
        const a = this.newPart(rest.slice(0, j));
        const b = this.newPart(rest.slice(j + 1, k));
        let prefix = this.shapeTriplePrefix.get(a, b);
        if (prefix < 0) {
          prefix = this.shapeTriplePrefix.size;
          this.shapeTriplePrefix.set(a, b, prefix);
        }
        this.shapeTriple.set(prefix, this.newPart(rest.slice(k + 1)), id);
      }
    }
  }
}
