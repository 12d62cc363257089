// Authentication in-process through app.request(): stored and environment tokens,
// read-only tokens, the session cookie with its CSRF check, read tokens, CORS and the
// rate limit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { type ApiDeps, createApp } from './app.js';

const ENV_TOKEN = 'an-environment-token-long-enough';

describe('authentication', () => {
  let store: Store;
  let write: string;
  let read: string;
  beforeEach(async () => {
    store = await openStore(':memory:');
    write = (await store.tokens.create({ name: 'writer', scope: 'write' })).token;
    read = (await store.tokens.create({ name: 'reader', scope: 'read' })).token;
  });
  afterEach(() => store.close());

  const app = (deps: Partial<ApiDeps> = {}) => createApp({ store, ...deps });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const postWatch = (a: ReturnType<typeof app>, headers: Record<string, string> = {}) =>
    a.request('/api/watches', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ name: 'floods', words: 'floods' }),
    });

  it('records every attempted write, refused or not, and shows the log to admin tokens only', async () => {
    const admin = (await store.tokens.create({ name: 'admin', scope: 'admin' })).token;
    const a = app({ token: ENV_TOKEN });
    expect((await postWatch(a)).status).toBe(401);
    expect((await postWatch(a, bearer(read))).status).toBe(403);
    expect((await postWatch(a, bearer(write))).status).toBe(201);
    expect((await postWatch(a, bearer(admin))).status).toBe(201);
    expect((await a.request('/api/watches', { headers: bearer(write) })).status).toBe(200);
    // The log is an admin's: SITREP_API_TOKEN and admin tokens read it, nobody else.
    expect((await a.request('/api/audit')).status).toBe(401);
    expect((await a.request('/api/audit', { headers: bearer(write) })).status).toBe(403);
    expect((await a.request('/api/audit', { headers: bearer(ENV_TOKEN) })).status).toBe(200);
    const res = await a.request('/api/audit', { headers: bearer(admin) });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as {
      items: Array<{
        id: number;
        actor: string | null;
        method: string;
        path: string;
        status: number;
      }>;
    };
    // Reads (the GET, and reading the log) are not recorded; newest first.
    expect(items.map((e) => [e.actor, e.method, e.path, e.status])).toEqual([
      ['admin', 'POST', '/api/watches', 201],
      ['writer', 'POST', '/api/watches', 201],
      ['reader', 'POST', '/api/watches', 403],
      [null, 'POST', '/api/watches', 401],
    ]);
    const older = await a.request(`/api/audit?limit=2&before=${items[1]!.id}`, {
      headers: bearer(admin),
    });
    expect(((await older.json()) as { items: unknown[] }).items).toHaveLength(2);
  });

  it('lets write tokens and SITREP_API_TOKEN write, and nobody else', async () => {
    const a = app({ token: ENV_TOKEN });
    expect((await postWatch(a)).status).toBe(401);
    expect((await postWatch(a, bearer('sitrep_wrong'))).status).toBe(401);
    const readOnly = await postWatch(a, bearer(read));
    expect(readOnly.status).toBe(403);
    expect((await readOnly.json()).error.code).toBe('FORBIDDEN');
    expect((await postWatch(a, bearer(write))).status).toBe(201);
    expect((await postWatch(a, bearer(ENV_TOKEN))).status).toBe(201);
    // Reads are open by default, and a read token may read.
    expect((await a.request('/api/watches')).status).toBe(200);
    expect((await a.request('/api/watches', { headers: bearer(read) })).status).toBe(200);
  });

  it('stops a token the moment it is revoked', async () => {
    const a = app();
    const id = (await store.tokens.list()).find((t) => t.name === 'writer')!.id;
    expect((await postWatch(a, bearer(write))).status).toBe(201);
    await store.tokens.revoke(id);
    expect((await postWatch(a, bearer(write))).status).toBe(401);
  });

  it('needs a token for reads when told to', async () => {
    const a = app({ options: { requireReadToken: true } });
    expect((await a.request('/api/watches')).status).toBe(401);
    expect((await a.request('/api/watches', { headers: bearer(read) })).status).toBe(200);
    const page = await a.request('/watches', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login?next=%2Fwatches');
    expect((await a.request('/login')).status).toBe(200);
  });

  it('sends a signed-in browser only to paths on this site, and caps what /login reads', async () => {
    const a = app();
    const landing = async (next: string) =>
      (await a.request(`/login?token=${encodeURIComponent(write)}&next=${next}`)).headers.get(
        'location',
      );
    expect(await landing('/stories/3?since=2024-01-01')).toBe('/stories/3?since=2024-01-01');
    // A browser drops the tab and would go to evil.example.
    expect(await landing('/%09/evil.example')).toBe('/');
    expect(await landing('//evil.example')).toBe('/');
    expect(await landing('/%5Cevil.example')).toBe('/');
    expect(await landing('https://evil.example/')).toBe('/');
    const huge = await a.request('/login', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'same-origin',
      },
      body: `token=${'x'.repeat(100_000)}`,
    });
    expect(huge.status).toBe(413);
  });

  it('lets a feed URL carry its read token, and nothing else', async () => {
    const a = app({ options: { requireReadToken: true } });
    const feed = '/api/stories/999/feed.atom';
    expect((await a.request(feed)).status).toBe(401);
    // Past the token check: the story does not exist.
    expect((await a.request(`${feed}?token=${encodeURIComponent(read)}`)).status).toBe(404);
    expect((await a.request(`${feed}?token=not-a-token-at-all`)).status).toBe(401);
    expect((await a.request(`/api/watches?token=${encodeURIComponent(read)}`)).status).toBe(401);
  });

  it('signs a browser in with a cookie, and refuses cookie writes from other sites', async () => {
    const a = app();
    const link = await a.request(`/login?token=${encodeURIComponent(write)}`);
    expect(link.status).toBe(302);
    expect(link.headers.get('location')).toBe('/');
    const setCookie = link.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^sitrep_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;
    const signedIn = await (await a.request('/login', { headers: { cookie } })).text();
    expect(signedIn).toContain('signed in as <strong>writer</strong>');

    expect((await postWatch(a, { cookie, origin: 'http://localhost' })).status).toBe(201);
    expect((await postWatch(a, { cookie, 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    const crossSite = await postWatch(a, {
      cookie,
      'sec-fetch-site': 'cross-site',
      origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error.code).toBe('CROSS_SITE');
    expect((await postWatch(a, { cookie, origin: 'https://evil.example' })).status).toBe(403);
    expect((await postWatch(a, { cookie })).status).toBe(403);
  });

  it('signs in from the form, and not with a bad token', async () => {
    const a = app();
    const form = (
      token: string,
      headers: Record<string, string> = { origin: 'http://localhost' },
    ) =>
      a.request('/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams({ token, next: '/watches' }).toString(),
      });
    const ok = await form(write);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/watches');
    expect(ok.headers.get('set-cookie')).toMatch(/^sitrep_session=/);
    const bad = await form('sitrep_nope');
    expect(bad.status).toBe(401);
    expect(bad.headers.get('set-cookie')).toBeNull();
    expect((await form(write, { origin: 'https://evil.example' })).status).toBe(403);
    const out = await a.request('/logout', {
      method: 'POST',
      headers: { origin: 'http://localhost' },
    });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/sitrep_session=;.*Max-Age=0/);
  });

  it('answers a refused browser form with a page that says how to sign in', async () => {
    const res = await app().request('/watches', {
      method: 'POST',
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=x&words=y',
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const page = await res.text();
    expect(page).toContain('href="/login"');
    expect(page).toContain('sitrep token create');
  });

  it('applies CORS to /api for the configured origins only', async () => {
    const a = app({ options: { corsOrigins: ['https://dash.example'] } });
    const allowed = await a.request('/api/watches', {
      headers: { origin: 'https://dash.example' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dash.example');
    const other = await a.request('/api/watches', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await a.request('/api/watches', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://dash.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    const closed = await app().request('/api/watches', {
      headers: { origin: 'https://dash.example' },
    });
    expect(closed.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('limits the rate per token and per anonymous client, with Retry-After', async () => {
    const a = app({ options: { rateLimitPerMinute: 3 } });
    for (let i = 0; i < 3; i++) expect((await a.request('/api/watches')).status).toBe(200);
    const limited = await a.request('/api/watches');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await limited.json()).error.code).toBe('RATE_LIMITED');
    // A token has its own allowance.
    expect((await a.request('/api/watches', { headers: bearer(read) })).status).toBe(200);
  });
});
