// What follows every ingest, wherever it came from (API, web forms, the feed watcher):
// analysis, stories, watch matching, and announcing what changed on the event bus.
import type { Store } from '../store/index.js';
import type { PipelineContext } from './context.js';
import { processPending } from './process.js';
import type { PlacementChanges } from './stories.js';
import { matchWatches } from './watches.js';

export type AfterIngestContext = Pick<PipelineContext, 'store'> &
  Partial<Pick<PipelineContext, 'log' | 'onProgress' | 'events' | 'queue'>>;

export interface AfterIngestResult {
  analyzed: number;
  placed: number;
  matched: number;
}

// Runs are queued per store: two overlapping runs (an API upload while the feed watcher
// polls) would pick up the same pending articles and place them twice.
const queues = new WeakMap<Store, Promise<unknown>>();

/** Analyzes and places pending articles, matches watches, and emits what changed. */
export function afterIngest(ctx: AfterIngestContext): Promise<AfterIngestResult> {
  const previous = queues.get(ctx.store) ?? Promise.resolve();
  const run = previous.then(
    () => runOnce(ctx),
    () => runOnce(ctx),
  );
  queues.set(ctx.store, run);
  return run;
}

async function runOnce(ctx: AfterIngestContext): Promise<AfterIngestResult> {
  const changes: PlacementChanges = { articleIds: [], storyIds: new Set() };
  // With a job queue, workers analyze and place; here only the watches are matched.
  const { analyzed, placed } = ctx.queue
    ? { analyzed: 0, placed: 0 }
    : await processPending(ctx, changes);
  ctx.events?.emit({ type: 'articles', ids: changes.articleIds });
  ctx.events?.emit({ type: 'stories', ids: [...changes.storyIds] });
  // Matching announces the watches it fed itself (its own `watches` event).
  const { matched } = await matchWatches(ctx);
  return { analyzed, placed, matched };
}
