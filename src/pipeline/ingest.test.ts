// Ingesting what users really have, including bad input: every bad item is reported
// with a reason, and nothing else is lost.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../ingest/fetch/index.js';
import { openStore, type Store } from '../store/index.js';
import { tempDir } from '../test-support/index.js';
import type { PipelineContext } from './context.js';
import { type IngestReport, ingestInputs } from './ingest.js';

const PARAGRAPH =
  'The city council voted on Thursday to extend the night bus service until March, after a petition signed by more than 4,000 residents.';

function record(n: number, extra: object = {}) {
  return JSON.stringify({ title: `Council story ${n}`, body: `${PARAGRAPH} Story number ${n}.`, pubDate: `2024-05-0${(n % 9) + 1}`, source: 'City Herald', ...extra });
}

describe('ingesting files with bad items among good ones', () => {
  const { dir, cleanup } = tempDir();
  let store: Store;
  let ctx: PipelineContext;
  let report: IngestReport;
  const inbox = join(dir, 'inbox');

  beforeAll(async () => {
    mkdirSync(join(inbox, 'nested'), { recursive: true });
    writeFileSync(join(inbox, 'records.jsonl'), [record(1), '{"title": "broken', '', record(2), record(3)].join('\n'));
    writeFileSync(join(inbox, 'array.json'), JSON.stringify({ articles: [JSON.parse(record(4)), JSON.parse(record(5, { body: '' }))] }));
    writeFileSync(join(inbox, 'nested', 'latin1.txt'), Buffer.from(`Caf\xe9 owners protest\n\n${PARAGRAPH} The caf\xe9 is closed.`, 'latin1'));
    writeFileSync(join(inbox, 'nested', 'page.html.gz'), gzipSync(`<html><head><title>Bus service extended</title></head><body><article><p>${PARAGRAPH}</p><p>${PARAGRAPH.replace('Thursday', 'Friday')}</p></article></body></html>`));
    writeFileSync(join(inbox, 'picture.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(join(inbox, 'corrupt.txt.gz'), Buffer.from('not gzip at all'));
    writeFileSync(join(inbox, 'empty.txt'), '');
    writeFileSync(join(inbox, 'notes.docx'), 'ignored inside a folder');
    writeFileSync(
      join(inbox, 'feeds.opml'),
      '<?xml version="1.0"?><opml version="2.0"><body><outline text="News"><outline type="rss" text="A" xmlUrl="https://a.example/feed.xml"/><outline type="rss" text="B" xmlUrl="https://b.example/rss"/></outline></body></opml>',
    );
    store = await openStore(':memory:');
    ctx = { store, fetcher: createFetcher({}), log: pino({ level: 'silent' }), pollIntervalMinutes: 30 };
    report = await ingestInputs([inbox], ctx);
  });
  afterAll(async () => {
    await store.close();
    cleanup();
  });

  it('stores every good item', () => {
    expect(report.added).toBe(6);
  });

  it('reports each bad item with a one-line reason', () => {
    const reasons = Object.fromEntries(report.failures.map((f) => [f.label.split('/').at(-1), f.reason]));
    expect(reasons['records.jsonl#L2']).toMatch(/broken JSON/);
    expect(reasons['picture.html']).toMatch(/binary/);
    expect(reasons['corrupt.txt.gz']).toMatch(/header|gzip|zlib/i);
    expect(report.failed).toBe(3);
    for (const f of report.failures) expect(f.reason).not.toContain('\n');
  });

  it('skips what is not an article, and ignores unknown files in folders', () => {
    expect(report.skipped).toBe(2);
    expect(report.failures.some((f) => f.label.endsWith('notes.docx'))).toBe(false);
  });

  it('decodes legacy encodings', async () => {
    const [hit] = await store.search('café', { limit: 1 });
    const article = await store.articles.get(hit!.id);
    expect(article!.title).toBe('Café owners protest');
  });

  it('maps common record fields and adds OPML feeds', async () => {
    const [hit] = await store.search('"Story number 4"', { limit: 1 });
    const article = await store.articles.get(hit!.id);
    expect(article).toMatchObject({ title: 'Council story 4', sourceName: 'City Herald' });
    expect(article!.published?.startsWith('2024-05-05')).toBe(true);
    expect(report.feedsAdded).toBe(2);
    expect((await store.feeds.list()).map((f) => f.url)).toEqual(['https://a.example/feed.xml', 'https://b.example/rss']);
  });

  it('adds nothing the second time', async () => {
    const again = await ingestInputs([inbox], ctx);
    expect(again).toMatchObject({ added: 0, duplicates: 0, feedsAdded: 0 });
    expect(again.unchanged).toBe(report.added + report.skipped);
  });

  it('refuses a named file of unknown type, but goes on', async () => {
    const result = await ingestInputs([join(inbox, 'notes.docx'), join(inbox, 'records.jsonl')], ctx);
    expect(result.failures[0]).toMatchObject({ reason: 'unsupported file type' });
  });
});
