// Pages the browser flows ingest, written for these tests: a harbour story told twice by two
// outlets, a lighthouse story a watch is waiting for, and a small RSS feed, served by a
// local news site that also receives webhooks.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An article page as a news site would serve it. */
export function articleHtml(
  site: string,
  title: string,
  paragraphs: string[],
  published: string,
): string {
  return `<!doctype html><html lang="en"><head><title>${title} | ${site}</title>
<meta property="og:site_name" content="${site}"><meta property="article:published_time" content="${published}">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${title}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article><aside><h2>More news</h2><ul><li><a href="/other-story">Council debates new bus lanes</a></li></ul></aside></body></html>`;
}

export const HARBOUR = {
  title: 'Storm closes Port Almera harbour',
  published: '2024-10-21T09:00:00Z',
  paragraphs: [
    'The harbour at Port Almera was closed on Monday after a storm damaged two piers, the port authority said.',
    '"We expect at least 40 fishing boats to stay in dock until Friday," said Maria Lopez, the harbour director. She said repairs would cost about 2 million euros.',
    "Fishermen in Port Almera said the closure came at the worst time of year. Daniel Okafor, who leads the fishermen's cooperative, said 300 families depend on the October catch.",
    'The authority said it would publish a repair plan on Wednesday. Engineers from the regional government arrived in Port Almera on Tuesday to inspect the damage.',
  ],
};

export const HARBOUR_AGAIN = {
  title: 'Port Almera fishermen wait as storm repairs begin',
  published: '2024-10-22T15:00:00Z',
  paragraphs: [
    'Repairs began on Tuesday at the storm-damaged harbour of Port Almera, where at least 40 fishing boats are stuck in dock.',
    'Maria Lopez, the harbour director, said the work would cost about 2 million euros and take until Friday.',
    '"Every day in dock is a day without income," said Daniel Okafor of the fishermen\'s cooperative, adding that 300 families were waiting.',
    'Engineers from the regional government said the two damaged piers could be reopened one at a time.',
  ],
};

export const LIGHTHOUSE = {
  title: 'Old lighthouse at Cape Verrin to be restored',
  published: '2024-11-05T08:00:00Z',
  paragraphs: [
    'The old lighthouse at Cape Verrin will be restored next spring, the town council said on Tuesday.',
    'The council said the lighthouse restoration would cost about 600,000 euros, most of it from a heritage fund.',
    '"The lighthouse is the heart of this coast," said Helen Marsh, the mayor of Cape Verrin.',
    'Work on the lighthouse tower is expected to take five months, and visitors will be able to climb it again in the autumn.',
  ],
};

/** An RSS feed listing one item, as a small outlet publishes it. */
export function rssFeed(base: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Almera Coast News</title>
<link>${base}/</link><description>Local news</description>
<item><title>${HARBOUR_AGAIN.title}</title><link>${base}/news/fishermen-wait.html</link>
<pubDate>Tue, 22 Oct 2024 15:00:00 GMT</pubDate><description>Repairs began on Tuesday.</description></item>
</channel></rss>`;
}

/** A webhook call as the receiver got it. */
export interface Hook {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface LocalSite {
  base: string;
  /** Webhook calls posted to /hook, in order. */
  hooks: Hook[];
  close(): Promise<void>;
}

/** Serves the fixture pages and feed on a loopback port, and takes webhooks at /hook. */
export async function serveNewsSite(): Promise<LocalSite> {
  const hooks: Hook[] = [];
  let base = '';
  const pages: Record<string, string> = {
    '/news/harbour.html': articleHtml(
      'Almera Daily',
      HARBOUR.title,
      HARBOUR.paragraphs,
      HARBOUR.published,
    ),
    '/news/fishermen-wait.html': articleHtml(
      'Coast Courier',
      HARBOUR_AGAIN.title,
      HARBOUR_AGAIN.paragraphs,
      HARBOUR_AGAIN.published,
    ),
    '/news/lighthouse.html': articleHtml(
      'Almera Daily',
      LIGHTHOUSE.title,
      LIGHTHOUSE.paragraphs,
      LIGHTHOUSE.published,
    ),
  };
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/hook') {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        hooks.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
      return;
    }
    const page = pages[req.url ?? ''];
    if (page)
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    if (req.url === '/feed.xml') {
      return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed(base));
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    hooks,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
