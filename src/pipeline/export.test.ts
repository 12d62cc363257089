// Exports on a real SQLite store: CSV quoting and the formula guard, JSON Lines, filters,
// and quotes and claims that link to their sentences.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SearchStore, searchStore } from '../test-support/search-store.js';
import {
  csvField,
  EXPORT_COLUMNS,
  type ExportFormat,
  type ExportWhat,
  exportChunks,
  writeExport,
} from './export.js';
import type { ExportFilters } from '../store/export-repo.js';

/** A strict RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted) {
      if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  expect(field).toBe('');
  return rows;
}

describe('exports', () => {
  let s: SearchStore;
  beforeAll(async () => {
    s = await searchStore();
  });
  afterAll(() => s.store.close());

  const run = async (what: ExportWhat, format: ExportFormat, filters: ExportFilters = {}) => {
    let text = '';
    const sink = new Writable({
      write(chunk, _enc, done) {
        text += String(chunk);
        done();
      },
    });
    const count = await writeExport(s.store, what, format, filters, sink);
    return { text, count };
  };

  it('quotes CSV fields as RFC 4180 says and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvField('=1+2')).toBe("'=1+2");
    expect(csvField('+cmd')).toBe("'+cmd");
    expect(csvField('-x')).toBe("'-x");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
  });

  it('writes every article as CSV with a header row, whatever the text holds', async () => {
    const { text, count } = await run('articles', 'csv');
    expect(count).toBe(3);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(EXPORT_COLUMNS.articles);
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toHaveLength(EXPORT_COLUMNS.articles.length);
    const other = rows.find((r) => r[0] === String(s.otherId))!;
    expect(other[EXPORT_COLUMNS.articles.indexOf('text')]).toContain('=HYPERLINK("http');
  });

  it('writes JSON Lines, filtered as search filters', async () => {
    const { text } = await run('articles', 'jsonl', { q: 'harbour', sourceKey: 'other.example' });
    const rows = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual([s.otherId]);
    expect(rows[0].story_id).toBe(await s.store.stories.storyOf(s.otherId));
    expect(
      (await run('articles', 'jsonl', { since: '2024-10-01', until: '2024-11-01' })).count,
    ).toBe(1);
    expect((await run('articles', 'jsonl', { q: '-' })).text).toBe('');
  });

  it('exports quotes and claims with their sentences, formulas defused in CSV', async () => {
    const quotes = (await run('quotes', 'jsonl', { sourceKey: 'other.example' })).text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const lopez = quotes.find((q) => q.speaker === 'Maria Lopez');
    expect(lopez.text).toContain('we are glad');
    const article = (await s.store.articles.get(s.otherId))!;
    const start = Number(lopez.evidence.split('#s-')[1]);
    expect(lopez.evidence).toBe(`/articles/${s.otherId}#s-${start}`);
    expect(article.text.slice(start)).toMatch(/^"@once more/);
    const csv = parseCsv((await run('quotes', 'csv', { sourceKey: 'other.example' })).text);
    const textCol = EXPORT_COLUMNS.quotes.indexOf('text');
    expect(csv.slice(1).some((r) => r[textCol]!.startsWith("'@once more"))).toBe(true);
    const claims = (await run('claims', 'jsonl', { q: 'harbour repairs' })).text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const euros = claims.find((c) => c.value === 4_000_000);
    expect(euros.sentence).toMatch(/^The harbour repairs cost about 4 million euros/);
    expect(euros.evidence).toBe(`/articles/${s.otherId}#s-0`);
  });

  it('streams one chunk per page after the header', async () => {
    const chunks: string[] = [];
    for await (const chunk of exportChunks(s.store, 'claims', 'csv', {})) chunks.push(chunk);
    expect(chunks[0]).toBe(`${EXPORT_COLUMNS.claims.join(',')}\r\n`);
    expect(chunks.length).toBe(2);
  });
});
