// Captures with their raw bytes, compressed. Keeping the bytes lets every later stage be
// re-run without fetching again.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Insertable, Kysely } from 'kysely';
import type { Capture } from '../core/types.js';
import { chunks, MAX_ROWS_PER_INSERT } from './chunks.js';
import { dialectOf } from './dialect.js';
import type { Database, DocumentOutcome, DocumentTable } from './schema.js';

/** Fastest gzip: raw bytes are kept for re-processing, and ingest speed matters more. */
const GZIP_LEVEL = 1;

export interface DocumentInput {
  capture: Capture;
  contentHash: string;
  canonicalUrl: string | null;
  feedId?: number | null;
  outcome: DocumentOutcome;
  outcomeReason: string | null;
  extractor: string | null;
}

export interface StoredDocument {
  id: number;
  capture: Capture;
  outcome: DocumentOutcome;
  outcomeReason: string | null;
  extractor: string | null;
}

function documentRow(input: DocumentInput): Insertable<DocumentTable> {
  const { capture } = input;
  return {
    kind: capture.kind,
    origin: capture.origin,
    url: capture.url,
    canonical_url: input.canonicalUrl,
    fetched_at: capture.fetchedAt,
    status: capture.status,
    content_type: capture.contentType,
    charset: capture.charset,
    content_hash: input.contentHash,
    raw: gzipSync(capture.body, { level: GZIP_LEVEL }),
    raw_encoding: 'gzip',
    raw_size: capture.body.byteLength,
    etag: capture.etag ?? null,
    last_modified: capture.lastModified ?? null,
    hints: capture.hints ? JSON.stringify(capture.hints) : null,
    feed_id: input.feedId ?? null,
    outcome: input.outcome,
    outcome_reason: input.outcomeReason,
    extractor: input.extractor,
  };
}

export class DocumentRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** The outcome recorded for each of these content hashes that is already stored. */
  async outcomesByHash(hashes: string[]): Promise<Map<string, DocumentOutcome>> {
    const found = new Map<string, DocumentOutcome>();
    if (hashes.length === 0) return found;
    const rows = await this.db
      .selectFrom('document')
      .select(['content_hash', 'outcome'])
      .where('content_hash', 'in', hashes)
      .execute();
    for (const row of rows) found.set(row.content_hash, row.outcome as DocumentOutcome);
    return found;
  }

  /** Which of these URLs were already captured (as origin, final URL or canonical URL). */
  async knownUrls(urls: string[]): Promise<Set<string>> {
    const known = new Set<string>();
    // In slices: a feed of 100,000 items would pass SQLite's limit on bound values.
    for (const slice of chunks([...new Set(urls)], MAX_ROWS_PER_INSERT)) {
      const rows = await this.db
        .selectFrom('document')
        .select(['origin', 'url', 'canonical_url'])
        .where((eb) => eb.or([eb('origin', 'in', slice), eb('url', 'in', slice), eb('canonical_url', 'in', slice)]))
        .execute();
      for (const row of rows) {
        for (const url of [row.origin, row.url, row.canonical_url]) if (url) known.add(url);
      }
    }
    return known;
  }

  /** Stores one capture and returns its id. */
  async insert(input: DocumentInput): Promise<number> {
    const [id] = await this.insertMany([input]);
    return id!;
  }

  /** Stores captures and returns their ids, in the order given. */
  async insertMany(inputs: DocumentInput[]): Promise<number[]> {
    const idByHash = new Map<string, number>();
    for (const chunk of chunks(inputs, MAX_ROWS_PER_INSERT)) {
      const rows = await this.db.insertInto('document').values(chunk.map(documentRow)).returning(['id', 'content_hash']).execute();
      for (const row of rows) idByHash.set(row.content_hash, row.id);
    }
    return inputs.map((input) => idByHash.get(input.contentHash)!);
  }

  /** One stored capture with its bytes restored. */
  async get(id: number): Promise<StoredDocument | null> {
    const [found] = await this.getMany([id]);
    return found ?? null;
  }

  /** Stored captures with their bytes restored, in id order. */
  async getMany(ids: number[]): Promise<StoredDocument[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('document').selectAll().where('id', 'in', ids).orderBy('id').execute();
    return rows.map((row) => ({
      id: row.id,
      outcome: row.outcome as DocumentOutcome,
      outcomeReason: row.outcome_reason,
      extractor: row.extractor,
      capture: {
        kind: row.kind as Capture['kind'],
        origin: row.origin,
        url: row.url,
        fetchedAt: row.fetched_at,
        status: row.status,
        contentType: row.content_type,
        charset: row.charset,
        body: new Uint8Array(row.raw_encoding === 'gzip' ? gunzipSync(row.raw) : row.raw),
        etag: row.etag,
        lastModified: row.last_modified,
        hints: row.hints ? JSON.parse(row.hints) : undefined,
      },
    }));
  }

  /**
   * Ids of documents after `afterId` whose extractor is not one of `current` (all of
   * them when `all`), in id order: the work list of a re-extraction that can resume.
   */
  async staleIds(current: readonly string[], afterId: number, limit: number, all = false): Promise<number[]> {
    let query = this.db.selectFrom('document').select('id').where('id', '>', afterId);
    if (!all) query = query.where((eb) => eb.or([eb('extractor', 'is', null), eb('extractor', 'not in', [...current])]));
    const rows = await query.orderBy('id').limit(limit).execute();
    return rows.map((r) => r.id);
  }

  /** Records what the latest extraction of a document gave. */
  /** A document's outcome, row-locked to the end of the transaction on PostgreSQL (see analyzerOf). */
  async outcomeOf(id: number): Promise<DocumentOutcome | undefined> {
    let query = this.db.selectFrom('document').select('outcome').where('id', '=', id);
    if (dialectOf(this.db) === 'postgres') query = query.forUpdate();
    return (await query.executeTakeFirst())?.outcome;
  }

  async recordOutcome(id: number, outcome: DocumentOutcome, reason: string | null, extractor: string): Promise<void> {
    await this.db
      .updateTable('document')
      .set({ outcome, outcome_reason: reason, extractor })
      .where('id', '=', id)
      .execute();
  }

  /** Documents that did not become articles, with the reason, newest first. */
  async listProblems(limit: number): Promise<Array<{ id: number; origin: string; outcome: string; reason: string | null }>> {
    const rows = await this.db
      .selectFrom('document')
      .select(['id', 'origin', 'outcome', 'outcome_reason'])
      .where('outcome', 'in', ['failed', 'skipped'])
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, origin: r.origin, outcome: r.outcome, reason: r.outcome_reason }));
  }
}
