// The records that flow through sitrep's pipeline. See ../../../shared/ARCHITECTURE.md.
// Every span is a pair of JavaScript string offsets into Article.text.

/** An expected outcome as a value: callers branch on `ok` instead of catching. */
export type Result<T, R extends string = string> =
  | { ok: true; value: T }
  | { ok: false; reason: R; detail?: string };

export type SourceKind = 'agency' | 'outlet' | 'government' | 'blog' | 'unknown';

/** An outlet that publishes articles. */
export interface Source {
  id: number;
  /** Stable lookup key: the registrable domain when known, else a slug of the name. */
  key: string;
  name: string;
  domain: string | null;
  kind: SourceKind;
}

/** A feed polled on a schedule. */
export interface Feed {
  id: number;
  url: string;
  title: string | null;
  siteUrl: string | null;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  nextPollAt: string | null;
  lastError: string | null;
  errorCount: number;
}

/** How a capture came in; decides how it is extracted. */
export type CaptureKind = 'html' | 'text' | 'record';

/**
 * One capture of raw input before extraction: a fetched page, a file, or one record of a
 * JSON/JSONL file. `body` holds the exact bytes, so extraction can be re-run later.
 */
export interface Capture {
  kind: CaptureKind;
  /** Where it came from: an http(s) URL, or a file: URL (with #fragment for one record). */
  origin: string;
  /** The URL after redirects, when fetched. */
  url: string | null;
  fetchedAt: string;
  status: number | null;
  contentType: string | null;
  /** The charset the bytes were decoded with, when known. */
  charset: string | null;
  body: Uint8Array;
  etag?: string | null;
  lastModified?: string | null;
  /** Metadata known from outside the bytes (a feed item's title, date and summary). */
  hints?: CaptureHints;
}

/** What a feed item or a record says about the article, used to fill gaps. */
export interface CaptureHints {
  title?: string | null;
  published?: string | null;
  byline?: string | null;
  site?: string | null;
  url?: string | null;
  /** The feed item's own content (HTML or text), used when the page can't be had. */
  content?: string | null;
  /** The outlet to credit when the page names none (kept for a queued capture's worker). */
  fallbackSource?: string | null;
}

/** A link or headline the page showed beside the article, kept apart from the body. */
export interface RelatedLink {
  text: string;
  url: string | null;
}

/** Page furniture that is not body text but is worth keeping. */
export interface Boilerplate {
  captions: string[];
  other: string[];
}

/** A [start, end) pair of offsets into Article.text. */
export type Range = readonly [start: number, end: number];

/** The output of extraction: clean text and metadata, before it has a database id. */
export interface ArticleDraft {
  title: string | null;
  byline: string | null;
  /** ISO 8601 timestamps. */
  published: string | null;
  modified: string | null;
  /** BCP 47 primary language tag, such as "en". */
  language: string | null;
  site: string | null;
  url: string | null;
  canonicalUrl: string | null;
  image: string | null;
  text: string;
  /** Each paragraph as a range into `text`. */
  paragraphs: Range[];
  relatedLinks: RelatedLink[];
  boilerplate: Boilerplate;
  /**
   * The article body as HTML, cut down to reading markup (extract/sanitize.ts): no script,
   * handler, style, frame or image.
   */
  html: string | null;
  /** The extractor that produced this draft, with its version, e.g. "html/1". */
  extractor: string;
  /** A wire dateline opening the body ("WASHINGTON (Reuters) -"), when one was found. */
  dateline?: string | null;
}

/** A stored article. */
export interface Article extends ArticleDraft {
  id: number;
  documentId: number;
  sourceId: number;
  sourceName: string;
  ingestedAt: string;
}

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC' | 'NORP';

/** A reference to a named thing in the text. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** Canonical name of the entity it refers to. */
  entity: string;
}

export type QuoteKind = 'direct' | 'partial' | 'indirect' | 'mixed';

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/** Who said what: a quote with its speaker and cue. */
export interface Quote {
  kind: QuoteKind;
  content: TextSpan;
  speaker: { name: string | null; start: number | null; end: number | null; text: string | null };
  cue: TextSpan | null;
  confidence: number;
}

export type Hedge = 'about' | 'at-least' | 'at-most' | 'up-to' | 'exactly' | 'range';

/** A figure claimed in the text, with what it counts and who claims it. */
export interface Claim {
  text: string;
  start: number;
  end: number;
  value: number;
  low: number | null;
  high: number | null;
  hedge: Hedge | null;
  unit: string | null;
  subject: string;
  subjectKey: string;
  source: string | null;
  time: string | null;
}

export type TimeGrain = 'instant' | 'day' | 'week' | 'month' | 'quarter' | 'year' | 'range' | 'relative';

/** A time expression, normalized against the publish time. */
export interface TimeExpr {
  text: string;
  start: number;
  end: number;
  /** ISO date, datetime or interval ("2022-02", "2024-12-01/2024-12-31"). */
  value: string;
  grain: TimeGrain;
}

/** Everything the analyzers find in one article. */
export interface Annotations {
  entities: Mention[];
  quotes: Quote[];
  claims: Claim[];
  times: TimeExpr[];
}
