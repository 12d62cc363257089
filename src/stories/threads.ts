// Threads: a coarser level above stories. A story is one event; a thread links the stories
// of one long-running subject (a company's product launches, a market's swings over years),
// which share what they are about (words and names) but not dates or a publish week. Two
// stories are in one thread when their centroids are close enough, whatever their times;
// threads are the connected groups of such links.

/** One thread: its id (the smallest story id in it) and its stories, oldest first. */
export interface Thread {
  id: number;
  storyIds: number[];
}

/** Groups story ids into threads given the pairs found linked (pure). */
export function groupThreads(
  storyIds: readonly number[],
  links: Iterable<readonly [number, number]>,
): Thread[] {
  const parent = new Map<number, number>(storyIds.map((id) => [id, id]));
  const find = (id: number): number => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let at = id;
    while (at !== root) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  for (const [a, b] of links) {
    if (!parent.has(a) || !parent.has(b)) continue;
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const threads = new Map<number, number[]>();
  for (const id of storyIds) {
    const root = find(id);
    const list = threads.get(root) ?? [];
    list.push(id);
    threads.set(root, list);
  }
  return [...threads].map(([id, ids]) => ({ id, storyIds: ids.sort((a, b) => a - b) }));
}
