// The store: the only module that talks to the database. Everything else receives a
// Store and calls its repositories.
import { statSync } from 'node:fs';
import { type Kysely, sql } from 'kysely';
import { AnnotationRepo } from './annotation-repo.js';
import { ArticleRepo } from './article-repo.js';
import { DocumentRepo } from './document-repo.js';
import { EntityRepo } from './entity-repo.js';
import { FeedRepo } from './feed-repo.js';
import { AuditRepo } from './audit-repo.js';
import { LeaseRepo } from './lease-repo.js';
import { type Db, openDatabase, type PostgresOptions } from './open.js';
import type { Database } from './schema.js';
import {
  type ArticleFilters,
  type SearchFacets,
  type SearchHit,
  type SearchOptions,
  searchArticles,
  searchFacets,
  searchWithFacets,
} from './search.js';
import { SourceRepo } from './source-repo.js';
import { StoryRepo } from './story-repo.js';
import { TokenRepo } from './token-repo.js';
import { WatchRepo } from './watch-repo.js';
import { WebhookRepo } from './webhook-repo.js';

export {
  type ArticleInput,
  type ArticleKey,
  type ArticleListOptions,
  type ArticleSummary,
  articleKeys,
} from './article-repo.js';
export type { DocumentInput } from './document-repo.js';
export type { AliasSource, EntityDetail, EntitySummary } from './entity-repo.js';
export type { FeedRow } from './feed-repo.js';
export type { Dialect } from './dialect.js';
export type { DocumentOutcome } from './schema.js';
export type { ArticleFilters, SearchFacets, SearchHit, SearchOptions } from './search.js';
export type {
  StoryEntity,
  StoryLatest,
  StoryListItem,
  StoryListOptions,
  StoryMember,
  StorySummary,
} from './story-repo.js';
export { toFtsQuery } from './search.js';
export { readStoryCursor, storyCursor } from './story-list.js';
export {
  type ApiToken,
  canWrite,
  hashToken,
  TOKEN_SCOPES,
  type TokenScope,
} from './token-repo.js';
export type { AuditEvent } from './audit-repo.js';
export type { ArticleBrief, InboxItem, InboxOptions, Watch, WatchInput } from './watch-repo.js';
export type { Delivery, DeliveryAttempt, DeliveryStatus, DueDelivery } from './webhook-repo.js';

/** Repositories bound to one connection or transaction. */
export class Repos {
  readonly documents: DocumentRepo;
  readonly articles: ArticleRepo;
  readonly annotations: AnnotationRepo;
  readonly feeds: FeedRepo;
  readonly entities: EntityRepo;
  readonly stories: StoryRepo;
  readonly watches: WatchRepo;
  readonly webhooks: WebhookRepo;
  readonly tokens: TokenRepo;
  readonly storyLease: LeaseRepo;
  readonly audit: AuditRepo;

  constructor(readonly kysely: Kysely<Database>) {
    this.documents = new DocumentRepo(kysely);
    this.articles = new ArticleRepo(kysely);
    this.entities = new EntityRepo(kysely);
    this.annotations = new AnnotationRepo(kysely, this.entities);
    this.feeds = new FeedRepo(kysely);
    this.stories = new StoryRepo(kysely);
    this.watches = new WatchRepo(kysely);
    this.webhooks = new WebhookRepo(kysely);
    this.tokens = new TokenRepo(kysely);
    this.storyLease = new LeaseRepo(kysely);
    this.audit = new AuditRepo(kysely);
  }
}

export interface StoreStats {
  articles: number;
  documents: number;
  sources: number;
  feeds: number;
  failedDocuments: number;
  skippedDocuments: number;
  analyzedArticles: number;
  timeExprs: number;
  databaseBytes: number | null;
}

export class Store extends Repos {
  /** Sources are cached in memory, so they live outside transactions. */
  readonly sources: SourceRepo;

  constructor(readonly db: Db) {
    super(db.kysely);
    this.sources = new SourceRepo(db.kysely);
  }

  /**
   * Runs work in one transaction: all of it is stored, or none. Inside, use only the
   * repositories handed to the callback.
   */
  async transaction<T>(work: (repos: Repos) => Promise<T>): Promise<T> {
    return this.db.kysely.transaction().execute((trx) => work(new Repos(trx)));
  }

  /** Articles matching a query, best first. */
  search(query: string, options: SearchOptions): Promise<SearchHit[]> {
    return searchArticles(this.db.kysely, query, options);
  }

  /** A page of matches and the facets over the best of them, from one ranking. */
  searchWithFacets(
    query: string,
    options: SearchOptions,
  ): Promise<{ hits: SearchHit[]; facets: SearchFacets }> {
    return searchWithFacets(this.db.kysely, query, options);
  }

  /** Counts by source, month, entity and story over the best matches of a query. */
  searchFacets(query: string, filters: ArticleFilters = {}): Promise<SearchFacets> {
    return searchFacets(this.db.kysely, query, filters);
  }

  /** Row counts and the database size. */
  async stats(): Promise<StoreStats> {
    const k = this.db.kysely;
    const count = async (table: keyof Database) =>
      Number(
        (
          await k
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const outcomes = await k
      .selectFrom('document')
      .select(['outcome', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('outcome')
      .execute();
    const byOutcome = new Map(outcomes.map((o) => [o.outcome, Number(o.n)]));
    const analyzed = await k
      .selectFrom('article')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('analyzer', 'is not', null)
      .executeTakeFirstOrThrow();
    return {
      articles: await count('article'),
      documents: await count('document'),
      sources: await count('source'),
      feeds: await count('feed'),
      failedDocuments: byOutcome.get('failed') ?? 0,
      skippedDocuments: byOutcome.get('skipped') ?? 0,
      analyzedArticles: Number(analyzed.n),
      timeExprs: await count('time_expr'),
      databaseBytes: await this.sizeOnDisk(),
    };
  }

  /** Bytes the database takes: the SQLite file and its WAL, or the PostgreSQL database. */
  private async sizeOnDisk(): Promise<number | null> {
    if (this.db.dialect === 'sqlite') return fileSize(this.db.location);
    const { rows } = await sql<{
      bytes: number;
    }>`SELECT pg_database_size(current_database()) AS bytes`.execute(this.db.kysely);
    return Number(rows[0]?.bytes ?? 0);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

function fileSize(file: string): number | null {
  if (file === ':memory:') return null;
  try {
    return statSync(file).size + (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0);
  } catch {
    return null;
  }
}

/** Opens the store at a SQLite file path (or ':memory:') or a postgres:// URL. */
export async function openStore(location: string, options: PostgresOptions = {}): Promise<Store> {
  return new Store(await openDatabase(location, options));
}
