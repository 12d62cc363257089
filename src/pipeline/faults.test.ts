// Faults, against a real local server and a real SQLite file: one poll of feeds that bomb,
// stream 100 MB, reset, trickle, stall, list 100,000 items or meet a bug, where each bad
// feed gets a one-line error and the good ones are stored; then a full disk and a locked database,
// which fail the write in hand with a clear error, lose nothing committed, and recover.
import { spawn } from 'node:child_process';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleHtml } from '../api/__fixtures__/news-server.js';
import { createFetcher } from '../ingest/fetch/index.js';
import { openStore, type Store } from '../store/index.js';
import { ROOT, tempDir } from '../test-support/index.js';
import { capture } from '../test-support/store.js';
import type { PipelineContext } from './context.js';
import { pollDueFeeds } from './feeds.js';
import { ingestInputs } from './ingest.js';
import { storeCaptures } from './store-captures.js';

const MAX_BYTES = 8 * 1024 * 1024;
const HUNDRED_MB = 100 * 1024 * 1024;

function rss(base: string, slugs: string[]): string {
  const items = slugs.map((s) => `<item><link>${base}/articles/${s}.html</link></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Canal</title>${items.join('')}</channel></rss>`;
}

/** 64 MB of one byte, compressed to a few kilobytes: far past the 8 MB cap once opened. */
const zeros = Buffer.alloc(64 * 1024 * 1024);
const BOMBS = {
  gzip: gzipSync(zeros, { level: 9 }),
  br: brotliCompressSync(zeros, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } }),
  deflate: deflateSync(zeros, { level: 9 }),
};

/** Writes `total` bytes as the client reads them; returns how many it managed before the client left. */
function stream(res: ServerResponse, total: number): Promise<number> {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let sent = 0;
  return new Promise((resolve) => {
    res.on('close', () => resolve(sent));
    const pump = () => {
      while (sent < total && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
}

describe('a poll of hostile feeds', () => {
  const { dir, cleanup } = tempDir();
  let server: Server;
  let base: string;
  let store: Store;
  const streamed: Promise<number>[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      const bomb = path.match(/^\/bomb-(gzip|br|deflate)\.xml$/)?.[1] as keyof typeof BOMBS;
      if (bomb)
        return void res
          .writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': bomb })
          .end(BOMBS[bomb]);
      if (path === '/huge.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        return void streamed.push(stream(res, HUNDRED_MB));
      }
      if (path === '/huge-declared.xml')
        return void res
          .writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': HUNDRED_MB })
          .end();
      if (path === '/reset.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write(rss(base, ['never']).slice(0, 60));
        return void setTimeout(() => req.socket.destroy(), 50);
      }
      if (path === '/hang-up.xml') return void req.socket.destroy();
      if (path === '/trickle.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const timer = setInterval(() => res.write('<'), 100);
        return void res.on('close', () => clearInterval(timer));
      }
      if (path === '/silent.xml') return; // never answers
      if (path === '/items.xml') {
        const slugs = Array.from({ length: 100_000 }, (_, i) => `item-${i}`);
        return void res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(rss(base, slugs));
      }
      if (path === '/items.json') {
        const items = Array.from({ length: 100_000 }, (_, i) => ({
          id: `j${i}`,
          url: `${base}/articles/json-${i}.html`,
        }));
        return void res.writeHead(200, { 'content-type': 'application/feed+json' }).end(
          JSON.stringify({
            version: 'https://jsonfeed.org/version/1.1',
            title: 'Canal JSON',
            items,
          }),
        );
      }
      if (path === '/good.xml')
        return void res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(rss(base, ['good-1', 'good-2']));
      const page = path.match(/^\/articles\/([\w-]+)\.html$/);
      if (page)
        return void res.writeHead(200, { 'content-type': 'text/html' }).end(articleHtml(page[1]!));
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    store = await openStore(join(dir, 'faults.db'));
  });
  afterAll(async () => {
    await store.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    cleanup();
  });

  it('records a clear error for each bad feed and stores the good ones', {
    timeout: 120_000,
  }, async () => {
    const expected: Record<string, RegExp | null> = {
      '/bomb-gzip.xml': /^the decompressed body is larger than 8388608 bytes$/,
      '/bomb-br.xml': /^the decompressed body is larger than 8388608 bytes$/,
      '/bomb-deflate.xml': /^the decompressed body is larger than 8388608 bytes$/,
      '/huge.xml': /^the response body is larger than 8388608 bytes$/,
      '/huge-declared.xml': /^Content-Length 104857600 is larger than 8388608 bytes$/,
      '/reset.xml': /127\.0\.0\.1:\d+ closed the connection/,
      '/hang-up.xml': /127\.0\.0\.1:\d+ closed the connection/,
      '/trickle.xml': /no complete response from .* within 2000 ms/,
      '/silent.xml': /no complete response from .* within 2000 ms/,
      '/items.xml': null,
      '/items.json': null,
      '/good.xml': null,
      '/bug.xml': /poll failed: a bug in the fetcher/,
    };
    for (const path of Object.keys(expected)) await store.feeds.add(`${base}${path}`, null, null);
    const fetcher = createFetcher({
      allowPrivate: true,
      perHostDelayMs: 0,
      timeoutMs: 2000,
      maxBytes: MAX_BYTES,
    });
    const ctx: PipelineContext = {
      store,
      // One feed meets a fault no one planned for: it throws instead of failing as a value.
      fetcher: {
        fetch: (url, req) =>
          url.endsWith('/bug.xml')
            ? Promise.reject(new Error('a bug in the fetcher'))
            : fetcher.fetch(url, req),
        close: () => fetcher.close(),
      },
      log: pino({ level: 'silent' }),
      pollIntervalMinutes: 30,
    };
    const results = await pollDueFeeds(ctx);
    await ctx.fetcher.close();

    const feeds = new Map((await store.feeds.list()).map((f) => [f.url.slice(base.length), f]));
    expect(results).toHaveLength(Object.keys(expected).length);
    for (const [path, error] of Object.entries(expected)) {
      const feed = feeds.get(path)!;
      if (error) {
        expect(feed.lastError, path).toMatch(error);
        expect(feed.errorCount, path).toBe(1);
      } else expect(feed.lastError, path).toBeNull();
    }
    // A feed of 100,000 items is read whole, and a poll takes its first 100.
    const pathOf = new Map([...feeds].map(([path, feed]) => [feed.id, path]));
    const added = Object.fromEntries(results.map((r) => [pathOf.get(r.feedId), r.added]));
    expect(added).toMatchObject({ '/items.xml': 100, '/items.json': 100, '/good.xml': 2 });
    // The 100 MB stream was cut off near the cap, not read to the end.
    expect(await Promise.all(streamed)).toEqual([expect.any(Number)]);
    expect((await streamed[0])!).toBeLessThan(MAX_BYTES + 16 * 1024 * 1024);
    const db = new Database(join(dir, 'faults.db'), { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM article').get() as { n: number }).n).toBe(202);
    db.close();
  });
});

describe('files on disk past the size cap', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);

  it('refuses a 100 MB page and a gzip bomb with a reason each, and stores the rest', async () => {
    // Sparse: 100 MB to the reader, next to nothing on the disk.
    writeFileSync(join(dir, 'huge.html'), '');
    truncateSync(join(dir, 'huge.html'), HUNDRED_MB);
    writeFileSync(join(dir, 'bomb.html.gz'), gzipSync(Buffer.alloc(HUNDRED_MB, ' '), { level: 9 }));
    writeFileSync(join(dir, 'good.html'), articleHtml('good'));
    const store = await openStore(':memory:');
    try {
      const ctx: PipelineContext = {
        store,
        fetcher: createFetcher({}),
        log: pino({ level: 'silent' }),
        pollIntervalMinutes: 30,
      };
      const report = await ingestInputs([dir], ctx);
      expect(report.added).toBe(1);
      const reasons = Object.fromEntries(
        report.failures.map((f) => [f.label.split('/').pop(), f.reason]),
      );
      expect(reasons).toEqual({
        'huge.html': 'file is larger than 52428800 bytes',
        'bomb.html.gz': expect.stringMatching(/larger than 52428800 bytes/),
      });
    } finally {
      await store.close();
    }
  });
});

/** Articles as captures, unique per name. */
function captures(prefix: string, n: number) {
  return Array.from({ length: n }, (_, i) => {
    const url = `https://canal.example/${prefix}-${i}`;
    return { capture: capture('html', url, articleHtml(`${prefix}-${i}`), url), label: url };
  });
}

function inspect(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      articles: (db.prepare('SELECT count(*) AS n FROM article').get() as { n: number }).n,
      integrity: db.pragma('integrity_check', { simple: true }),
    };
  } finally {
    db.close();
  }
}

describe('a full disk and a locked database', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);

  it('fails a write on a full disk clearly, keeps what was committed, and resumes once there is room', async () => {
    const file = join(dir, 'full.db');
    const store = await openStore(file);
    try {
      await storeCaptures({ store }, captures('before', 5), 'canal');
      // SQLite's own limit on the file's pages stands in for the disk: the next pages fail
      // with SQLITE_FULL exactly as a full disk does.
      const { rows } = await sql<{ page_count: number }>`PRAGMA page_count`.execute(store.kysely);
      await sql.raw(`PRAGMA max_page_count = ${rows[0]!.page_count + 2}`).execute(store.kysely);
      await expect(storeCaptures({ store }, captures('after', 200), 'canal')).rejects.toThrow(
        /database or disk is full/,
      );
      expect(inspect(file)).toEqual({ articles: 5, integrity: 'ok' });

      await sql.raw('PRAGMA max_page_count = 1073741823').execute(store.kysely);
      const again = await storeCaptures({ store }, captures('after', 200), 'canal');
      expect(again.counts.added).toBe(200);
      expect(inspect(file)).toEqual({ articles: 205, integrity: 'ok' });
    } finally {
      await store.close();
    }
  });

  it('waits out a short lock, fails clearly on a long one, and keeps what was committed', {
    timeout: 60_000,
  }, async () => {
    const file = join(dir, 'locked.db');
    const store = await openStore(file);
    try {
      await storeCaptures({ store }, captures('first', 3), 'canal');
      await sql.raw('PRAGMA busy_timeout = 1500').execute(store.kysely);

      // Another process writes, holding the lock for a moment (a second writer, a backup).
      let holder = await holdLock(file, 300);
      expect((await storeCaptures({ store }, captures('waited', 3), 'canal')).counts.added).toBe(3);
      await holder.done;

      // And then for longer than the store waits.
      holder = await holdLock(file, 2500);
      await expect(storeCaptures({ store }, captures('refused', 3), 'canal')).rejects.toThrow(
        /database is locked/,
      );
      await holder.done;
      expect(inspect(file)).toEqual({ articles: 6, integrity: 'ok' });
      expect((await storeCaptures({ store }, captures('refused', 3), 'canal')).counts.added).toBe(
        3,
      );
      expect(inspect(file).articles).toBe(9);
    } finally {
      await store.close();
    }
  });
});

/** A second process that writes to `file` and holds its write lock for `ms`. */
async function holdLock(file: string, ms: number): Promise<{ done: Promise<void> }> {
  const script = `const db = new (require('better-sqlite3'))(process.argv[1]);
db.exec('BEGIN IMMEDIATE');
db.prepare("INSERT INTO source (key, name, created_at) VALUES (?, 'lock holder', '')").run(String(Date.now() + Math.random()));
process.stdout.write('locked\\n');
setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.argv[2]));`;
  const child = spawn(process.execPath, ['-e', script, file, String(ms)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const done = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return { done };
}
