// A hash table from pairs of small non-negative ints to ints, on one typed array: the lookups
// of joined features ("ww-new|york" as the pair of the ids of "new" and "york") allocate
// nothing, where a Map<string, number> would need the joined string built and hashed. A
// slot's key and value sit side by side, so a lookup reads one cache line.

const EMPTY = -1;
/** Ints per slot: first, second, value. */
const SLOT = 3;

export class PairTable {
  private slots: Int32Array;
  /** Slot count − 1 (the count is a power of two). */
  private mask: number;
  private count = 0;

  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity * SLOT).fill(EMPTY);
  }

  get size(): number {
    return this.count;
  }

  /** The index in slots of (a, b)'s slot, or of the empty slot where it would go. */
  private find(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
    h ^= h >>> 15;
    const { slots, mask } = this;
    let i = h & mask;
    while (slots[i * SLOT] !== EMPTY && (slots[i * SLOT] !== a || slots[i * SLOT + 1] !== b)) {
      i = (i + 1) & mask;
    }
    return i * SLOT;
  }

  /** The value of (a, b), or -1; a or b negative (an unknown part) is never found. */
  get(a: number, b: number): number {
    if (a < 0 || b < 0) return EMPTY;
    const at = this.find(a, b);
    return this.slots[at] === EMPTY ? EMPTY : this.slots[at + 2]!;
  }

  /** Sets (a, b) to a value (a, b ≥ 0). */
  set(a: number, b: number, value: number): void {
    if (this.count * 2 >= this.mask) this.grow();
    const at = this.find(a, b);
    if (this.slots[at] === EMPTY) this.count++;
    this.slots[at] = a;
    this.slots[at + 1] = b;
    this.slots[at + 2] = value;
  }

  private grow(): void {
    const old = this.slots;
    this.mask = (this.mask + 1) * 2 - 1;
    this.slots = new Int32Array((this.mask + 1) * SLOT).fill(EMPTY);
    this.count = 0;
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at] !== EMPTY) this.set(old[at]!, old[at + 1]!, old[at + 2]!);
    }
  }
}
