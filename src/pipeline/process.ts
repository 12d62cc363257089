// The stages that follow ingestion, in order: analysis, then stories. Each resumes by
// itself after a crash (analysis by version, stories by placement).
import { analyzePending } from './analyze.js';
import type { PipelineContext } from './context.js';
import { assignStories, type PlacementChanges } from './stories.js';

/** Analyzes pending articles, then places them in stories; `changes` collects what moved. */
export async function processPending(
  ctx: Pick<PipelineContext, 'store'> & Partial<Pick<PipelineContext, 'log' | 'onProgress'>>,
  changes?: PlacementChanges,
): Promise<{ analyzed: number; placed: number }> {
  const analyzed = await analyzePending(ctx);
  const placed = await assignStories(ctx, changes);
  return { analyzed, placed };
}
