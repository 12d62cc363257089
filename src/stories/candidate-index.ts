// Which stories are worth scoring for a new article: an inverted index from a story's
// most distinctive words and its entities to the story. Lookup cost grows with the posting
// lists touched, not with the number of stories, so the store can grow to 100,000 stories.

/** Stories kept per key: the most recently filed ones; a key this common picks nothing out
 * anyway, and a bounded list keeps lookups as fast at 100,000 articles as at 1,000. */
const POSTING_CAP = 200;

/** Whether a story found in the index may be a candidate now. */
export type Reach = 'keep' | 'skip' | 'evict';

/** An inverted index from keys (words, "ENT:" entities) to story ids. */
export class CandidateIndex {
  /** Per key, its distinct stories in the order last filed (a Map keeps insertion order). */
  private readonly postings = new Map<string, Map<number, true>>();

  /** Files a story under keys; a story filed again moves to the recent end. */
  add(storyId: number, keys: Iterable<string>): void {
    for (const key of keys) {
      let list = this.postings.get(key);
      if (!list) {
        list = new Map();
        this.postings.set(key, list);
      }
      list.delete(storyId);
      list.set(storyId, true);
      if (list.size > POSTING_CAP) list.delete(list.keys().next().value!);
    }
  }

  /**
   * The stories most keys point at, best first (ties: the newer story), at most `limit`.
   * `resolve` maps a merged-away story id to the story that absorbed it; `reach` says of
   * each (resolved) story whether it may be returned ('keep'), is out of reach this time
   * ('skip'), or for good ('evict': it is dropped from the lists it was met in, so a store
   * of many years does not scan its past on every lookup).
   */
  lookup(
    keys: Iterable<string>,
    limit: number,
    resolve: (id: number) => number,
    reach: (id: number) => Reach = () => 'keep',
  ): number[] {
    const hits = new Map<number, number>();
    const reached = new Map<number, Reach>();
    for (const key of keys) {
      const list = this.postings.get(key);
      if (!list) continue;
      const seen = new Set<number>();
      for (const raw of list.keys()) {
        const id = resolve(raw);
        let r = reached.get(id);
        if (r === undefined) {
          r = reach(id);
          reached.set(id, r);
        }
        if (r === 'evict') list.delete(raw);
        if (r !== 'keep' || seen.has(id)) continue;
        seen.add(id);
        hits.set(id, (hits.get(id) ?? 0) + 1);
      }
      if (list.size === 0) this.postings.delete(key);
    }
    return [...hits]
      .sort((a, b) => b[1] - a[1] || b[0] - a[0])
      .slice(0, limit)
      .map(([id]) => id);
  }
}
