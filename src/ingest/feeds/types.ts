// What a parsed feed looks like to the rest of sitrep, whatever its format.

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

/** One feed entry, normalised across formats. */
export interface FeedItem {
  /** Stable identity: the feed's guid/id, else the URL, else a hash of title and date. */
  guid: string;
  /** Absolute http(s) URL of the article, resolved against the feed's URL. */
  url: string | null;
  /** Plain text. */
  title: string | null;
  /** ISO 8601 UTC. */
  published: string | null;
  updated: string | null;
  author: string | null;
  /** A short description as HTML (plain-text summaries are escaped). */
  summary: string | null;
  /** The full content as HTML when the feed carries it (plain text is escaped into <p>s). */
  contentHtml: string | null;
}

export interface ParsedFeed {
  format: FeedFormat;
  /** Plain text. */
  title: string | null;
  siteUrl: string | null;
  items: FeedItem[];
  /** Items that were present but unusable (no link, title or content; invalid fields). */
  dropped: number;
}

export type FeedFailure = 'not-a-feed' | 'malformed';
