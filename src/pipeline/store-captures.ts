// The ingest step that touches the database: dedupe, extract, and store a batch of
// captures in one transaction, so a crash leaves either the whole batch or none of it.
import { describeError } from '../core/errors.js';
import { sha256, textHash } from '../core/hash.js';
import type { ArticleDraft, Capture } from '../core/types.js';
import { canonicalizeUrl } from '../core/url.js';
import { type ArticleInput, articleKeys, type DocumentInput, type DocumentOutcome, type Store } from '../store/index.js';
import { ALL_EXTRACTORS, type Extraction, type Extractor, inlineExtractor } from './extractor.js';
import { resolveSource } from './resolve-source.js';
import type { JobQueue } from '../queue/job-queue.js';

export interface IngestCounts {
  added: number;
  /** The same article was already stored (same canonical URL, or same text from the source). */
  duplicates: number;
  /** These exact bytes were ingested before. */
  unchanged: number;
  /** Not an article: empty, or no body. */
  skipped: number;
  failed: number;
  /** Stored for a worker to extract (when a job queue runs the pipeline). */
  queued: number;
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

/** Adds one set of counts into another. */
export function addCounts(target: IngestCounts, part: IngestCounts): void {
  for (const key of Object.keys(part) as Array<keyof IngestCounts>) target[key] += part[key];
}

/** Counts that start at zero. */
export function emptyCounts(): IngestCounts {
  return { added: 0, duplicates: 0, unchanged: 0, skipped: 0, failed: 0, queued: 0 };
}

type Extracted =
  | { item: PendingCapture; hash: string; outcome: 'article'; draft: ArticleDraft; sourceId: number; textHash: string }
  | { item: PendingCapture; hash: string; outcome: Exclude<DocumentOutcome, 'article'>; reason: string };

async function extractOne(extractor: Extractor, item: PendingCapture): Promise<Extraction> {
  try {
    const result = await extractor.extract(item.capture);
    return !result.ok && item.fallback ? await extractor.extract(item.fallback) : result;
  } catch (err) {
    return { ok: false, reason: 'unreadable', detail: describeError(err) };
  }
}

async function toEntry(store: Store, item: PendingCapture, hash: string, result: Extraction, fallbackSource: string): Promise<Extracted> {
  if (!result.ok) {
    const outcome = result.reason === 'unreadable' ? 'failed' : 'skipped';
    return { item, hash, outcome, reason: result.detail ? `${result.reason}: ${result.detail}` : result.reason };
  }
  const draft = result.value;
  const sourceId = await store.sources.ensure(resolveSource(draft, item.capture, fallbackSource));
  return { item, hash, outcome: 'article', draft, sourceId, textHash: textHash(draft.text) };
}

function articleKey(entry: { draft: ArticleDraft; sourceId: number; textHash: string }) {
  return { canonicalUrl: entry.draft.canonicalUrl, sourceId: entry.sourceId, textHash: entry.textHash };
}

/**
 * Stores a batch of captures. Bytes seen before are counted as unchanged and left alone;
 * everything else is kept as a Document with its outcome, and articles are added.
 */
export async function storeCaptures(
  { store, extractor = inlineExtractor, queue }: { store: Store; extractor?: Extractor; queue?: JobQueue },
  items: PendingCapture[],
  fallbackSource: string,
): Promise<{ counts: IngestCounts; failures: ItemFailure[]; articleIds: number[] }> {
  const counts = emptyCounts();
  const failures: ItemFailure[] = [];
  const articleIds: number[] = [];
  const hashes = items.map((item) => sha256(item.capture.body));
  const known = await store.documents.outcomesByHash([...new Set(hashes)]);
  const seen = new Set<string>();
  const todo: Array<{ item: PendingCapture; hash: string }> = [];
  for (const [index, item] of items.entries()) {
    const hash = hashes[index]!;
    if (known.has(hash) || seen.has(hash)) counts.unchanged++;
    else todo.push({ item, hash });
    seen.add(hash);
  }
  if (queue) {
    await queueCaptures(store, queue, todo, fallbackSource, counts);
    return { counts, failures, articleIds };
  }
  const results = await Promise.all(todo.map(({ item }) => extractOne(extractor, item)));
  const extracted: Extracted[] = [];
  for (const [index, { item, hash }] of todo.entries()) {
    extracted.push(await toEntry(store, item, hash, results[index]!, fallbackSource));
  }
  await store.transaction(async (repos) => {
    // Another batch may have stored the same bytes while this one was being extracted.
    const storedMeanwhile = await repos.documents.outcomesByHash(extracted.map((e) => e.hash));
    counts.unchanged += storedMeanwhile.size;
    const fresh = extracted.filter((e) => !storedMeanwhile.has(e.hash));
    const existing = await repos.articles.findExisting(fresh.flatMap((e) => (e.outcome === 'article' ? [articleKey(e)] : [])));
    const documents: DocumentInput[] = [];
    const articles: Array<Omit<ArticleInput, 'documentId'>> = [];
    for (const entry of fresh) {
      const { capture, feedId } = entry.item;
      const draft = entry.outcome === 'article' ? entry.draft : null;
      let outcome: DocumentOutcome = entry.outcome;
      let reason = entry.outcome === 'article' ? null : entry.reason;
      if (entry.outcome === 'article') {
        const keys = articleKeys(articleKey(entry));
        const same = keys.map((k) => existing.get(k)).find((id) => id !== undefined);
        if (same !== undefined) {
          outcome = 'duplicate';
          reason = same > 0 ? `same article as #${same}` : 'same article earlier in this batch';
        } else {
          for (const key of keys) existing.set(key, 0);
          articles.push({ sourceId: entry.sourceId, draft: entry.draft, textHash: entry.textHash, ingestedAt: new Date().toISOString() });
        }
      }
      documents.push({
        capture,
        contentHash: entry.hash,
        canonicalUrl: draft?.canonicalUrl ?? (capture.url ? canonicalizeUrl(capture.url) : null),
        feedId,
        outcome,
        outcomeReason: reason,
        extractor: draft?.extractor ?? ALL_EXTRACTORS,
      });
      if (outcome === 'article') counts.added++;
      else if (outcome === 'duplicate') counts.duplicates++;
      else if (outcome === 'skipped') counts.skipped++;
      else {
        counts.failed++;
        failures.push({ label: entry.item.label, reason: reason ?? 'failed' });
      }
    }
    const documentIds = await repos.documents.insertMany(documents);
    const articleDocumentIds = documentIds.filter((_, i) => documents[i]!.outcome === 'article');
    articleIds.push(...(await repos.articles.insertMany(articles.map((a, i) => ({ ...a, documentId: articleDocumentIds[i]! })))));
  });
  return { counts, failures, articleIds };
}

/**
 * Stores captures as pending documents and sends an extract job for each, in one
 * transaction: a worker extracts them. The source the caller would credit travels in the
 * document's hints, as a feed item's metadata does.
 */
async function queueCaptures(
  store: Store,
  queue: JobQueue,
  todo: Array<{ item: PendingCapture; hash: string }>,
  fallbackSource: string,
  counts: IngestCounts,
): Promise<void> {
  if (todo.length === 0) return;
  await store.transaction(async (repos) => {
    const storedMeanwhile = await repos.documents.outcomesByHash(todo.map((t) => t.hash));
    counts.unchanged += storedMeanwhile.size;
    const fresh = todo.filter((t) => !storedMeanwhile.has(t.hash));
    const ids = await repos.documents.insertMany(
      fresh.map(({ item, hash }) => ({
        capture: withFallbackSource(item.capture, fallbackSource),
        contentHash: hash,
        canonicalUrl: item.capture.url ? canonicalizeUrl(item.capture.url) : null,
        feedId: item.feedId,
        outcome: 'pending' as const,
        outcomeReason: null,
        extractor: null,
      })),
    );
    await queue.send(repos.kysely, 'extract', ids.map((documentId) => ({ documentId })));
    counts.queued += ids.length;
  });
}

function withFallbackSource(capture: Capture, source: string): Capture {
  return { ...capture, hints: { ...capture.hints, fallbackSource: source } };
}
