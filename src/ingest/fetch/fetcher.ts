// The only network code in sitrep: a fetcher that refuses private addresses on every
// hop, follows redirects itself, obeys robots.txt, spaces requests per host, caps sizes
// and time, and answers every expected failure with a value instead of an exception.
import { STATUS_CODES } from 'node:http';
import { isIP } from 'node:net';
import { request } from 'undici';
import { charsetFromContentType, decodeBytes } from '../../core/charset.js';
import { describeError, SitrepError } from '../../core/errors.js';
import { readBody, TooLargeError } from './body.js';
import { createHostGate } from './host-gate.js';
import { createRobotsCache, type RobotsText } from './robots.js';
import {
  BlockedAddressError,
  createSafeAgent,
  isAddressAllowed,
  systemResolver,
} from './safe-connect.js';
import {
  ACCEPT,
  ALLOW_PRIVATE,
  type FetchedPage,
  type Fetcher,
  type FetcherOptions,
  type FetchFailure,
  type FetchOutcome,
  type FetchRequest,
  MAX_BYTES,
  MAX_REDIRECTS,
  PER_HOST_DELAY_MS,
  RESPECT_ROBOTS,
  ROBOTS_MAX_BYTES,
  ROBOTS_TTL_MS,
  TIMEOUT_MS,
  USER_AGENT,
} from './types.js';

/** Binary types the pipeline can't use: refused before the body is read. */
const BINARY_CONTENT =
  /^(image|video|audio|font|model)\/|^application\/(octet-stream|pdf|zip|x-zip-compressed|gzip|x-gzip|x-tar|x-bzip2|x-7z-compressed|x-rar-compressed|vnd\.rar|wasm|x-msdownload|x-shockwave-flash|msword|vnd\.ms-|vnd\.openxmlformats)/i;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

type Failure = { ok: false; reason: FetchFailure; detail: string; status?: number };

type Hop =
  | { kind: 'page'; page: FetchedPage }
  | { kind: 'redirect'; status: number; location: string | null }
  | { kind: 'failure'; failure: Failure };

const fail = (reason: FetchFailure, detail: string, status?: number): Failure => ({
  ok: false,
  reason,
  detail,
  ...(status === undefined ? {} : { status }),
});

function flattenHeaders(
  raw: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined)
      out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Drops a body we won't read; undici reports the abort as an error nobody needs. */
function discard(body: { on(event: 'error', fn: () => void): unknown; destroy(): unknown }): void {
  body.on('error', () => {});
  body.destroy();
}

function parseHttpUrl(raw: string, base?: string): URL | null {
  try {
    const url = new URL(raw, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function findInCauses<T>(err: unknown, type: new (...args: never[]) => T): T | null {
  for (let e = err, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof type) return e;
  }
  return null;
}

function errorCode(err: unknown): string {
  for (let e = err, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return '';
}

/** Turns an exception from a request into the failure it stands for. */
function classifyError(err: unknown, timedOut: boolean, url: URL, timeoutMs: number): Failure {
  const blocked = findInCauses(err, BlockedAddressError);
  if (blocked) return fail('blocked-address', blocked.message);
  const tooLarge = findInCauses(err, TooLargeError);
  if (tooLarge) return fail('too-large', tooLarge.message);
  const code = errorCode(err);
  if (timedOut || /TIMEOUT/.test(code)) {
    return fail('timeout', `no complete response from ${url.host} within ${timeoutMs} ms`);
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA') {
    return fail('network', `could not resolve ${url.hostname}`);
  }
  if (code === 'ECONNREFUSED') return fail('network', `${url.host} refused the connection`);
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
    return fail('network', `${url.host} closed the connection`);
  return fail('network', `${url.host}: ${describeError(err)}`);
}

/** Creates the fetcher; every option has a safe default (see the constants in types.ts). */
export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const userAgent = options.userAgent ?? USER_AGENT;
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  const allowPrivate = options.allowPrivate ?? ALLOW_PRIVATE;
  const respectRobots = options.respectRobots ?? RESPECT_ROBOTS;
  for (const [name, value] of Object.entries({ timeoutMs, maxBytes, maxRedirects })) {
    if (!Number.isFinite(value) || value < 0)
      throw new SitrepError('CONFIG_INVALID', `fetcher ${name} must be ≥ 0`);
  }

  const agent = createSafeAgent({
    resolver: options.lookup ?? systemResolver,
    allowPrivate,
    timeoutMs,
  });
  const gate = createHostGate(options.perHostDelayMs ?? PER_HOST_DELAY_MS);
  const robots = createRobotsCache({
    userAgent,
    ttlMs: options.robotsTtlMs ?? ROBOTS_TTL_MS,
    fetchRobots: async (robotsUrl): Promise<RobotsText> => {
      const got = await fetchChain(robotsUrl, { accept: 'text/plain' }, ROBOTS_MAX_BYTES, false);
      if (got.ok)
        return { status: got.value.status, text: new TextDecoder().decode(got.value.body) };
      return got.status === undefined ? null : { status: got.status, text: '' };
    },
  });

  async function requestOnce(
    url: URL,
    requestedUrl: string,
    req: FetchRequest,
    cap: number,
  ): Promise<Hop> {
    // IP literals skip DNS; refuse them before connecting (the connector checks again).
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(literal) && !isAddressAllowed(allowPrivate, literal, literal)) {
      return {
        kind: 'failure',
        failure: fail('blocked-address', new BlockedAddressError(literal, literal).message),
      };
    }
    const headers: Record<string, string> = {
      'user-agent': userAgent,
      accept: req.accept ?? ACCEPT,
      'accept-encoding': 'gzip, deflate, br',
    };
    if (req.etag) headers['if-none-match'] = req.etag;
    if (req.lastModified) headers['if-modified-since'] = req.lastModified;

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const res = await request(url, {
        dispatcher: agent,
        method: 'GET',
        headers,
        signal: controller.signal,
      });
      const fetchedAt = new Date().toISOString();
      const status = res.statusCode;
      const head = flattenHeaders(res.headers);
      const contentType = head['content-type'] ?? null;
      if (REDIRECT_STATUSES.has(status)) {
        discard(res.body);
        return { kind: 'redirect', status, location: head.location ?? null };
      }
      const page = (body: Uint8Array, charset: string | null): FetchedPage => ({
        requestedUrl,
        url: url.href,
        status,
        notModified: status === 304,
        headers: head,
        contentType,
        charset,
        body,
        etag: head.etag ?? (status === 304 ? (req.etag ?? null) : null),
        lastModified: head['last-modified'] ?? (status === 304 ? (req.lastModified ?? null) : null),
        fetchedAt,
      });
      if (status === 304) {
        discard(res.body);
        return { kind: 'page', page: page(new Uint8Array(0), charsetFromContentType(contentType)) };
      }
      if (status < 200 || status > 299) {
        discard(res.body);
        const phrase = STATUS_CODES[status];
        return {
          kind: 'failure',
          failure: fail('http-error', `HTTP ${status}${phrase ? ` ${phrase}` : ''}`, status),
        };
      }
      if (contentType && BINARY_CONTENT.test(contentType.trim())) {
        discard(res.body);
        const type = contentType.split(';')[0]!.trim();
        return {
          kind: 'failure',
          failure: fail('unsupported-content', `${type} is not a page or a feed`, status),
        };
      }
      const declared = Number(head['content-length']);
      if (Number.isFinite(declared) && declared > cap) {
        discard(res.body);
        const detail = `Content-Length ${declared} is larger than ${cap} bytes`;
        return { kind: 'failure', failure: fail('too-large', detail, status) };
      }
      const body = await readBody(res.body, head['content-encoding'], cap);
      if (!body.ok)
        return { kind: 'failure', failure: fail(body.reason, body.detail ?? body.reason, status) };
      const charset = body.value.length
        ? decodeBytes(body.value, contentType).charset
        : charsetFromContentType(contentType);
      return { kind: 'page', page: page(body.value, charset) };
    } catch (err) {
      return { kind: 'failure', failure: classifyError(err, timedOut, url, timeoutMs) };
    } finally {
      clearTimeout(timer);
    }
  }

  async function fetchChain(
    input: string,
    req: FetchRequest,
    cap: number,
    checkRobots: boolean,
  ): Promise<FetchOutcome & { status?: number }> {
    let url = parseHttpUrl(input);
    if (!url) return fail('bad-url', `not an http(s) URL: ${input.slice(0, 200)}`);
    for (let redirects = 0; ; redirects++) {
      if (checkRobots && respectRobots && !(await robots.isAllowed(url.href))) {
        return fail('robots-disallowed', `robots.txt of ${url.host} disallows ${url.pathname}`);
      }
      const target = url;
      const hop = await gate.run(target.host, () => requestOnce(target, input, req, cap));
      if (hop.kind === 'page') return { ok: true, value: hop.page };
      if (hop.kind === 'failure') return hop.failure;
      if (!hop.location)
        return fail('http-error', `HTTP ${hop.status} redirect without a Location`, hop.status);
      if (redirects >= maxRedirects) {
        return fail(
          'too-many-redirects',
          `more than ${maxRedirects} redirects, starting at ${input}`,
        );
      }
      const next = parseHttpUrl(hop.location, url.href);
      if (!next)
        return fail('bad-url', `redirect to a non-http(s) URL: ${hop.location.slice(0, 200)}`);
      url = next;
    }
  }

  return {
    fetch: (url, req = {}) => fetchChain(url, req, maxBytes, true),
    close: () => agent.close(),
  };
}
