// The stages that follow ingestion, in order: analysis, then stories. Each resumes by
// itself after a crash (analysis by version, stories by placement).
import { ANALYZER_VERSION } from '../analyze/index.js';
import { analyzePending } from './analyze.js';
import type { PipelineContext } from './context.js';
import { assignStories, type PlacementChanges } from './stories.js';

/** Analysis jobs sent per round when the work goes to the queue. */
const QUEUE_BATCH = 1000;

/**
 * Analyzes pending articles, then places them in stories; `changes` collects what moved.
 * With a job queue (PostgreSQL), workers do both: the pending articles are sent to them,
 * since a second process placing articles would race the workers' story assigner.
 */
export async function processPending(
  ctx: Pick<PipelineContext, 'store'> &
    Partial<Pick<PipelineContext, 'log' | 'onProgress' | 'queue'>>,
  changes?: PlacementChanges,
): Promise<{ analyzed: number; placed: number; queued: number }> {
  const { store, queue } = ctx;
  if (queue) {
    let queued = 0;
    let after = 0;
    for (;;) {
      const ids = await store.articles.idsNeedingAnalysis(ANALYZER_VERSION, QUEUE_BATCH, after);
      if (ids.length === 0) break;
      await queue.send(
        store.kysely,
        'analyze',
        ids.map((articleId) => ({ articleId })),
      );
      queued += ids.length;
      after = ids.at(-1)!;
    }
    await queue.requestClustering();
    return { analyzed: 0, placed: 0, queued };
  }
  const analyzed = await analyzePending(ctx);
  const placed = await assignStories(ctx, changes);
  // On PostgreSQL, analysis logged its entity count changes (see migration 010).
  await store.entities.foldCountChanges();
  return { analyzed, placed, queued: 0 };
}
