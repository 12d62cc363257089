// Inverse document frequencies learned from the stream itself: no outside corpus, so a
// deployment's own news decides which words are common. Early in a stream the counts are
// thin; ln(1 + n/df) keeps every weight positive and bounded while they are.

/** Online document counts for one vocabulary (words, or entities). */
export class DocumentFrequencies {
  private readonly df = new Map<string, number>();
  private n = 0;

  /** Counts one article's distinct keys. */
  add(keys: Iterable<string>): void {
    this.n++;
    for (const key of keys) this.df.set(key, (this.df.get(key) ?? 0) + 1);
  }

  /** Articles counted so far. */
  get documents(): number {
    return this.n;
  }

  /** The inverse document frequency of a key; an unseen key counts as seen once. */
  idf(key: string): number {
    return Math.log(1 + Math.max(this.n, 1) / (this.df.get(key) ?? 1));
  }
}
