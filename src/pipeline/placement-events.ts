// On PostgreSQL, workers (maybe on other machines) place articles in stories, so the
// server's event bus hears nothing from them. The server reads the new placements from
// the store instead, every few seconds, and announces them to its browsers.
import { sleep } from '../core/sleep.js';
import type { Store } from '../store/index.js';
import type { EventBus } from './events.js';

/** Placements read per look: more than a few seconds of the fastest pipeline places. */
const PAGE = 2_000;

/** Announces placements made after the server started, until the signal aborts. */
export async function announcePlacements(
  store: Store,
  events: EventBus,
  signal: AbortSignal,
  intervalMs = 3_000,
): Promise<void> {
  let cursor = (await store.watches.latestPlacement()) ?? '';
  while (!signal.aborted) {
    await sleep(intervalMs, signal);
    if (signal.aborted) break;
    try {
      const placed = await store.stories.placedAfter(cursor, PAGE);
      if (placed.length === 0) continue;
      cursor = placed.at(-1)!.addedAt;
      events.emit({ type: 'articles', ids: placed.map((p) => p.articleId) });
      events.emit({ type: 'stories', ids: [...new Set(placed.map((p) => p.storyId))] });
    } catch {
      // The next look tries again; a lost connection is the pool's to restore.
    }
  }
}
