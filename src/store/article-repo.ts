// Articles: the extracted text and metadata of each capture that is news.
import type { Kysely, Selectable } from 'kysely';
import type { Article, ArticleDraft } from '../core/types.js';
import { parseJsonColumn } from './json.js';
import type { ArticleTable, Database } from './schema.js';

export interface ArticleInput {
  documentId: number;
  sourceId: number;
  draft: ArticleDraft;
  textHash: string;
  ingestedAt: string;
}

/** One line of an article listing. */
export interface ArticleSummary {
  id: number;
  title: string | null;
  source: string;
  url: string | null;
  published: string | null;
  ingested: string;
  words: number;
  language: string | null;
}

export interface ArticleListOptions {
  limit: number;
  /** Return articles with ids below this one (keyset paging, newest first). */
  before?: number;
  sourceKey?: string;
  since?: string;
  until?: string;
}

function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

function rowToArticle(row: Selectable<ArticleTable> & { source_name: string }): Article {
  return {
    id: row.id,
    documentId: row.document_id,
    sourceId: row.source_id,
    sourceName: row.source_name,
    title: row.title,
    byline: row.byline,
    published: row.published_at,
    modified: row.modified_at,
    language: row.language,
    site: row.site_name,
    url: row.url,
    canonicalUrl: row.canonical_url,
    image: row.image_url,
    dateline: row.dateline,
    text: row.text,
    paragraphs: parseJsonColumn(row.paragraphs, []),
    relatedLinks: parseJsonColumn(row.related_links, []),
    boilerplate: parseJsonColumn(row.boilerplate, { captions: [], other: [] }),
    html: row.content_html,
    extractor: row.extractor,
    ingestedAt: row.ingested_at,
  };
}

export class ArticleRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores one article and returns its id. */
  async insert(input: ArticleInput): Promise<number> {
    const { draft } = input;
    const row = await this.db
      .insertInto('article')
      .values({
        document_id: input.documentId,
        source_id: input.sourceId,
        url: draft.url,
        canonical_url: draft.canonicalUrl,
        title: draft.title,
        byline: draft.byline,
        published_at: draft.published,
        modified_at: draft.modified,
        language: draft.language,
        site_name: draft.site,
        image_url: draft.image,
        dateline: draft.dateline ?? null,
        text: draft.text,
        text_hash: input.textHash,
        paragraphs: JSON.stringify(draft.paragraphs),
        related_links: JSON.stringify(draft.relatedLinks),
        boilerplate: JSON.stringify(draft.boilerplate),
        content_html: draft.html,
        word_count: countWords(draft.text),
        extractor: draft.extractor,
        ingested_at: input.ingestedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** The id of an article already stored under this canonical URL or this source and text. */
  async findExisting(
    canonicalUrl: string | null,
    sourceId: number,
    textHash: string,
  ): Promise<number | null> {
    const row = await this.db
      .selectFrom('article')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('source_id', '=', sourceId), eb('text_hash', '=', textHash)]),
          ...(canonicalUrl ? [eb('canonical_url', '=', canonicalUrl)] : []),
        ]),
      )
      .executeTakeFirst();
    return row?.id ?? null;
  }

  /** One whole article, or null. */
  async get(id: number): Promise<Article | null> {
    const row = await this.db
      .selectFrom('article')
      .innerJoin('source', 'source.id', 'article.source_id')
      .selectAll('article')
      .select('source.name as source_name')
      .where('article.id', '=', id)
      .executeTakeFirst();
    return row ? rowToArticle(row) : null;
  }

  /** Whole articles in id order after `afterId`, for exports and re-processing. */
  async page(afterId: number, limit: number): Promise<Article[]> {
    const rows = await this.db
      .selectFrom('article')
      .innerJoin('source', 'source.id', 'article.source_id')
      .selectAll('article')
      .select('source.name as source_name')
      .where('article.id', '>', afterId)
      .orderBy('article.id')
      .limit(limit)
      .execute();
    return rows.map(rowToArticle);
  }

  /** Articles newest first, with keyset paging. */
  async list(options: ArticleListOptions): Promise<ArticleSummary[]> {
    let query = this.db
      .selectFrom('article')
      .innerJoin('source', 'source.id', 'article.source_id')
      .select([
        'article.id',
        'article.title',
        'source.name as source',
        'article.url',
        'article.published_at as published',
        'article.ingested_at as ingested',
        'article.word_count as words',
        'article.language',
      ])
      .orderBy('article.id', 'desc')
      .limit(options.limit);
    if (options.before !== undefined) query = query.where('article.id', '<', options.before);
    if (options.sourceKey) query = query.where('source.key', '=', options.sourceKey);
    if (options.since) query = query.where('article.published_at', '>=', options.since);
    if (options.until) query = query.where('article.published_at', '<', options.until);
    return query.execute();
  }

  /** How many articles are stored. */
  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('article')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Ids of articles not yet analyzed by this analyzer version, oldest first. */
  async idsNeedingAnalysis(version: string, limit: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('article')
      .select('id')
      .where((eb) => eb.or([eb('analyzer', 'is', null), eb('analyzer', '!=', version)]))
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }
}
