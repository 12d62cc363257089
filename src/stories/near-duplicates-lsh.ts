// LSH banding over MinHash signatures in flat typed arrays, so 100,000 articles cost tens of
// megabytes and no per-article objects. Articles live in a ring of `capacity` slots by
// arrival number (seq); every bucket chains its articles newest first through `next`, so an
// evicted article is simply the point where a walk stops: no clean-up on eviction.

/** Articles looked at per bucket: a bucket this full is one big group, and its newest members stand for it. */
const MAX_CHAIN = 64;

function nextPowerOfTwo(n: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(2, n)));
}

/** A banded LSH table with the signatures it needs to verify candidates. */
export class LshTable {
  private readonly heads: Int32Array;
  private readonly mask: number;
  private readonly next: Int32Array;
  // The low 16 bits of each MinHash value ("b-bit MinHash"): halves memory, and a chance
  // agreement of 1/65536 per value moves the Jaccard estimate by less than 0.0001.
  private readonly signatures: Uint16Array;
  private readonly seen: Int32Array;
  private queryCount = 0;

  constructor(
    readonly capacity: number,
    readonly bands: number,
    readonly rows: number,
    readonly signatureSize: number,
  ) {
    if (bands * rows > signatureSize) throw new RangeError('bands × rows exceeds the signature');
    // About two chain entries per bucket: chains stay short without a table per band.
    const buckets = nextPowerOfTwo((capacity * bands) / 2);
    this.heads = new Int32Array(buckets).fill(-1);
    this.mask = buckets - 1;
    this.next = new Int32Array(capacity * bands);
    this.signatures = new Uint16Array(capacity * signatureSize);
    this.seen = new Int32Array(capacity).fill(-1);
  }

  private bucket(signature: Uint32Array, band: number): number {
    let h = Math.imul(band + 1, 0x9e3779b1);
    for (let r = band * this.rows, end = r + this.rows; r < end; r++) {
      h = Math.imul(h ^ signature[r]!, 0x85ebca6b);
      h ^= h >>> 13;
    }
    return (h >>> 0) & this.mask;
  }

  /** Files article `seq` (the next arrival number; its slot's previous article is overwritten). */
  insert(seq: number, signature: Uint32Array): void {
    const slot = seq % this.capacity;
    const base = slot * this.signatureSize;
    for (let i = 0; i < this.signatureSize; i++) this.signatures[base + i] = signature[i]! & 0xffff;
    for (let band = 0; band < this.bands; band++) {
      const b = this.bucket(signature, band);
      this.next[slot * this.bands + band] = this.heads[b]!;
      this.heads[b] = seq;
    }
  }

  /**
   * Calls `visit` once for every stored article (arrival number ≥ `oldest`) sharing a band
   * bucket with the signature, with the share of equal MinHash values: the Jaccard estimate.
   */
  candidates(
    signature: Uint32Array,
    oldest: number,
    visit: (seq: number, jaccard: number) => void,
  ): void {
    const stamp = this.queryCount++;
    const low = new Uint16Array(this.signatureSize);
    for (let i = 0; i < this.signatureSize; i++) low[i] = signature[i]! & 0xffff;
    for (let band = 0; band < this.bands; band++) {
      let seq = this.heads[this.bucket(signature, band)]!;
      for (let steps = 0; seq >= 0 && seq >= oldest && steps < MAX_CHAIN; steps++) {
        const slot = seq % this.capacity;
        if (this.seen[slot] !== stamp) {
          this.seen[slot] = stamp;
          const base = slot * this.signatureSize;
          let equal = 0;
          for (let i = 0; i < this.signatureSize; i++) {
            if (this.signatures[base + i] === low[i]) equal++;
          }
          visit(seq, equal / this.signatureSize);
        }
        seq = this.next[slot * this.bands + band]!;
      }
    }
  }
}
