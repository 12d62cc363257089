// Watches fire on ingest: articles newly placed in stories are matched against every
// watch, the matches land in the inbox, and each watch with a webhook gets one delivery
// per run. Matching is resumable: the cursor moves in the transaction that stores the
// matches, so a crash either stored both or neither.
import type { PipelineContext } from './context.js';

/** Placements this far behind the cursor are looked at again: a batch that computed its
 * time before a later batch but committed after it is still seen. Re-seen matches are ignored. */
const OVERLAP_MS = 10 * 60_000;
/** Articles listed in one webhook call; the inbox keeps them all. */
const MAX_ARTICLES_PER_DELIVERY = 100;

type MatchContext = Pick<PipelineContext, 'store'> &
  Partial<Pick<PipelineContext, 'log' | 'events'>>;

/** Matches articles placed since the cursor against every watch; returns how many matches are new and which watches got them. */
export async function matchWatches(
  ctx: MatchContext,
): Promise<{ matched: number; watchIds: number[] }> {
  const { store } = ctx;
  const to = await store.watches.latestPlacement();
  const cursor = await store.watches.cursor();
  if (!to || (cursor !== null && cursor >= to)) return { matched: 0, watchIds: [] };
  const watches = await store.watches.list();
  const from = cursor === null ? null : new Date(Date.parse(cursor) - OVERLAP_MS).toISOString();
  const found = new Map<number, number[]>();
  for (const watch of watches) {
    const ids = await store.watches.matching(watch, from, to);
    if (ids.length > 0) found.set(watch.id, ids);
  }
  const now = new Date().toISOString();
  const result = await store.transaction(async (repos) => {
    let matched = 0;
    const watchIds: number[] = [];
    for (const watch of watches) {
      const added = await repos.watches.addMatches(watch.id, found.get(watch.id) ?? [], now);
      if (added.length === 0) continue;
      matched += added.length;
      watchIds.push(watch.id);
      if (watch.webhookUrl) {
        const briefs = await repos.watches.briefs(added.slice(0, MAX_ARTICLES_PER_DELIVERY));
        await repos.webhooks.queue(watch.id, JSON.stringify(briefs), added.length, now);
      }
    }
    await repos.watches.setCursor(to);
    return { matched, watchIds };
  });
  if (result.matched > 0) {
    ctx.log?.info({ matched: result.matched, watches: result.watchIds }, 'watches matched');
    ctx.events?.emit({ type: 'watches', ids: result.watchIds });
  }
  return result;
}

export { checkWebhookUrl, deliverWebhooks, signWebhook, verifyWebhook } from './webhooks.js';
export type { DeliverOptions, WebhookPost } from './webhooks.js';
