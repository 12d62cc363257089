// The ingest step that touches the database: dedupe, extract, and store a batch of
// captures in one transaction, so a crash leaves either the whole batch or none of it.
import { describeError } from '../core/errors.js';
import { sha256, textHash } from '../core/hash.js';
import type { ArticleDraft, Capture } from '../core/types.js';
import { canonicalizeUrl } from '../core/url.js';
import { extractCapture } from '../extract/index.js';
import type { DocumentOutcome, Store } from '../store/index.js';
import { resolveSource } from './resolve-source.js';

export interface IngestCounts {
  added: number;
  /** The same article was already stored (same canonical URL, or same text from the source). */
  duplicates: number;
  /** These exact bytes were ingested before. */
  unchanged: number;
  /** Not an article: empty, or no body. */
  skipped: number;
  failed: number;
}

export interface ItemFailure {
  label: string;
  reason: string;
}

export interface PendingCapture {
  capture: Capture;
  label: string;
  feedId?: number | null;
  /** What to extract instead when `capture` yields no article (a feed item's own content). */
  fallback?: Capture;
}

/** Counts that start at zero. */
export function emptyCounts(): IngestCounts {
  return { added: 0, duplicates: 0, unchanged: 0, skipped: 0, failed: 0 };
}

type Extracted =
  | { item: PendingCapture; hash: string; outcome: 'article'; draft: ArticleDraft; sourceId: number; textHash: string }
  | { item: PendingCapture; hash: string; outcome: Exclude<DocumentOutcome, 'article'>; reason: string };

async function extractOne(store: Store, item: PendingCapture, hash: string, fallbackSource: string): Promise<Extracted> {
  try {
    let result = extractCapture(item.capture);
    if (!result.ok && item.fallback) result = extractCapture(item.fallback);
    if (!result.ok) {
      const outcome = result.reason === 'unreadable' ? 'failed' : 'skipped';
      return { item, hash, outcome, reason: result.detail ? `${result.reason}: ${result.detail}` : result.reason };
    }
    const draft = result.value;
    const sourceId = await store.sources.ensure(resolveSource(draft, item.capture, fallbackSource));
    return { item, hash, outcome: 'article', draft, sourceId, textHash: textHash(draft.text) };
  } catch (err) {
    return { item, hash, outcome: 'failed', reason: describeError(err) };
  }
}

/**
 * Stores a batch of captures. Bytes seen before are counted as unchanged and left alone;
 * everything else is kept as a Document with its outcome, and articles are added.
 */
export async function storeCaptures(
  store: Store,
  items: PendingCapture[],
  fallbackSource: string,
): Promise<{ counts: IngestCounts; failures: ItemFailure[]; articleIds: number[] }> {
  const counts = emptyCounts();
  const failures: ItemFailure[] = [];
  const articleIds: number[] = [];
  const hashes = items.map((item) => sha256(item.capture.body));
  const known = await store.documents.outcomesByHash([...new Set(hashes)]);
  const seen = new Set<string>();
  const fresh: Extracted[] = [];
  for (const [index, item] of items.entries()) {
    const hash = hashes[index]!;
    if (known.has(hash) || seen.has(hash)) {
      counts.unchanged++;
      continue;
    }
    seen.add(hash);
    fresh.push(await extractOne(store, item, hash, fallbackSource));
  }
  await store.transaction(async (repos) => {
    for (const entry of fresh) {
      const { capture, feedId } = entry.item;
      let outcome: DocumentOutcome = entry.outcome;
      let reason = entry.outcome === 'article' ? null : entry.reason;
      const draft = entry.outcome === 'article' ? entry.draft : null;
      if (entry.outcome === 'article') {
        const existing = await repos.articles.findExisting(entry.draft.canonicalUrl, entry.sourceId, entry.textHash);
        if (existing !== null) {
          outcome = 'duplicate';
          reason = `same article as #${existing}`;
        }
      }
      const documentId = await repos.documents.insert({
        capture,
        contentHash: entry.hash,
        canonicalUrl: draft?.canonicalUrl ?? canonicalizeUrl(capture.url ?? ''),
        feedId,
        outcome,
        outcomeReason: reason,
        extractor: draft?.extractor ?? null,
      });
      if (outcome === 'article' && entry.outcome === 'article') {
        const id = await repos.articles.insert({
          documentId,
          sourceId: entry.sourceId,
          draft: entry.draft,
          textHash: entry.textHash,
          ingestedAt: new Date().toISOString(),
        });
        articleIds.push(id);
        counts.added++;
      } else if (outcome === 'duplicate') counts.duplicates++;
      else if (outcome === 'skipped') counts.skipped++;
      else {
        counts.failed++;
        failures.push({ label: entry.item.label, reason: reason ?? 'failed' });
      }
    }
  });
  return { counts, failures, articleIds };
}
