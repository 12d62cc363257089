// `sitrep reprocess`: re-running extraction on stored Documents after the extractor
// changed. Work is chosen by the extractor version recorded on each document, so a run
// that is interrupted resumes where it stopped, and a finished run leaves nothing to do.
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeError } from '../core/errors.js';
import { textHash } from '../core/hash.js';
import type { Capture } from '../core/types.js';
import { articleKeys, type Repos, type Store } from '../store/index.js';
import type { ProgressEvent } from './context.js';
import { ALL_EXTRACTORS, CURRENT_EXTRACTORS, type Extraction, type Extractor, inlineExtractor } from './extractor.js';
import { resolveSource } from './resolve-source.js';

export interface ReextractReport {
  documents: number;
  /** Existing articles whose text or metadata were replaced. */
  updated: number;
  /** Documents that gave no article before and give one now. */
  added: number;
  duplicates: number;
  skipped: number;
  failed: number;
}

/** A report with every count at zero. */
export function emptyReextractReport(): ReextractReport {
  return { documents: 0, updated: 0, added: 0, duplicates: 0, skipped: 0, failed: 0 };
}

export interface ReextractOptions {
  /** Re-extract every document, not only those from older extractor versions. */
  all?: boolean;
  onProgress?: (event: ProgressEvent) => void;
}

/** Documents re-extracted per transaction. */
const REEXTRACT_BATCH = 100;

/** The source to credit when a re-extracted document names none: as at ingest, its folder. */
export function fallbackSource(capture: Capture): string {
  if (capture.hints?.fallbackSource) return capture.hints.fallbackSource;
  if (!capture.origin.startsWith('file:')) return capture.url ?? capture.origin;
  try {
    return basename(dirname(fileURLToPath(capture.origin))) || 'local';
  } catch {
    return 'local';
  }
}

export async function extractSafely(extractor: Extractor, capture: Capture): Promise<Extraction> {
  try {
    return await extractor.extract(capture);
  } catch (err) {
    return { ok: false, reason: 'unreadable', detail: describeError(err) };
  }
}

/** Re-extracts stale documents (or all of them), updating their articles in place. */
export async function reextractDocuments(
  { store, extractor = inlineExtractor }: { store: Store; extractor?: Extractor },
  options: ReextractOptions = {},
): Promise<ReextractReport> {
  const report = emptyReextractReport();
  const total = (await store.stats()).documents;
  let after = 0;
  for (;;) {
    const ids = await store.documents.staleIds(CURRENT_EXTRACTORS, after, REEXTRACT_BATCH, options.all);
    if (ids.length === 0) return report;
    const documents = await store.documents.getMany(ids);
    const results = await Promise.all(documents.map((d) => extractSafely(extractor, d.capture)));
    const sources = await Promise.all(
      results.map((r, i) => (r.ok ? store.sources.ensure(resolveSource(r.value, documents[i]!.capture, fallbackSource(documents[i]!.capture))) : null)),
    );
    await store.transaction(async (repos) => {
      const articleIds = await repos.articles.idsByDocument(ids);
      for (const [i, document] of documents.entries()) {
        await applyResult(repos, report, document.id, articleIds.get(document.id), results[i]!, sources[i] ?? null);
      }
    });
    report.documents += ids.length;
    after = ids.at(-1)!;
    options.onProgress?.({ phase: 'extract', done: report.documents, total });
  }
}

/**
 * Records what extracting a stored document gave: its article inserted or updated, or why
 * there is none. Returns the id of an article it inserted.
 */
export async function applyResult(
  repos: Repos,
  report: ReextractReport,
  documentId: number,
  articleId: number | undefined,
  result: Extraction,
  sourceId: number | null,
): Promise<number | undefined> {
  if (!result.ok) {
    const reason = result.detail ? `${result.reason}: ${result.detail}` : result.reason;
    if (articleId !== undefined) {
      // Keep the article the older extractor made rather than lose it; say why on the document.
      await repos.documents.recordOutcome(documentId, 'article', `re-extraction failed: ${reason}`, ALL_EXTRACTORS);
      report.failed++;
      return;
    }
    const outcome = result.reason === 'unreadable' ? 'failed' : 'skipped';
    await repos.documents.recordOutcome(documentId, outcome, reason, ALL_EXTRACTORS);
    report[outcome]++;
    return;
  }
  const draft = result.value;
  const hash = textHash(draft.text);
  const existing = await repos.articles.findExisting([{ canonicalUrl: draft.canonicalUrl, sourceId: sourceId!, textHash: hash }]);
  const other = articleKeys({ canonicalUrl: draft.canonicalUrl, sourceId: sourceId!, textHash: hash })
    .map((key) => existing.get(key))
    .find((id) => id !== undefined && id !== articleId);
  if (other !== undefined) {
    await repos.documents.recordOutcome(documentId, articleId === undefined ? 'duplicate' : 'article', `same article as #${other}`, draft.extractor);
    report.duplicates++;
  } else if (articleId !== undefined) {
    await repos.articles.update(articleId, draft, hash);
    await repos.documents.recordOutcome(documentId, 'article', null, draft.extractor);
    report.updated++;
  } else {
    const id = await repos.articles.insert({ documentId, sourceId: sourceId!, draft, textHash: hash, ingestedAt: new Date().toISOString() });
    await repos.documents.recordOutcome(documentId, 'article', null, draft.extractor);
    report.added++;
    return id;
  }
  return undefined;
}
