// Table types for Kysely. Column names are snake_case as stored; repositories map rows
// to the camelCase records of core/types.ts. Timestamps are ISO 8601 UTC strings, which
// sort correctly as text on every engine.
import type { Generated } from 'kysely';

export interface SourceTable {
  id: Generated<number>;
  key: string;
  name: string;
  domain: string | null;
  kind: string;
  created_at: string;
}

export interface FeedTable {
  id: Generated<number>;
  url: string;
  title: string | null;
  site_url: string | null;
  source_id: number | null;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  next_poll_at: string | null;
  last_error: string | null;
  error_count: Generated<number>;
  item_count: Generated<number>;
  created_at: string;
}

/**
 * Why a document did or did not become an article; 'pending' while an extract job for it
 * waits in the queue (PostgreSQL with workers).
 */
export type DocumentOutcome = 'article' | 'duplicate' | 'skipped' | 'failed' | 'pending';

export interface DocumentTable {
  id: Generated<number>;
  kind: string;
  origin: string;
  url: string | null;
  canonical_url: string | null;
  fetched_at: string;
  status: number | null;
  content_type: string | null;
  charset: string | null;
  content_hash: string;
  raw: Uint8Array;
  raw_encoding: string;
  raw_size: number;
  etag: string | null;
  last_modified: string | null;
  hints: string | null;
  feed_id: number | null;
  outcome: DocumentOutcome;
  outcome_reason: string | null;
  extractor: string | null;
}

export interface ArticleTable {
  id: Generated<number>;
  document_id: number;
  source_id: number;
  url: string | null;
  canonical_url: string | null;
  title: string | null;
  byline: string | null;
  published_at: string | null;
  modified_at: string | null;
  language: string | null;
  site_name: string | null;
  image_url: string | null;
  dateline: string | null;
  text: string;
  text_hash: string;
  paragraphs: string;
  related_links: string;
  boilerplate: string;
  content_html: string | null;
  word_count: number;
  extractor: string;
  ingested_at: string;
  analyzer: string | null;
  analyzed_at: string | null;
}

export interface EntityTable {
  id: Generated<number>;
  name: string;
  type: string;
  created_at: string;
  /**
   * Mentions linked to the entity, kept exact by every write that links or unlinks one
   * (on PostgreSQL, once the changes workers logged are folded in: see migration 010).
   */
  mention_count: Generated<number>;
  /** Articles with at least one such mention. */
  article_count: Generated<number>;
}

/** A change to an entity's counts not yet folded into its row (PostgreSQL; see migration 010). */
export interface EntityCountChangeTable {
  entity_id: number;
  mentions: number;
  articles: number;
}

export interface EntityAliasTable {
  entity_id: number;
  alias: string;
  /** Lower-cased alias, for lookups. */
  alias_key: string;
  type: string;
  source: string;
}

export interface MentionTable {
  id: Generated<number>;
  article_id: number;
  start: number;
  end: number;
  text: string;
  type: string;
  entity_id: number | null;
  /** nameKey(text): how alias edits find the mentions they apply to. */
  key: string | null;
  version: string;
}

export interface QuoteTable {
  id: Generated<number>;
  article_id: number;
  kind: string;
  start: number;
  end: number;
  cue_start: number | null;
  cue_end: number | null;
  speaker_text: string | null;
  speaker_start: number | null;
  speaker_end: number | null;
  speaker_entity_id: number | null;
  speaker_name: string | null;
  confidence: number;
  version: string;
}

export interface ClaimTable {
  id: Generated<number>;
  article_id: number;
  start: number;
  end: number;
  text: string;
  value: number;
  low: number | null;
  high: number | null;
  hedge: string | null;
  unit: string | null;
  subject: string;
  subject_key: string;
  source_text: string | null;
  source_entity_id: number | null;
  time_text: string | null;
  version: string;
}

export interface TimeExprTable {
  id: Generated<number>;
  article_id: number;
  start: number;
  end: number;
  text: string;
  value: string;
  grain: string;
  version: string;
}

export interface StoryTable {
  id: Generated<number>;
  title: string | null;
  first_seen_at: string;
  last_seen_at: string;
  article_count: Generated<number>;
  source_count: Generated<number>;
  created_at: string;
  updated_at: string;
  /** The story this one was merged into; its members moved there. */
  merged_into: number | null;
  /** Distinct near-duplicate groups among the members: independent reports. */
  independent_count: Generated<number>;
}

export interface StoryArticleTable {
  story_id: number;
  article_id: number;
  similarity: number;
  added_at: string;
}

/** The near-duplicate group of an analyzed article: the id of its group's first article. */
export interface ArticleCopyTable {
  article_id: number;
  group_id: number;
  similarity: number;
}

export interface WatchTable {
  id: Generated<number>;
  name: string;
  /** A search query (user syntax, turned into FTS5 by toFtsQuery). */
  words: string | null;
  entity_id: number | null;
  story_id: number | null;
  source_key: string | null;
  webhook_url: string | null;
  /** The HMAC key webhook deliveries are signed with. */
  secret: string;
  created_at: string;
}

/** An article a watch matched: one row of the inbox. */
export interface WatchMatchTable {
  id: Generated<number>;
  watch_id: number;
  article_id: number;
  matched_at: string;
  read_at: string | null;
}

/** How far through story placements the watches have been matched (one row). */
export interface WatchCursorTable {
  id: number;
  placed_at: string;
}

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

export interface WebhookDeliveryTable {
  id: Generated<number>;
  watch_id: number;
  /** The JSON articles array, frozen when queued so every retry sends the same thing. */
  payload: string;
  article_count: number;
  status: DeliveryStatus;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  created_at: string;
  delivered_at: string | null;
  last_error: string | null;
}

export interface WebhookAttemptTable {
  id: Generated<number>;
  delivery_id: number;
  attempted_at: string;
  /** The HTTP status, or null when no answer came. */
  status: number | null;
  error: string | null;
  duration_ms: number;
}

/** read: reads only; write: reads and writes; admin: also tokens and the audit log. */
export type TokenScope = 'read' | 'write' | 'admin';

export interface ApiTokenTable {
  id: Generated<number>;
  name: string;
  /** SHA-256 of the token, hex; the token itself is never stored. */
  hash: string;
  scope: TokenScope;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** The one row saying which generation of story assigner may place articles. */
export interface StoryLeaseTable {
  id: number;
  generation: number;
  holder: string | null;
  updated_at: string | null;
}

/** One request that tried to change something (see migration 012). */
export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  actor: string | null;
  token_id: number | null;
  method: string;
  path: string;
  status: number;
  address: string | null;
}

export interface Database {
  source: SourceTable;
  feed: FeedTable;
  document: DocumentTable;
  article: ArticleTable;
  entity: EntityTable;
  entity_alias: EntityAliasTable;
  entity_count_change: EntityCountChangeTable;
  mention: MentionTable;
  quote: QuoteTable;
  claim: ClaimTable;
  time_expr: TimeExprTable;
  story: StoryTable;
  story_article: StoryArticleTable;
  article_copy: ArticleCopyTable;
  watch: WatchTable;
  watch_match: WatchMatchTable;
  watch_cursor: WatchCursorTable;
  webhook_delivery: WebhookDeliveryTable;
  webhook_attempt: WebhookAttemptTable;
  api_token: ApiTokenTable;
  story_lease: StoryLeaseTable;
  audit_event: AuditEventTable;
}
