// Which stories are worth scoring for a new article: an inverted index from a story's
// most distinctive words and its entities to the story. Lookup cost grows with the posting
// lists touched, not with the number of stories, so the store can grow to 100,000 stories.

/** Stories kept per key: the most recent ones; a key this common picks nothing out anyway. */
const POSTING_CAP = 200;

/** An inverted index from keys (words, "ENT:" entities) to story ids. */
export class CandidateIndex {
  private readonly postings = new Map<string, number[]>();

  /** Files a story under keys; repeats of the latest entry are skipped. */
  add(storyId: number, keys: Iterable<string>): void {
    for (const key of keys) {
      let list = this.postings.get(key);
      if (!list) {
        list = [];
        this.postings.set(key, list);
      }
      if (list.at(-1) === storyId) continue;
      list.push(storyId);
      if (list.length > POSTING_CAP) list.splice(0, list.length - POSTING_CAP);
    }
  }

  /**
   * The stories most keys point at, best first (ties: the newer story), at most `limit`.
   * `resolve` maps a merged-away story id to the story that absorbed it.
   */
  lookup(keys: Iterable<string>, limit: number, resolve: (id: number) => number): number[] {
    const hits = new Map<number, number>();
    for (const key of keys) {
      const seen = new Set<number>();
      for (const raw of this.postings.get(key) ?? []) {
        const id = resolve(raw);
        if (seen.has(id)) continue;
        seen.add(id);
        hits.set(id, (hits.get(id) ?? 0) + 1);
      }
    }
    return [...hits]
      .sort((a, b) => b[1] - a[1] || b[0] - a[0])
      .slice(0, limit)
      .map(([id]) => id);
  }
}
