// A small news site on 127.0.0.1 for API tests: an RSS feed, an Atom feed and article
// pages, plus an address nothing listens on (what a machine without network meets).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createFetcher } from '../../ingest/fetch/index.js';
import type { PipelineContext } from '../../pipeline/context.js';
import type { EventBus } from '../../pipeline/events.js';
import type { Store } from '../../store/index.js';

const SENTENCES = [
  'The lock keepers said on Friday that barges would move again once the canal was dredged.',
  'Engineers spent the week removing silt from the two deepest stretches, officials said.',
  'Boat owners, stuck for ten days, welcomed the news but asked who would pay for the delay.',
  'The waterways board promised to publish its dredging schedule before the spring season.',
];

/** A full article page, unique per slug. */
export function articleHtml(slug: string): string {
  const paragraphs = Array.from(
    { length: 6 },
    (_, i) => `<p>${SENTENCES[i % 4]} (${slug}, part ${i + 1}.)</p>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><title>Canal ${slug} | Canal Times</title>
<meta property="og:site_name" content="Canal Times"></head><body><article><h1>Canal ${slug}</h1>${paragraphs}</article></body></html>`;
}

function rss(base: string, slugs: string[]): string {
  const items = slugs.map(
    (s) =>
      `<item><title>Canal ${s}</title><link>${base}/articles/${s}.html</link><pubDate>Fri, 01 Nov 2024 08:00:00 GMT</pubDate></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Canal Times</title><link>${base}/</link>${items.join('')}</channel></rss>`;
}

export interface NewsServer {
  base: string;
  /** A URL on a port nothing listens on: fetching it fails to connect. */
  unreachable: string;
  close(): Promise<void>;
}

/** Starts the site; `/rss.xml` lists two articles, `/more.xml` one more, `/atom.xml` one. */
export async function startNewsServer(): Promise<NewsServer> {
  let base = '';
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/rss.xml') {
      if (req.headers['if-none-match'] === '"r1"') return void res.writeHead(304).end();
      return void res
        .writeHead(200, { 'content-type': 'application/rss+xml', etag: '"r1"' })
        .end(rss(base, ['one', 'two']));
    }
    if (path === '/more.xml')
      return void res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(rss(base, ['three']));
    if (path === '/atom.xml') {
      const body = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Canal Atom</title><id>urn:canal</id><updated>2024-11-01T08:00:00Z</updated>
<entry><title>Canal four</title><id>urn:c4</id><link href="${base}/articles/four.html"/><updated>2024-11-01T09:00:00Z</updated></entry></feed>`;
      return void res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(body);
    }
    const page = path.match(/^\/articles\/([\w-]+)\.html$/);
    if (page)
      return void res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(articleHtml(page[1]!));
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was free a moment ago: connections to it are refused.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const unreachable = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/feed.xml`;
  await new Promise((resolve) => probe.close(resolve));
  return {
    base,
    unreachable,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A pipeline whose fetcher may reach the local server. */
export function localPipeline(store: Store, events?: EventBus): PipelineContext {
  return {
    store,
    fetcher: createFetcher({ allowPrivate: true, perHostDelayMs: 0, timeoutMs: 5000 }),
    log: pino({ level: 'silent' }),
    pollIntervalMinutes: 30,
    events,
  };
}
