// Brown clustering (Brown et al. 1992) in the windowed form of Liang (2005): words enter in
// order of frequency, at most C+1 clusters are active, and each step merges the pair whose
// merge loses the least average mutual information between adjacent clusters. Once every
// word is in, the C clusters are merged down to one, and that merge tree gives each cluster
// its bit string. Pure: sentences in, clusters out.

/** Counts below this have their logarithm looked up: Math.log dominated the profile. */
const LOG_TABLE_SIZE = 1 << 20;
const LOG_TABLE = new Float64Array(LOG_TABLE_SIZE);
for (let c = 1; c < LOG_TABLE_SIZE; c++) LOG_TABLE[c] = Math.log(c);

/** The natural log of a positive whole count. */
function logCount(c: number): number {
  return c < LOG_TABLE_SIZE ? LOG_TABLE[c]! : Math.log(c);
}

/** What the caller chooses: the window of active clusters and the rarest word kept. */
export interface BrownOptions {
  clusters: number;
  minCount: number;
  /** Called now and then with the number of words placed so far and the vocabulary size. */
  onProgress?: (placed: number, total: number) => void;
  /** Recomputes every loss from scratch after each step and throws on drift (tests only). */
  verify?: boolean;
}

/** One line of Percy Liang's wcluster output: the cluster's path, the word and its count. */
export interface WordCluster {
  bits: string;
  word: string;
  count: number;
}

/** Counts and bigrams of the kept words, in ids ordered by falling frequency. */
interface Corpus {
  words: string[];
  counts: number[];
  /** Per word: [neighbour id, count, …] of the words that follow it. */
  right: number[][];
  /** Per word: [neighbour id, count, …] of the words that precede it. */
  left: number[][];
  leftTotal: Float64Array;
  rightTotal: Float64Array;
  bigrams: number;
}

/** Counts words, keeps those seen minCount times, and gathers bigrams between kept words. */
export function countCorpus(sentences: Iterable<readonly string[]>, minCount: number): Corpus {
  const freq = new Map<string, number>();
  const kept: (readonly string[])[] = [];
  for (const sentence of sentences) {
    kept.push(sentence);
    for (const w of sentence) freq.set(w, (freq.get(w) ?? 0) + 1);
  }
  const words = [...freq.entries()]
    .filter(([, c]) => c >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([w]) => w);
  const id = new Map(words.map((w, i) => [w, i]));
  const n = words.length;
  const pairs = new Map<number, number>();
  for (const sentence of kept) {
    let prev = -1;
    for (const w of sentence) {
      const cur = id.get(w) ?? -1;
      if (prev >= 0 && cur >= 0) {
        const key = prev * n + cur;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
      prev = cur;
    }
  }
  const right: number[][] = words.map(() => []);
  const left: number[][] = words.map(() => []);
  const leftTotal = new Float64Array(n);
  const rightTotal = new Float64Array(n);
  let bigrams = 0;
  for (const key of [...pairs.keys()].sort((a, b) => a - b)) {
    const c = pairs.get(key)!;
    const a = Math.floor(key / n);
    const b = key - a * n;
    right[a]!.push(b, c);
    left[b]!.push(a, c);
    leftTotal[a]! += c;
    rightTotal[b]! += c;
    bigrams += c;
  }
  return { words, counts: words.map((w) => freq.get(w)!), right, left, leftTotal, rightTotal, bigrams };
}

/** Clusters the words of the sentences and returns one line per kept word, sorted by path. */
export function trainBrownClusters(
  sentences: Iterable<readonly string[]>,
  opts: BrownOptions,
): WordCluster[] {
  const corpus = countCorpus(sentences, opts.minCount);
  const n = corpus.words.length;
  const state = new ClusterWindow(Math.min(opts.clusters, n), corpus);
  const members: number[][] = [];
  const tree: { left: number; right: number }[] = [];
  for (let w = 0; w < n; w++) {
    const slot = state.add(w);
    members[slot] = [w];
    if (state.size() > opts.clusters) {
      const [a, b] = state.bestPair();
      state.merge(a, b);
      const into = members[a]!;
      for (const m of members[b]!) into.push(m);
      members[b] = [];
    }
    if (opts.verify) state.verify();
    if (opts.onProgress && (w % 1000 === 999 || w === n - 1)) opts.onProgress(w + 1, n);
  }
  // Leaves of the merge tree are the final clusters; internal nodes follow them.
  const nodeOf = new Int32Array(state.slots).fill(-1);
  const leaves: number[][] = [];
  for (const s of state.activeSlots()) {
    nodeOf[s] = leaves.length;
    leaves.push(members[s]!);
  }
  while (state.size() > 1) {
    const [a, b] = state.bestPair();
    state.merge(a, b);
    if (opts.verify) state.verify();
    tree.push({ left: nodeOf[a]!, right: nodeOf[b]! });
    nodeOf[a] = leaves.length + tree.length - 1;
  }
  const bits = new Array<string>(leaves.length + tree.length).fill('');
  for (let t = tree.length - 1; t >= 0; t--) {
    const node = tree[t]!;
    const path = bits[leaves.length + t]!;
    bits[node.left] = `${path}0`;
    bits[node.right] = `${path}1`;
  }
  const out: WordCluster[] = [];
  leaves.forEach((ws, leaf) => {
    for (const w of ws) {
      out.push({ bits: bits[leaf] || '0', word: corpus.words[w]!, count: corpus.counts[w]! });
    }
  });
  return out.sort(
    (x, y) =>
      (x.bits < y.bits ? -1 : x.bits > y.bits ? 1 : 0) ||
      y.count - x.count ||
      (x.word < y.word ? -1 : x.word > y.word ? 1 : 0),
  );
}

/** Formats clusters as wcluster lines: bitstring TAB word TAB count. */
export function formatClusters(clusters: readonly WordCluster[]): string {
  return clusters.map((c) => `${c.bits}\t${c.word}\t${c.count}\n`).join('');
}

/**
 * The active clusters and the loss of merging each pair. Probabilities are kept as raw
 * counts: with N bigrams, q(x,y) = c·(log c + log N − log left(x) − log right(y)) is N times
 * the mutual-information term, and a constant factor does not change which merge is best.
 * Marginals come from all bigrams of the word, so adding a word never changes old clusters'.
 */
class ClusterWindow {
  readonly slots: number;
  private readonly p: Float64Array; // bigram counts between slots, row = left cluster
  private readonly q: Float64Array; // mutual-information term of each slot pair
  private readonly loss: Float64Array; // loss of merging s < t, at s * slots + t
  private readonly lTot: Float64Array;
  private readonly rTot: Float64Array;
  private readonly logL: Float64Array;
  private readonly logR: Float64Array;
  private readonly slotOfWord: Int32Array;
  private readonly active: Uint8Array;
  private readonly near: Uint8Array; // slots with a bigram to or from the word being added
  private readonly free: number[] = [];
  private list: number[] = [];
  private readonly logN: number;

  constructor(
    clusters: number,
    private readonly corpus: Corpus,
  ) {
    const s = clusters + 1;
    this.slots = s;
    this.p = new Float64Array(s * s);
    this.q = new Float64Array(s * s);
    this.loss = new Float64Array(s * s);
    this.lTot = new Float64Array(s);
    this.rTot = new Float64Array(s);
    this.logL = new Float64Array(s);
    this.logR = new Float64Array(s);
    this.slotOfWord = new Int32Array(corpus.words.length).fill(-1);
    this.active = new Uint8Array(s);
    this.near = new Uint8Array(s);
    for (let i = s - 1; i >= 0; i--) this.free.push(i);
    this.logN = Math.log(Math.max(corpus.bigrams, 1));
  }

  size(): number {
    return this.list.length;
  }

  activeSlots(): number[] {
    return [...this.list];
  }

  /** Places word w in a free slot as a cluster of its own; returns the slot. */
  add(w: number): number {
    const x = this.free.pop()!;
    const { p, slots: S } = this;
    const { right, left } = this.corpus;
    this.slotOfWord[w] = x;
    const near = this.near;
    near.fill(0);
    const r = right[w]!;
    for (let i = 0; i < r.length; i += 2) {
      const u = this.slotOfWord[r[i]!]!;
      if (u < 0) continue;
      p[x * S + u]! += r[i + 1]!;
      near[u] = 1;
    }
    const l = left[w]!;
    for (let i = 0; i < l.length; i += 2) {
      if (l[i] === w) continue; // the self-bigram came in with the right neighbours
      const u = this.slotOfWord[l[i]!]!;
      if (u < 0) continue;
      p[u * S + x]! += l[i + 1]!;
      near[u] = 1;
    }
    near[x] = 0;
    this.setMarginals(x, this.corpus.leftTotal[w]!, this.corpus.rightTotal[w]!);
    this.fillQ(x);
    // Old pairs gain the term for the new cluster; it is zero unless s or t touches it.
    const list = this.list;
    for (let i = 0; i < list.length; i++) {
      const s = list[i]!;
      for (let j = i + 1; j < list.length; j++) {
        const t = list[j]!;
        if (near[s] === 0 && near[t] === 0) continue;
        const logL = logCount(this.lTot[s]! + this.lTot[t]!);
        const logR = logCount(this.rTot[s]! + this.rTot[t]!);
        this.loss[s < t ? s * S + t : t * S + s]! += this.term(s, t, x, logL, logR);
      }
    }
    this.active[x] = 1;
    list.push(x);
    const adjacent = list.filter((u) => near[u] === 1);
    for (const s of list) if (s !== x) this.setSparseLoss(s, x, adjacent);
    return x;
  }

  /**
   * The loss of merging s with a new cluster x, in O(neighbours of x): for a third cluster u
   * that never touches x, the merge only rescales the marginal in q(s,u) and q(u,s), so
   * those terms sum to (log of the grown marginal − log of the old) × s's row or column sum.
   */
  private setSparseLoss(s: number, x: number, adjacent: readonly number[]): void {
    const { p, slots: S } = this;
    const logL = logCount(this.lTot[s]! + this.lTot[x]!);
    const logR = logCount(this.rTot[s]! + this.rTot[x]!);
    const self = p[s * S + s]! + p[s * S + x]! + p[x * S + s]! + p[x * S + x]!;
    const q = this.q;
    let total =
      q[s * S + s]! + q[x * S + x]! + q[s * S + x]! + q[x * S + s]! - this.qf(self, logL, logR);
    let row = 0;
    let col = 0;
    for (const u of this.list) {
      if (u === s || u === x || this.near[u] === 1) continue;
      row += p[s * S + u]!;
      col += p[u * S + s]!;
    }
    total += row * (logL - this.logL[s]!) + col * (logR - this.logR[s]!);
    for (const u of adjacent) if (u !== s) total += this.term(s, x, u, logL, logR);
    this.loss[s < x ? s * S + x : x * S + s] = total;
  }

  /** The active pair (a, b) whose merge loses the least mutual information. */
  bestPair(): [number, number] {
    const { list, loss, slots: S } = this;
    let best = Number.POSITIVE_INFINITY;
    let pair: [number, number] = [-1, -1];
    for (let i = 0; i < list.length; i++) {
      const s = list[i]!;
      for (let j = i + 1; j < list.length; j++) {
        const t = list[j]!;
        const v = s < t ? loss[s * S + t]! : loss[t * S + s]!;
        if (v < best) {
          best = v;
          pair = s < t ? [s, t] : [t, s];
        }
      }
    }
    return pair;
  }

  /** Merges cluster b into cluster a and frees b's slot. */
  merge(a: number, b: number): void {
    const { p, q, loss, slots: S } = this;
    const others = this.list.filter((s) => s !== a && s !== b);
    this.updateOthers(others, a, b, -1);
    const paa = p[a * S + a]! + p[a * S + b]! + p[b * S + a]! + p[b * S + b]!;
    for (const u of others) {
      p[a * S + u]! += p[b * S + u]!;
      p[u * S + a]! += p[u * S + b]!;
    }
    p[a * S + a] = paa;
    for (let u = 0; u < S; u++) {
      p[b * S + u] = 0;
      p[u * S + b] = 0;
      q[b * S + u] = 0;
      q[u * S + b] = 0;
      const [lo, hi] = u < b ? [u, b] : [b, u];
      loss[lo * S + hi] = 0;
    }
    this.setMarginals(a, this.lTot[a]! + this.lTot[b]!, this.rTot[a]! + this.rTot[b]!);
    this.setMarginals(b, 0, 0);
    this.active[b] = 0;
    this.list = this.list.filter((s) => s !== b);
    this.free.push(b);
    this.fillQ(a);
    this.updateOthers(others, a, -1, 1);
    for (const s of others) this.setFullLoss(s, a);
  }

  /** Throws when an incrementally kept loss has drifted from its definition. */
  verify(): void {
    const { list, loss, slots: S } = this;
    for (const s of list) {
      for (const t of list) {
        if (s >= t) continue;
        const want = this.fullLoss(s, t);
        const got = loss[s * S + t]!;
        if (Math.abs(want - got) > 1e-6 * (1 + Math.abs(want))) {
          throw new Error(`brown: loss of (${s},${t}) is ${got}, expected ${want}`);
        }
      }
    }
  }

  /** Adds sign × (term of u=a, plus term of u=b if b ≥ 0) to the loss of each pair of others. */
  private updateOthers(others: readonly number[], a: number, b: number, sign: number): void {
    const { loss, slots: S } = this;
    const sorted = [...others].sort((x, y) => x - y);
    for (let i = 0; i < sorted.length; i++) {
      const s = sorted[i]!;
      for (let j = i + 1; j < sorted.length; j++) {
        const t = sorted[j]!;
        const logL = logCount(this.lTot[s]! + this.lTot[t]!);
        const logR = logCount(this.rTot[s]! + this.rTot[t]!);
        let d = this.term(s, t, a, logL, logR);
        if (b >= 0) d += this.term(s, t, b, logL, logR);
        loss[s * S + t]! += sign * d;
      }
    }
  }

  private setMarginals(x: number, l: number, r: number): void {
    this.lTot[x] = l;
    this.rTot[x] = r;
    this.logL[x] = l > 0 ? logCount(l) : 0;
    this.logR[x] = r > 0 ? logCount(r) : 0;
  }

  /** Recomputes the q terms in row and column x against every active slot. */
  private fillQ(x: number): void {
    const { p, q, slots: S, logL, logR } = this;
    for (const u of this.list) {
      q[x * S + u] = this.qf(p[x * S + u]!, logL[x]!, logR[u]!);
      q[u * S + x] = this.qf(p[u * S + x]!, logL[u]!, logR[x]!);
    }
    q[x * S + x] = this.qf(p[x * S + x]!, logL[x]!, logR[x]!);
  }

  private qf(c: number, logLeft: number, logRight: number): number {
    return c > 0 ? c * (logCount(c) + this.logN - logLeft - logRight) : 0;
  }

  /**
   * What the link between third cluster u and the pair s, t loses when s and t merge; logL
   * and logR are the logs of the pair's summed marginals.
   */
  private term(s: number, t: number, u: number, logL: number, logR: number): number {
    const { p, q, slots: S } = this;
    const su = p[s * S + u]!;
    const tu = p[t * S + u]!;
    const us = p[u * S + s]!;
    const ut = p[u * S + t]!;
    if (su === 0 && tu === 0 && us === 0 && ut === 0) return 0;
    const before = q[s * S + u]! + q[t * S + u]! + q[u * S + s]! + q[u * S + t]!;
    return before - this.qf(su + tu, logL, this.logR[u]!) - this.qf(us + ut, this.logL[u]!, logR);
  }

  private fullLoss(s: number, t: number): number {
    const { p, q, slots: S } = this;
    const logL = logCount(this.lTot[s]! + this.lTot[t]!);
    const logR = logCount(this.rTot[s]! + this.rTot[t]!);
    const self = p[s * S + s]! + p[s * S + t]! + p[t * S + s]! + p[t * S + t]!;
    let total =
      q[s * S + s]! + q[t * S + t]! + q[s * S + t]! + q[t * S + s]! - this.qf(self, logL, logR);
    for (const u of this.list) if (u !== s && u !== t) total += this.term(s, t, u, logL, logR);
    return total;
  }

  private setFullLoss(s: number, t: number): void {
    const [lo, hi] = s < t ? [s, t] : [t, s];
    this.loss[lo * this.slots + hi] = this.fullLoss(lo, hi);
  }
}
