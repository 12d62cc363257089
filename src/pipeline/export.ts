// Exports of articles, quotes and claims as JSON Lines or CSV, for the CLI and the API alike.
// Rows are read a page at a time and written as they come, so an export of a large store
// never holds more than one page. Each quote and claim carries a link to its sentence in
// the web reader, so a spreadsheet row leads back to its evidence.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { sentenceHref, sentenceSpanAt } from '../stories/anchors.js';
import type { Store } from '../store/index.js';
import { type ArticleRef, type ExportFilters, ExportRepo } from '../store/export-repo.js';

export type ExportWhat = 'articles' | 'quotes' | 'claims';
export type ExportFormat = 'jsonl' | 'csv';
export const EXPORT_WHATS: readonly ExportWhat[] = ['articles', 'quotes', 'claims'];
export const EXPORT_FORMATS: readonly ExportFormat[] = ['jsonl', 'csv'];

/** CSV columns per export, in order; JSON Lines rows carry a few more fields. */
export const EXPORT_COLUMNS: Record<ExportWhat, readonly string[]> = {
  // The first columns are the ones sitrep has always written: spreadsheets depend on them.
  articles: [
    'id',
    'source',
    'title',
    'byline',
    'published',
    'language',
    'url',
    'canonical_url',
    'text',
    'story_id',
  ],
  quotes: [
    'article_id',
    'story_id',
    'source',
    'published',
    'article_title',
    'kind',
    'speaker',
    'speaker_entity_id',
    'speaker_text',
    'cue',
    'text',
    'start',
    'end',
    'confidence',
    'evidence',
  ],
  claims: [
    'article_id',
    'story_id',
    'source',
    'published',
    'article_title',
    'text',
    'value',
    'low',
    'high',
    'hedge',
    'unit',
    'subject',
    'subject_key',
    'claimed_by',
    'claimed_by_entity_id',
    'time',
    'start',
    'end',
    'sentence',
    'evidence',
  ],
};

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

type Row = Record<string, unknown>;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (= + - @, tab, carriage return first) gets a leading
 * apostrophe; numbers are written as numbers.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value !== 'number' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with its CRLF ending. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** The export as text chunks: a header (for CSV), then one chunk per page of rows. */
export async function* exportChunks(
  store: Store,
  what: ExportWhat,
  format: ExportFormat,
  filters: ExportFilters,
): AsyncGenerator<string> {
  const columns = EXPORT_COLUMNS[what];
  if (format === 'csv') yield csvLine(columns);
  for await (const rows of exportRows(store, what, filters)) {
    if (rows.length > 0) yield formatRows(rows, what, format);
  }
}

/** Writes an export to a stream, waiting when it is full; returns how many rows. */
export async function writeExport(
  store: Store,
  what: ExportWhat,
  format: ExportFormat,
  filters: ExportFilters,
  out: Writable,
): Promise<number> {
  let count = 0;
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  if (format === 'csv') await write(csvLine(EXPORT_COLUMNS[what]));
  for await (const rows of exportRows(store, what, filters)) {
    count += rows.length;
    if (rows.length > 0) await write(formatRows(rows, what, format));
  }
  return count;
}

function formatRows(rows: Row[], what: ExportWhat, format: ExportFormat): string {
  if (format === 'jsonl') return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
  const columns = EXPORT_COLUMNS[what];
  return rows.map((row) => csvLine(columns.map((c) => row[c]))).join('');
}

/** The rows of an export, one page of selected articles at a time. */
export async function* exportRows(
  store: Store,
  what: ExportWhat,
  filters: ExportFilters,
): AsyncGenerator<Row[]> {
  const repo = new ExportRepo(store.kysely);
  for await (const ids of repo.articleIdPages(filters)) {
    if (what === 'articles') {
      yield (await repo.articles(ids)).map((a) => ({
        id: a.id,
        source: a.sourceName,
        title: a.title,
        byline: a.byline,
        published: a.published,
        modified: a.modified,
        language: a.language,
        site: a.site,
        url: a.url,
        canonical_url: a.canonicalUrl,
        image: a.image,
        dateline: a.dateline ?? null,
        text: a.text,
        related_links: a.relatedLinks,
        extractor: a.extractor,
        ingested: a.ingestedAt,
        story_id: a.storyId,
      }));
      continue;
    }
    const refs = await repo.refs(ids);
    if (what === 'quotes') {
      yield (await repo.quotes(ids)).flatMap((q) => {
        const a = refs.get(q.articleId);
        if (!a) return [];
        return [
          {
            ...articleFields(a),
            kind: q.kind,
            speaker: q.speakerName ?? q.speakerText,
            speaker_entity_id: q.speakerEntityId,
            speaker_text: q.speakerText,
            cue:
              q.cueStart === null || q.cueEnd === null ? null : a.text.slice(q.cueStart, q.cueEnd),
            text: a.text.slice(q.start, q.end),
            start: q.start,
            end: q.end,
            confidence: q.confidence,
            evidence: sentenceHref(a.id, a.text, q.start),
          },
        ];
      });
    } else {
      // The annotations' own reader: claims by article in text order; ids come in id order.
      const claims = await store.annotations.claimsOf(ids);
      yield ids.flatMap((id) => {
        const a = refs.get(id);
        if (!a) return [];
        return (claims.get(id) ?? []).map((c) => ({
          ...articleFields(a),
          text: c.text,
          value: c.value,
          low: c.low,
          high: c.high,
          hedge: c.hedge,
          unit: c.unit,
          subject: c.subject,
          subject_key: c.subjectKey,
          claimed_by: c.source,
          claimed_by_entity_id: c.sourceEntityId,
          time: c.time,
          start: c.start,
          end: c.end,
          sentence: sentenceOf(a.text, c.start),
          evidence: sentenceHref(a.id, a.text, c.start),
        }));
      });
    }
  }
}

function articleFields(a: ArticleRef): Row {
  return {
    article_id: a.id,
    story_id: a.storyId,
    source: a.source,
    published: a.published,
    article_title: a.title,
    article_url: a.url,
  };
}

/** The sentence holding `pos`, on one line: what a spreadsheet row can show of the evidence. */
function sentenceOf(text: string, pos: number): string {
  const { start, end } = sentenceSpanAt(text, pos);
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}
