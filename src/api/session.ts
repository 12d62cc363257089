// Browser sessions: the `sitrep_session` cookie carries a token (HttpOnly, so scripts
// can't read it; SameSite=Strict, so other sites' requests don't carry it), and /login
// and /logout set and clear it. Revoking the token ends every session that uses it.
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { loginPage } from '../web/login.js';
import type { ApiDeps } from './app.js';
import { type Principal, resolveToken } from './auth.js';

export const SESSION_COOKIE = 'sitrep_session';
/** The sign-in form's body: a token and a path, far under this. */
const LOGIN_MAX_BYTES = 16 * 1024;
/** A browser stays signed in for 30 days. */
const SESSION_MAX_AGE_S = 30 * 24 * 3600;
/** Pages answered by these routes carry the same policy as the other pages. */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** The token in the session cookie, if any. */
export function sessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined;
}

/** Whether the request comes from one of our own pages (the CSRF check for cookie-authenticated writes). */
export function isSameOrigin(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site) return site === 'same-origin' || site === 'none';
  const origin = c.req.header('origin');
  if (!origin) return false;
  try {
    const host =
      c.req.header('x-forwarded-host') ?? c.req.header('host') ?? new URL(c.req.url).host;
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Security headers for pages these routes answer themselves. */
export function pageHeaders(): Record<string, string> {
  return { ...PAGE_HEADERS };
}

function startSession(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: new URL(c.req.url).protocol === 'https:',
    path: '/',
    maxAge: SESSION_MAX_AGE_S,
  });
}

/** A local path to go to after signing in; anything else (another site, //host) becomes `/`. */
function localPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/')) return '/';
  // Resolved as a browser would (which drops tabs and newlines: "/\t/evil.example"), it
  // must stay on this origin; what is kept is the resolved path, never the raw text.
  const at = new URL(next, 'http://sitrep.invalid');
  return at.origin === 'http://sitrep.invalid' ? `${at.pathname}${at.search}${at.hash}` : '/';
}

/** Adds /login (form, form post, and ?token= links) and /logout. */
export function mountSessionRoutes(app: Hono, deps: Pick<ApiDeps, 'store' | 'token'>): void {
  const page = (c: Context, body: ReturnType<typeof loginPage>, status: 200 | 401 | 403 = 200) =>
    c.html(body, status, pageHeaders());

  app.get('/login', async (c) => {
    const link = c.req.query('token');
    if (link !== undefined) {
      const principal = await resolveToken(deps, link);
      if (!principal)
        return page(
          c,
          loginPage({
            error: 'That sign-in link has a token that does not work (revoked, or mistyped).',
          }),
          401,
        );
      startSession(c, link);
      // The token is in this URL: keep it out of caches and of the next page's Referer.
      c.header('cache-control', 'no-store');
      c.header('referrer-policy', 'no-referrer');
      return c.redirect(localPath(c.req.query('next')), 302);
    }
    const principal: Principal | null = c.get('principal') ?? null;
    return page(
      c,
      loginPage({
        signedInAs: principal?.name,
        next: c.req.query('next') ? localPath(c.req.query('next')) : null,
      }),
    );
  });

  // Anyone may post here, so the body is capped: a token is short.
  app.post('/login', bodyLimit({ maxSize: LOGIN_MAX_BYTES }), async (c) => {
    if (!isSameOrigin(c))
      return page(c, loginPage({ error: 'Sign in from this site’s own page.' }), 403);
    const form = await c.req.parseBody();
    const token = typeof form.token === 'string' ? form.token.trim() : '';
    const principal = token ? await resolveToken(deps, token) : null;
    if (!principal)
      return page(
        c,
        loginPage({
          error: 'That token does not work (revoked, or mistyped).',
          next: localPath(form.next),
        }),
        401,
      );
    startSession(c, token);
    return c.redirect(localPath(form.next), 303);
  });

  app.get('/logout', (c) => page(c, loginPage({ signedInAs: c.get('principal')?.name ?? null })));

  app.post('/logout', (c) => {
    if (!isSameOrigin(c))
      return page(c, loginPage({ error: 'Sign out from this site’s own page.' }), 403);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/login', 303);
  });
}
