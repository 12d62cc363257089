// The fetcher against a real local HTTP server on 127.0.0.1. Host names are mapped to
// that server through the injectable `lookup`, and the server answers per Host header,
// so one server stands in for several sites.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateRawSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from './fetcher.js';
import type { Fetcher, FetcherOptions, Resolver } from './types.js';

const PAGE =
  '<!doctype html><html><head><title>Hi</title></head><body><p>Hello, world.</p></body></html>';
// "Привет" in windows-1251.
const CP1251 = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]);

let server: Server;
let port = 0;
const hits: Array<{ host: string; path: string; at: number }> = [];
const hitsOf = (path: string, host?: string) =>
  hits.filter((h) => h.path === path && (!host || h.host === host)).length;

function handle(req: IncomingMessage, res: ServerResponse) {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  const path = req.url ?? '/';
  hits.push({ host, path, at: performance.now() });
  const send = (status: number, body: string | Buffer, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  };
  if (path === '/robots.txt') {
    if (host === 'broken.example') return send(503, 'down');
    if (host === 'missing.example') return send(404, 'nope');
    return send(
      200,
      'User-agent: *\nDisallow: /nobody\n\nUser-agent: sitrep\nDisallow: /private\n',
      {
        'content-type': 'text/plain',
      },
    );
  }
  if (path === '/ok' || path === '/private/page' || path === '/nobody') return send(200, PAGE);
  if (path === '/ua') return send(200, req.headers['user-agent'] ?? '');
  if (path === '/missing') return send(404, 'not here');
  if (path === '/gzip') return send(200, gzipSync(PAGE), { 'content-encoding': 'gzip' });
  if (path === '/br') return send(200, brotliCompressSync(PAGE), { 'content-encoding': 'br' });
  if (path === '/deflate')
    return send(200, deflateRawSync(PAGE), { 'content-encoding': 'deflate' });
  if (path === '/bad-gzip')
    return send(200, Buffer.from('definitely not gzip'), { 'content-encoding': 'gzip' });
  if (path === '/zstd') return send(200, Buffer.from('(pretend)'), { 'content-encoding': 'zstd' });
  if (path === '/big-declared') return send(200, 'x'.repeat(5000), { 'content-length': '5000' });
  if (path === '/big-chunked') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    for (let i = 0; i < 10; i++) res.write('y'.repeat(1000));
    return void res.end();
  }
  if (path === '/bomb') {
    return send(200, gzipSync(Buffer.alloc(200_000, 0x20)), { 'content-encoding': 'gzip' });
  }
  const hop = path.match(/^\/redirect\/(\d+)$/);
  if (hop) {
    const n = Number(hop[1]);
    return n === 0 ? send(200, PAGE) : send(302, '', { location: `${n - 1}` });
  }
  if (path === '/to-private')
    return send(302, '', { location: `http://internal.example:${port}/ok` });
  if (path === '/to-literal') return send(301, '', { location: `http://127.0.0.1:${port}/ok` });
  if (path === '/hang') return; // never answers
  if (path === '/hang-body') {
    res.writeHead(200, { 'content-type': 'text/html' });
    return void res.write('<p>start');
  }
  if (path === '/etag') {
    if (req.headers['if-none-match'] === '"v1"') return send(304, '', { etag: '"v1"' });
    return send(200, PAGE, { etag: '"v1"' });
  }
  if (path === '/modified') {
    const stamp = 'Tue, 01 Oct 2024 10:00:00 GMT';
    if (req.headers['if-modified-since'] === stamp) return send(304, '');
    return send(200, PAGE, { 'last-modified': stamp });
  }
  if (path === '/cp1251')
    return send(200, CP1251, { 'content-type': 'text/html; charset=windows-1251' });
  if (path === '/latin1') {
    const body = Buffer.concat([
      Buffer.from('<html><head><meta charset="iso-8859-1"></head><body>caf'),
      Buffer.from([0xe9]),
    ]);
    return send(200, body, { 'content-type': 'text/html' });
  }
  if (path === '/image') return send(200, Buffer.alloc(100), { 'content-type': 'image/png' });
  if (path === '/pdf') return send(200, Buffer.alloc(100), { 'content-type': 'application/pdf' });
  send(404, 'unknown');
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const fetchers: Fetcher[] = [];
afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
  hits.length = 0;
});

/** Every host name resolves to the local server. */
const toLocal: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];

function makeFetcher(opts: FetcherOptions = {}): Fetcher {
  const fetcher = createFetcher({
    allowPrivate: true,
    respectRobots: false,
    perHostDelayMs: 0,
    timeoutMs: 2000,
    lookup: toLocal,
    ...opts,
  });
  fetchers.push(fetcher);
  return fetcher;
}

const local = (path: string) => `http://127.0.0.1:${port}${path}`;
const named = (host: string, path: string) => `http://${host}:${port}${path}`;
const text = (body: Uint8Array) => new TextDecoder().decode(body);

describe('createFetcher: addresses', () => {
  it('fetches a page when private addresses are allowed', async () => {
    const got = await makeFetcher().fetch(local('/ok'));
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.value.status).toBe(200);
    expect(got.value.url).toBe(local('/ok'));
    expect(got.value.requestedUrl).toBe(local('/ok'));
    expect(got.value.notModified).toBe(false);
    expect(got.value.contentType).toBe('text/html; charset=utf-8');
    expect(got.value.charset).toBe('utf-8');
    expect(text(got.value.body)).toBe(PAGE);
    expect(Number.isNaN(Date.parse(got.value.fetchedAt))).toBe(false);
  });

  it('sends the sitrep user agent', async () => {
    const got = await makeFetcher().fetch(local('/ua'));
    expect(got.ok && text(got.value.body)).toMatch(/compatible; sitrep\/[\d.]+; \+https:/);
  });

  it('refuses the same loopback URL by default, without connecting', async () => {
    const got = await makeFetcher({ allowPrivate: false }).fetch(local('/ok'));
    expect(got).toMatchObject({
      ok: false,
      reason: 'blocked-address',
      detail: '127.0.0.1 is a loopback address',
    });
    expect(hitsOf('/ok')).toBe(0);
  });

  it('refuses a host name that resolves to a loopback address', async () => {
    const got = await makeFetcher({ allowPrivate: false }).fetch(named('news.example', '/ok'));
    expect(got).toMatchObject({ ok: false, reason: 'blocked-address' });
    expect(!got.ok && got.detail).toBe('news.example resolves to 127.0.0.1, a loopback address');
    expect(hitsOf('/ok')).toBe(0);
  });

  it('refuses an IPv4-mapped IPv6 loopback answer', async () => {
    const mapped: Resolver = async () => [{ address: '::ffff:127.0.0.1', family: 6 }];
    const got = await makeFetcher({ allowPrivate: false, lookup: mapped }).fetch(
      named('news.example', '/ok'),
    );
    expect(got).toMatchObject({ ok: false, reason: 'blocked-address' });
  });

  it('connects to the address the injected lookup gives', async () => {
    const allowNews = (host: string) => host === 'news.example';
    const got = await makeFetcher({ allowPrivate: allowNews }).fetch(named('news.example', '/ok'));
    expect(got.ok).toBe(true);
    expect(hits.map((h) => h.host)).toEqual(['news.example']);
  });

  it('checks every redirect hop: an allowed host redirecting inward is refused', async () => {
    const onlyPublic = (host: string) => host === 'public.example';
    const fetcher = makeFetcher({ allowPrivate: onlyPublic });
    const viaName = await fetcher.fetch(named('public.example', '/to-private'));
    expect(viaName).toMatchObject({ ok: false, reason: 'blocked-address' });
    expect(!viaName.ok && viaName.detail).toContain('internal.example resolves to 127.0.0.1');
    const viaLiteral = await fetcher.fetch(named('public.example', '/to-literal'));
    expect(viaLiteral).toMatchObject({ ok: false, reason: 'blocked-address' });
    expect(hitsOf('/to-private')).toBe(1);
    expect(hitsOf('/to-literal')).toBe(1);
    expect(hitsOf('/ok')).toBe(0);
  });

  it('rejects URLs that are not http(s)', async () => {
    const fetcher = makeFetcher();
    expect(await fetcher.fetch('ftp://example.com/x')).toMatchObject({
      ok: false,
      reason: 'bad-url',
    });
    expect(await fetcher.fetch('not a url')).toMatchObject({ ok: false, reason: 'bad-url' });
  });
});

describe('createFetcher: responses', () => {
  it.each(['/gzip', '/br', '/deflate'])('decodes %s bodies', async (path) => {
    const got = await makeFetcher().fetch(local(path));
    expect(got.ok && text(got.value.body)).toBe(PAGE);
  });

  it('reports a corrupt gzip body and an unknown coding as values', async () => {
    const fetcher = makeFetcher();
    expect(await fetcher.fetch(local('/bad-gzip'))).toMatchObject({ ok: false, reason: 'network' });
    expect(await fetcher.fetch(local('/zstd'))).toMatchObject({
      ok: false,
      reason: 'unsupported-content',
    });
  });

  it('reports HTTP errors in one line', async () => {
    const got = await makeFetcher().fetch(local('/missing'));
    expect(got).toMatchObject({ ok: false, reason: 'http-error', detail: 'HTTP 404 Not Found' });
  });

  it('caps the size from Content-Length', async () => {
    const got = await makeFetcher({ maxBytes: 1000 }).fetch(local('/big-declared'));
    expect(got).toMatchObject({ ok: false, reason: 'too-large' });
    expect(!got.ok && got.detail).toContain('Content-Length 5000');
  });

  it('caps the size while streaming without Content-Length', async () => {
    const got = await makeFetcher({ maxBytes: 4000 }).fetch(local('/big-chunked'));
    expect(got).toMatchObject({ ok: false, reason: 'too-large' });
    const fits = await makeFetcher({ maxBytes: 20_000 }).fetch(local('/big-chunked'));
    expect(fits.ok && fits.value.body.length).toBe(10_000);
  });

  it('caps the decompressed size (gzip bomb)', async () => {
    const got = await makeFetcher({ maxBytes: 50_000 }).fetch(local('/bomb'));
    expect(got).toMatchObject({ ok: false, reason: 'too-large' });
    expect(!got.ok && got.detail).toContain('decompressed');
  });

  it('follows relative redirects up to the limit', async () => {
    const fetcher = makeFetcher({ maxRedirects: 3 });
    const within = await fetcher.fetch(local('/redirect/3'));
    expect(within.ok && within.value.url).toBe(local('/redirect/0'));
    expect(within.ok && within.value.requestedUrl).toBe(local('/redirect/3'));
    const beyond = await fetcher.fetch(local('/redirect/4'));
    expect(beyond).toMatchObject({ ok: false, reason: 'too-many-redirects' });
  });

  it('times out a server that never answers', async () => {
    const started = performance.now();
    const got = await makeFetcher({ timeoutMs: 150 }).fetch(local('/hang'));
    expect(got).toMatchObject({ ok: false, reason: 'timeout' });
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('times out a body that never ends (the timeout is total)', async () => {
    const got = await makeFetcher({ timeoutMs: 150 }).fetch(local('/hang-body'));
    expect(got).toMatchObject({ ok: false, reason: 'timeout' });
  });

  it('answers a matching ETag with 304 notModified', async () => {
    const fetcher = makeFetcher();
    const first = await fetcher.fetch(local('/etag'));
    expect(first.ok && first.value.etag).toBe('"v1"');
    const second = await fetcher.fetch(local('/etag'), { etag: '"v1"' });
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.value).toMatchObject({ status: 304, notModified: true, etag: '"v1"' });
    expect(second.value.body.length).toBe(0);
  });

  it('answers a matching Last-Modified with 304 notModified', async () => {
    const fetcher = makeFetcher();
    const first = await fetcher.fetch(local('/modified'));
    const stamp = first.ok ? first.value.lastModified : null;
    expect(stamp).toBe('Tue, 01 Oct 2024 10:00:00 GMT');
    const second = await fetcher.fetch(local('/modified'), { lastModified: stamp });
    expect(second.ok && second.value.notModified).toBe(true);
    expect(second.ok && second.value.lastModified).toBe(stamp);
  });

  it('reports the charset from the header (windows-1251)', async () => {
    const got = await makeFetcher().fetch(local('/cp1251'));
    expect(got.ok && got.value.charset).toBe('windows-1251');
    expect(got.ok && new TextDecoder(got.value.charset ?? 'utf-8').decode(got.value.body)).toBe(
      'Привет',
    );
  });

  it('reports the charset from the document (iso-8859-1, which WHATWG names windows-1252)', async () => {
    const got = await makeFetcher().fetch(local('/latin1'));
    expect(got.ok && got.value.charset).toBe('windows-1252');
  });

  it.each(['/image', '/pdf'])('refuses binary content (%s)', async (path) => {
    const got = await makeFetcher().fetch(local(path));
    expect(got).toMatchObject({ ok: false, reason: 'unsupported-content' });
  });
});

describe('createFetcher: politeness', () => {
  it('honours robots.txt for its own token and fetches it once per origin', async () => {
    const fetcher = makeFetcher({ respectRobots: true });
    const denied = await fetcher.fetch(named('site.example', '/private/page'));
    expect(denied).toMatchObject({ ok: false, reason: 'robots-disallowed' });
    expect(hitsOf('/private/page')).toBe(0);
    // The sitrep group replaces the * group, so /nobody is allowed for sitrep.
    expect((await fetcher.fetch(named('site.example', '/nobody'))).ok).toBe(true);
    expect((await fetcher.fetch(named('site.example', '/ok'))).ok).toBe(true);
    expect(hitsOf('/robots.txt', 'site.example')).toBe(1);
  });

  it('allows everything when robots.txt is missing or failing', async () => {
    const fetcher = makeFetcher({ respectRobots: true });
    expect((await fetcher.fetch(named('missing.example', '/private/page'))).ok).toBe(true);
    expect((await fetcher.fetch(named('broken.example', '/private/page'))).ok).toBe(true);
  });

  it('spaces requests to one host and not across hosts', async () => {
    const delay = 200;
    const fetcher = makeFetcher({ perHostDelayMs: delay });
    await Promise.all([
      fetcher.fetch(named('a.example', '/ok')),
      fetcher.fetch(named('a.example', '/ok')),
    ]);
    const sameHost = hits.map((h) => h.at);
    expect(sameHost).toHaveLength(2);
    expect(sameHost[1]! - sameHost[0]!).toBeGreaterThanOrEqual(delay * 0.8);

    hits.length = 0;
    await Promise.all([
      fetcher.fetch(named('b.example', '/ok')),
      fetcher.fetch(named('c.example', '/ok')),
    ]);
    const [first, second] = hits.map((h) => h.at);
    expect(Math.abs(second! - first!)).toBeLessThan(delay * 0.8);
  });
});
