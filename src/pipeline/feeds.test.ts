// Feeds end to end against a local HTTP server: RSS, Atom, RDF and JSON Feed in, pages
// fetched and stored, 304s honoured, a broken feed recorded, private addresses refused.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../ingest/fetch/index.js';
import { openStore, type Store } from '../store/index.js';
import type { PipelineContext } from './context.js';
import { ingestUrl, nextPollTime, pollFeed } from './feeds.js';

const SENTENCES = [
  'The harbour authority said on Tuesday that night ferries would resume after the storm.',
  'Crews worked through the weekend to clear debris from the two main piers, officials said.',
  'Local traders, who lost a week of business, welcomed the news but asked for compensation.',
  'The regional government promised a review of its emergency plans before the winter season.',
];

function articleHtml(title: string): string {
  const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>${SENTENCES[i % 4]} (${title}, part ${i + 1}.)</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><title>${title} | Harbour News</title>
<meta property="og:site_name" content="Harbour News"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${title}</h1>${paragraphs}</article><footer>© Harbour News</footer></body></html>`;
}

function feeds(base: string): Record<string, { type: string; body: string }> {
  const item = (n: string) => `${base}/articles/${n}.html`;
  return {
    '/rss.xml': {
      type: 'application/rss+xml',
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour RSS</title><link>${base}/</link>
<item><title>Ferries resume</title><link>${item('rss-1')}</link><pubDate>Tue, 22 Oct 2024 08:00:00 GMT</pubDate></item>
<item><title>Piers cleared</title><link>${item('rss-2')}</link><pubDate>Wed, 23 Oct 2024 08:00:00 GMT</pubDate></item>
<item><title>Gone page</title><link>${base}/gone.html</link><description>&lt;p&gt;${SENTENCES.join(' ')} The page itself is gone, so this summary stands in.&lt;/p&gt;</description></item>
</channel></rss>`,
    },
    '/atom.xml': {
      type: 'application/atom+xml',
      body: `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Atom</title>
<id>urn:harbour</id><updated>2024-10-23T08:00:00Z</updated>
<entry><title>Traders ask for help</title><id>urn:a1</id><link href="${item('atom-1')}"/><updated>2024-10-23T09:00:00Z</updated></entry>
</feed>`,
    },
    '/rdf.xml': {
      type: 'application/rdf+xml',
      body: `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="${base}/rdf.xml"><title>Harbour RDF</title><link>${base}/</link></channel>
<item rdf:about="${item('rdf-1')}"><title>Review promised</title><link>${item('rdf-1')}</link></item>
</rdf:RDF>`,
    },
    '/feed.json': {
      type: 'application/feed+json',
      body: JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Harbour JSON',
        items: [{ id: 'j1', url: item('json-1'), title: 'Winter plans', date_published: '2024-10-24T07:00:00Z' }],
      }),
    },
    '/broken.xml': { type: 'application/rss+xml', body: '<rss version="2.0"><channel><title>Broken</tit' },
    '/section.xml': {
      type: 'application/rss+xml',
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour section</title>
<item><title>Section story</title><link>${item('section-1')}</link></item></channel></rss>`,
    },
    '/front.html': {
      type: 'text/html; charset=utf-8',
      body: `<!doctype html><html><head><title>Harbour News</title>
<link rel="alternate" type="application/rss+xml" title="Harbour News" href="/section.xml"></head><body><main>
${['Ferries resume', 'Piers cleared', 'Traders ask for help', 'Review promised', 'Winter plans'].map((t, i) => `<h2><a href="/articles/front-${i}.html">${t}</a></h2>`).join('\n')}
</main></body></html>`,
    },
  };
}

describe('feeds against a local server', () => {
  let server: Server;
  let base: string;
  let store: Store;
  const conditionalHits: string[] = [];
  const log = pino({ level: 'silent' });
  const ctx = (allowPrivate: boolean): PipelineContext => ({
    store,
    fetcher: createFetcher({ allowPrivate, perHostDelayMs: 0, timeoutMs: 5000 }),
    log,
    pollIntervalMinutes: 30,
  });

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      const feed = feeds(base)[path];
      if (feed) {
        const etag = `"${path.length}"`;
        if (req.headers['if-none-match'] === etag) {
          conditionalHits.push(path);
          res.writeHead(304).end();
          return;
        }
        res.writeHead(200, { 'content-type': feed.type, etag }).end(feed.body);
        return;
      }
      const page = path.match(/^\/articles\/([\w-]+)\.html$/);
      if (page) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml(`Story ${page[1]}`));
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    store = await openStore(':memory:');
  });
  afterAll(async () => {
    await store.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it.each([
    ['/rss.xml', 3],
    ['/atom.xml', 1],
    ['/rdf.xml', 1],
    ['/feed.json', 1],
  ])('adds %s as a feed and stores its items', async (path, items) => {
    const result = await ingestUrl(ctx(true), `${base}${path}`, 'test');
    expect(result.feedsAdded).toBe(1);
    expect(result.counts.added).toBe(items);
    expect(result.counts.failed).toBe(0);
  });

  it('adds the feeds a front page advertises', async () => {
    const result = await ingestUrl(ctx(true), `${base}/front.html`, 'test');
    expect(result).toMatchObject({ feedsAdded: 1 });
    expect(result.counts).toMatchObject({ added: 1, skipped: 1, failed: 0 });
    expect((await store.feeds.list()).map((f) => f.url)).toContain(`${base}/section.xml`);
  });

  it("keeps the page's title and text, and the feed item's date", async () => {
    const list = await store.articles.list({ limit: 50 });
    const ferries = list.find((a) => a.title === 'Story rss-1');
    expect(ferries?.published?.startsWith('2024-10-22')).toBe(true);
    const article = await store.articles.get(ferries!.id);
    expect(article!.text).toContain('night ferries would resume');
    expect(article!.text).not.toContain('© Harbour News');
  });

  it("uses the item's own content when its page can't be had", async () => {
    const gone = (await store.articles.list({ limit: 50 })).find((a) => a.title === 'Gone page');
    const article = await store.articles.get(gone!.id);
    expect(article!.text).toContain('this summary stands in');
  });

  it('sends conditional GETs and honours 304', async () => {
    const [feed] = (await store.feeds.list()).filter((f) => f.url.endsWith('/rss.xml'));
    const before = await store.articles.count();
    const result = await pollFeed(ctx(true), feed!);
    expect(conditionalHits).toContain('/rss.xml');
    expect(result).toMatchObject({ added: 0, error: null });
    expect(await store.articles.count()).toBe(before);
    expect((await store.feeds.get(feed!.id))!.lastError).toBeNull();
  });

  it('records a broken feed as an error on its row and backs off', async () => {
    const { id } = await store.feeds.add(`${base}/broken.xml`, null, null);
    const result = await pollFeed(ctx(true), (await store.feeds.get(id))!);
    expect(result.error).toMatch(/not a valid feed/);
    const row = await store.feeds.get(id);
    expect(row).toMatchObject({ errorCount: 1 });
    expect(row!.lastError).toMatch(/not a valid feed/);
    expect(Date.parse(row!.nextPollAt!)).toBeGreaterThan(Date.now() + 45 * 60_000);
  });

  it('refuses private addresses unless allowed', async () => {
    const refused = await ingestUrl(ctx(false), `${base}/rss.xml?again=1`, 'test');
    expect(refused.counts.failed).toBe(1);
    expect(refused.failures[0]!.reason).toMatch(/loopback|private/i);
    const [feed] = (await store.feeds.list()).filter((f) => f.url.endsWith('/atom.xml'));
    const polled = await pollFeed(ctx(false), feed!);
    expect(polled.error).toMatch(/loopback|private/i);
    expect((await store.feeds.get(feed!.id))!.errorCount).toBe(1);
  });

  it('doubles the wait after each failure, up to a day', () => {
    const now = new Date('2024-01-01T00:00:00Z');
    expect(nextPollTime(now, 30, 0)).toBe('2024-01-01T00:30:00.000Z');
    expect(nextPollTime(now, 30, 2)).toBe('2024-01-01T02:00:00.000Z');
    expect(nextPollTime(now, 30, 20)).toBe('2024-01-02T00:00:00.000Z');
  });
});
