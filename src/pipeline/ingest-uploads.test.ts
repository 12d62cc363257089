// Uploads read like files on disk: every format, bad files reported by the name the user
// sent with a one-line reason, the batch carried on, and the temporary folder gone after.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../ingest/fetch/index.js';
import { openStore, type Store } from '../store/index.js';
import type { PipelineContext } from './context.js';
import type { IngestReport } from './ingest.js';
import { ingestUploads } from './ingest-uploads.js';

const PARAGRAPH =
  'The river authority said on Wednesday that the flood barrier would stay closed until the water level fell below two metres.';

const text = (s: string) => new TextEncoder().encode(s);
const page = (title: string) =>
  `<html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${PARAGRAPH}</p><p>${PARAGRAPH.replace('Wednesday', `the day ${title} was written`)}</p></article></body></html>`;
const record = (n: number) =>
  JSON.stringify({
    title: `Barrier story ${n}`,
    body: `${PARAGRAPH} Report ${n}.`,
    source: 'River Post',
  });

describe('ingestUploads', () => {
  let store: Store;
  let report: IngestReport;

  beforeAll(async () => {
    store = await openStore(':memory:');
    const ctx: PipelineContext = {
      store,
      fetcher: createFetcher({}),
      log: pino({ level: 'silent' }),
      pollIntervalMinutes: 30,
    };
    report = await ingestUploads(ctx, [
      { name: 'barrier.html', bytes: text(page('Barrier stays shut')) },
      {
        name: 'C:\\Users\\me\\notes.txt',
        bytes: text(`Barrier notes\n\n${PARAGRAPH} Notes end here.`),
      },
      {
        name: 'records.jsonl.gz',
        bytes: gzipSync(`${record(1)}\n{"title": "broken\n${record(2)}\n`),
      },
      {
        name: 'feeds.opml',
        bytes: text(
          '<opml version="2.0"><body><outline type="rss" text="River" xmlUrl="https://river.example/feed.xml"/></body></opml>',
        ),
      },
      { name: 'picture.html', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]) },
      { name: 'broken.json', bytes: text('{"title": ') },
      { name: 'report.docx', bytes: text('not a format sitrep reads') },
      // Named as a renamed duplicate would be: neither may overwrite the other.
      { name: '9-barrier.html', bytes: text(page('Barrier inspected by engineers')) },
      { name: 'barrier.html', bytes: text(page('Barrier opens again')) },
    ]);
  });
  afterAll(() => store.close());

  it('stores the good files', () => {
    expect(report.added).toBe(6);
    expect(report.feedsAdded).toBe(1);
    expect(report.articleIds).toHaveLength(6);
  });

  it('reports each bad file by the name it was sent with, and goes on', () => {
    const reasons = Object.fromEntries(report.failures.map((f) => [f.label, f.reason]));
    expect(Object.keys(reasons).sort()).toEqual([
      'broken.json',
      'picture.html',
      'records.jsonl.gz#L2',
      'report.docx',
    ]);
    expect(reasons['picture.html']).toMatch(/binary/);
    expect(reasons['broken.json']).toMatch(/broken JSON/);
    expect(reasons['records.jsonl.gz#L2']).toMatch(/broken JSON/);
    expect(reasons['report.docx']).toMatch(/unsupported file type/);
    expect(report.failures.every((f) => !f.reason.includes('\n'))).toBe(true);
    expect(report.failed).toBe(4);
  });

  it('removes its temporary folder', async () => {
    const article = await store.articles.get(report.articleIds[0]!);
    const document = await store.documents.get(article!.documentId);
    const folder = dirname(fileURLToPath(document!.capture.origin.replace(/#.*$/, '')));
    expect(folder).toMatch(/sitrep-upload-/);
    expect(existsSync(folder)).toBe(false);
  });

  it('answers an empty batch with an empty report', async () => {
    const ctx = {
      store,
      fetcher: createFetcher({}),
      log: pino({ level: 'silent' }),
      pollIntervalMinutes: 30,
    };
    expect((await ingestUploads(ctx, [])).added).toBe(0);
  });
});
