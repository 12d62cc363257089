// Inverse document frequencies learned from the stream itself: no outside corpus, so a
// deployment's own news decides which words are common. Early in a stream the counts are
// thin; ln(1 + n/df) keeps every weight positive and bounded while they are.

/** Online document counts for one vocabulary (words, or entities). */
export class DocumentFrequencies {
  /** Key → a small integer id, the index of its count. */
  private readonly ids = new Map<string, number>();
  private readonly counts: number[] = [];
  private n = 0;

  /** Counts one article's distinct keys. */
  add(keys: Iterable<string>): void {
    this.n++;
    for (const key of keys) this.counts[this.idOf(key)]!++;
  }

  /** The key's id, stable for this vocabulary (a new key gets the next one, counted 0 times). */
  idOf(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.counts.length;
      this.ids.set(key, id);
      this.counts.push(0);
    }
    return id;
  }

  /** Articles counted so far. */
  get documents(): number {
    return this.n;
  }

  /** The inverse document frequency of a key; an unseen key counts as seen once. */
  idf(key: string): number {
    const id = this.ids.get(key);
    return this.idfOf(id === undefined ? -1 : id);
  }

  /** The inverse document frequency of a key by its id (-1: unseen). */
  idfOf(id: number): number {
    return Math.log(1 + Math.max(this.n, 1) / Math.max(this.counts[id] ?? 1, 1));
  }
}
