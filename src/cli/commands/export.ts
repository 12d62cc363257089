// Exporting every article as JSON Lines or CSV, streamed page by page.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Article } from '../../core/types.js';
import type { Store } from '../../store/index.js';

/** Articles read per query while exporting. */
const EXPORT_PAGE = 500;

const CSV_COLUMNS = ['id', 'source', 'title', 'byline', 'published', 'language', 'url', 'canonical_url', 'text'] as const;

function exportRow(a: Article) {
  return {
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
  };
}

/** One CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Writes every article to `out`; returns how many. */
export async function exportArticles(store: Store, format: 'jsonl' | 'csv', out: Writable): Promise<number> {
  let count = 0;
  let after = 0;
  if (format === 'csv') await write(out, `${CSV_COLUMNS.join(',')}\r\n`);
  for (;;) {
    const page = await store.articles.page(after, EXPORT_PAGE);
    if (page.length === 0) return count;
    let chunk = '';
    for (const article of page) {
      const row = exportRow(article);
      chunk += format === 'jsonl' ? `${JSON.stringify(row)}\n` : `${CSV_COLUMNS.map((c) => csvField(row[c])).join(',')}\r\n`;
    }
    await write(out, chunk);
    count += page.length;
    after = page.at(-1)!.id;
  }
}
