// Who is asking, and may they. Every request is authenticated once (a bearer token, or
// the session cookie a browser got at /login); every write needs a write token, and a
// cookie-authenticated write must also come from our own pages (CSRF). Without any token
// configured, writes are refused outright: a fresh install never exposes an open write API.
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { ERRORS, type ErrorCode, SitrepError } from '../core/errors.js';
import { canWrite, type TokenScope } from '../store/index.js';
import { signInRequiredPage } from '../web/login.js';
import type { ApiDeps } from './app.js';
import { RateLimiter } from './rate-limit.js';
import { isSameOrigin, pageHeaders, sessionToken } from './session.js';

/** Who a request acts for; tokenId is null for SITREP_API_TOKEN. */
export interface Principal {
  tokenId: number | null;
  name: string;
  scope: TokenScope;
}

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal | null;
    /** How the principal was established: a cookie needs the same-origin check to write. */
    authVia: 'bearer' | 'cookie' | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Paths anyone may load even when reads need a token: signing in, and its style and script. */
const OPEN_PATHS = /^\/(login|logout|assets\/)/;
/** /login and /logout check their own origin; they are how one gets a token in the first place. */
const SESSION_PATHS = /^\/(login|logout)$/;
const DEFAULT_RATE_LIMIT = 600;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The principal a token stands for: SITREP_API_TOKEN, or a working stored token; null otherwise. */
export async function resolveToken(
  deps: Pick<ApiDeps, 'store' | 'token'>,
  token: string,
): Promise<Principal | null> {
  if (deps.token && sameSecret(token, deps.token))
    return { tokenId: null, name: 'SITREP_API_TOKEN', scope: 'admin' };
  if (!token) return null;
  const stored = await deps.store.tokens.verify(token);
  return stored ? { tokenId: stored.id, name: stored.name, scope: stored.scope } : null;
}

/** The peer address of the connection (the node server puts the socket on env.incoming). */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/** Whether a browser page (not an API client) made the request, so it should get a page back. */
function wantsPage(c: Context): boolean {
  return !c.req.path.startsWith('/api/') && (c.req.header('accept') ?? '').includes('text/html');
}

async function refuse(c: Context, code: ErrorCode, detail: string): Promise<Response> {
  const status = ERRORS[code].status as 401 | 403;
  if (wantsPage(c)) return c.html(signInRequiredPage(detail), status, pageHeaders());
  throw new SitrepError(code, detail);
}

/** Why the request may not write, or null when it may. */
async function writeRefusal(
  c: Context,
  hasTokens: () => Promise<boolean>,
): Promise<{ code: ErrorCode; detail: string } | null> {
  const principal = c.get('principal');
  if (!principal) {
    return {
      code: 'UNAUTHORIZED',
      detail: (await hasTokens())
        ? 'send a write token (Authorization: Bearer …) or sign in'
        : 'no token exists yet; create one with `sitrep token create`',
    };
  }
  if (!canWrite(principal.scope))
    return { code: 'FORBIDDEN', detail: `the token “${principal.name}” is read-only` };
  if (c.get('authVia') === 'cookie' && !isSameOrigin(c))
    return { code: 'CROSS_SITE', detail: 'the request did not come from this site' };
  return null;
}

/** Middleware for a route that writes: a write token, and for cookies our own origin. */
export function requireWrite(): MiddlewareHandler {
  return async (c, next) => {
    const refusal = await writeRefusal(c, async () => true);
    if (refusal) return refuse(c, refusal.code, refusal.detail);
    await next();
  };
}

/** Middleware for what only an admin token may do: read the audit log. */
export function requireAdmin(): MiddlewareHandler {
  return async (c, next) => {
    const principal = c.get('principal');
    if (!principal)
      return refuse(c, 'UNAUTHORIZED', 'send an admin token (Authorization: Bearer …)');
    if (principal.scope !== 'admin')
      return refuse(c, 'FORBIDDEN', `the token “${principal.name}” is not an admin token`);
    await next();
  };
}

/** Atom, RSS and JSON Feed documents, which feed readers fetch without custom headers. */
const FEED_PATH = /\/feed\.(?:atom|rss|json)$/;

/**
 * The global middleware: puts the principal on the context, limits the rate of API
 * requests, and refuses what the principal may not do (reads when they need a token,
 * and every non-GET request without a write token).
 */
export function authenticate(deps: ApiDeps): MiddlewareHandler {
  const limiter = new RateLimiter(deps.options?.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT);
  const requireRead = deps.options?.requireReadToken ?? false;
  return async (c, next) => {
    const bearer = c.req
      .header('authorization')
      ?.match(/^Bearer\s+(.+)$/i)?.[1]
      ?.trim();
    // Feed readers cannot send headers: a feed URL may carry its read token instead.
    const feedToken =
      !bearer && c.req.method === 'GET' && FEED_PATH.test(c.req.path)
        ? c.req.query('token')
        : undefined;
    const given = bearer ?? feedToken;
    const cookie = given ? undefined : sessionToken(c);
    const principal = given
      ? await resolveToken(deps, given)
      : cookie
        ? await resolveToken(deps, cookie)
        : null;
    c.set('principal', principal);
    c.set('authVia', principal ? (given ? 'bearer' : 'cookie') : null);

    if (c.req.path.startsWith('/api/')) {
      const key = principal ? `token:${principal.tokenId ?? 'env'}` : `address:${clientAddress(c)}`;
      const wait = limiter.take(key);
      if (wait > 0) {
        return c.json(
          { error: { code: 'RATE_LIMITED', message: ERRORS.RATE_LIMITED.message } },
          429,
          { 'retry-after': String(wait) },
        );
      }
    }
    // A wrong bearer token is a mistake to report, not a reason to carry on anonymously.
    if (given && !principal)
      throw new SitrepError('UNAUTHORIZED', 'the token does not work (revoked, or mistyped)');

    if (!SAFE_METHODS.has(c.req.method)) {
      if (!SESSION_PATHS.test(c.req.path)) {
        const refusal = await writeRefusal(
          c,
          async () => Boolean(deps.token) || (await deps.store.tokens.countActive()) > 0,
        );
        if (refusal) return refuse(c, refusal.code, refusal.detail);
      }
    } else if (requireRead && !principal && !OPEN_PATHS.test(c.req.path)) {
      if (c.req.path.startsWith('/api/'))
        throw new SitrepError(
          'UNAUTHORIZED',
          'reads need a token here (SITREP_REQUIRE_READ_TOKEN)',
        );
      return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
    }
    await next();
  };
}

/** CORS for /api from the configured origins; none configured means same-origin only. */
export function apiCors(origins: string[]): MiddlewareHandler {
  if (origins.length === 0) return async (_c, next) => next();
  return cors({
    origin: origins.includes('*') ? '*' : origins,
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type'],
    exposeHeaders: ['Retry-After'],
    maxAge: 600,
  });
}
