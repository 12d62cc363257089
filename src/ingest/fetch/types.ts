// The fetcher's public shapes and its tuning defaults.
import type { Result } from '../../core/types.js';

/** Why a fetch did not produce a page; `detail` on the Result says it in one line. */
export type FetchFailure =
  | 'bad-url'
  | 'blocked-address'
  | 'robots-disallowed'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'http-error'
  | 'network'
  | 'unsupported-content';

/** One HTTP response, after redirects and decompression. */
export interface FetchedPage {
  requestedUrl: string;
  /** The URL after redirects. */
  url: string;
  status: number;
  /** A 304 answer to a conditional GET: `body` is empty. */
  notModified: boolean;
  /** Lower-case header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  contentType: string | null;
  /** The WHATWG name of the encoding `body` is in, when it is text. */
  charset: string | null;
  /** The decompressed bytes, undecoded. */
  body: Uint8Array;
  etag: string | null;
  lastModified: string | null;
  /** ISO 8601. */
  fetchedAt: string;
}

export type FetchOutcome = Result<FetchedPage, FetchFailure>;

export interface FetchRequest {
  /** Sent as If-None-Match. */
  etag?: string | null;
  /** Sent as If-Modified-Since. */
  lastModified?: string | null;
  /** Replaces the default Accept header. */
  accept?: string;
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it has (injectable for tests). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/**
 * Whether to connect to non-public addresses: `true` for all, or a predicate to allow
 * some (an internal feed server on a home network, a test server).
 */
export type AllowPrivate = boolean | ((hostname: string, address: string) => boolean);

export interface FetcherOptions {
  userAgent?: string;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  allowPrivate?: AllowPrivate;
  respectRobots?: boolean;
  perHostDelayMs?: number;
  robotsTtlMs?: number;
  lookup?: Resolver;
}

export interface Fetcher {
  /** Fetches a URL safely; every expected failure comes back as a Result. */
  fetch(url: string, request?: FetchRequest): Promise<FetchOutcome>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

/** Names sitrep and a contact URL so site owners can identify and reach the crawler. */
export const USER_AGENT = 'Mozilla/5.0 (compatible; sitrep/0.1; +https://github.com/sitrep/sitrep)';
/** Slow news sites answer within seconds; 20 s total bounds a stuck poll without cutting them off. */
export const TIMEOUT_MS = 20_000;
/** The largest real article pages are a few MB; 10 MB stops runaway or hostile bodies. */
export const MAX_BYTES = 10 * 1024 * 1024;
/** Browsers allow 20, but news links rarely need more than 2–3; 5 leaves room for trackers. */
export const MAX_REDIRECTS = 5;
/** Refuse private networks by default: URLs come from untrusted feeds (SSRF). */
export const ALLOW_PRIVATE = false;
/** Be a good citizen by default; operators can opt out for their own sites. */
export const RESPECT_ROBOTS = true;
/** One request per second per host is the common politeness floor for crawlers. */
export const PER_HOST_DELAY_MS = 1000;
/** Google caches robots.txt for up to a day; an hour picks up changes sooner. */
export const ROBOTS_TTL_MS = 60 * 60 * 1000;
/** Google reads only the first 500 KiB of a robots.txt; more is not a real robots file. */
export const ROBOTS_MAX_BYTES = 500 * 1024;
/** Prefer the formats the pipeline handles: pages and feeds. */
export const ACCEPT =
  'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.8';
