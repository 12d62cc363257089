// Articles: the extracted text and metadata of each capture that is news.
import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { Article, ArticleDraft } from '../core/types.js';
import { chunks, MAX_ROWS_PER_INSERT } from './chunks.js';
import { dialectOf } from './dialect.js';
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
  /** The opening of the text, to stand in for a missing title. */
  lead: string;
}

export interface ArticleListOptions {
  limit: number;
  /** Return articles with ids below this one (keyset paging, newest first). */
  before?: number;
  sourceKey?: string;
  since?: string;
  until?: string;
}

/** Characters of text returned with each listed article, enough for a one-line stand-in title. */
const LEAD_CHARS = 160;

function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
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

/** What makes two articles the same: the canonical URL, or the same text from one source. */
export interface ArticleKey {
  canonicalUrl: string | null;
  sourceId: number;
  textHash: string;
}

/** The identity keys of an article, for duplicate checks in memory and in the store. */
export function articleKeys(key: ArticleKey): string[] {
  const keys = [`text:${key.sourceId}:${key.textHash}`];
  if (key.canonicalUrl) keys.push(`url:${key.canonicalUrl}`);
  return keys;
}

/** The columns that extraction decides. */
function extractedFields(draft: ArticleDraft, textHash: string) {
  return {
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
    text_hash: textHash,
    paragraphs: JSON.stringify(draft.paragraphs),
    related_links: JSON.stringify(draft.relatedLinks),
    boilerplate: JSON.stringify(draft.boilerplate),
    content_html: draft.html,
    word_count: countWords(draft.text),
    extractor: draft.extractor,
  };
}

function articleRow(input: ArticleInput): Insertable<ArticleTable> {
  return {
    document_id: input.documentId,
    source_id: input.sourceId,
    ingested_at: input.ingestedAt,
    ...extractedFields(input.draft, input.textHash),
  };
}

export class ArticleRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores one article and returns its id. */
  async insert(input: ArticleInput): Promise<number> {
    const [id] = await this.insertMany([input]);
    return id!;
  }

  /** Stores articles and returns their ids, in the order given. */
  async insertMany(inputs: ArticleInput[]): Promise<number[]> {
    const idByDocument = new Map<number, number>();
    for (const chunk of chunks(inputs, MAX_ROWS_PER_INSERT)) {
      const rows = await this.db
        .insertInto('article')
        .values(chunk.map(articleRow))
        .returning(['id', 'document_id'])
        .execute();
      for (const row of rows) idByDocument.set(row.document_id, row.id);
    }
    return inputs.map((input) => idByDocument.get(input.documentId)!);
  }

  /**
   * Which of these articles are already stored, by canonical URL or by source and text.
   * Returns the keys found (see `articleKeys`) with the stored article's id.
   */
  async findExisting(candidates: ArticleKey[]): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    for (const chunk of chunks(candidates, MAX_ROWS_PER_INSERT)) {
      const urls = chunk.map((c) => c.canonicalUrl).filter((u): u is string => u !== null);
      const rows = await this.db
        .selectFrom('article')
        .select(['id', 'canonical_url', 'source_id', 'text_hash'])
        .where((eb) =>
          eb.or([
            eb(
              eb.refTuple('source_id', 'text_hash'),
              'in',
              chunk.map((c) => eb.tuple(c.sourceId, c.textHash)),
            ),
            ...(urls.length > 0 ? [eb('canonical_url', 'in', urls)] : []),
          ]),
        )
        .execute();
      for (const row of rows) {
        for (const key of articleKeys({
          canonicalUrl: row.canonical_url,
          sourceId: row.source_id,
          textHash: row.text_hash,
        })) {
          found.set(key, row.id);
        }
      }
    }
    return found;
  }

  private wholeArticles() {
    return this.db
      .selectFrom('article')
      .innerJoin('source', 'source.id', 'article.source_id')
      .selectAll('article')
      .select('source.name as source_name');
  }

  /** Replaces an article's extracted text and metadata; its annotations are then stale. */
  async update(id: number, draft: ArticleDraft, textHash: string): Promise<void> {
    await this.db
      .updateTable('article')
      .set({ ...extractedFields(draft, textHash), analyzer: null, analyzed_at: null })
      .where('id', '=', id)
      .execute();
  }

  /** Marks every article as not analyzed, so the next analysis run redoes them all. */
  async clearAnalysis(): Promise<void> {
    await this.db.updateTable('article').set({ analyzer: null, analyzed_at: null }).execute();
  }

  /** The article made from each of these documents, by document id. */
  async idsByDocument(documentIds: number[]): Promise<Map<number, number>> {
    if (documentIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('article')
      .select(['id', 'document_id'])
      .where('document_id', 'in', documentIds)
      .execute();
    return new Map(rows.map((r) => [r.document_id, r.id]));
  }

  /** One whole article, or null. */
  async get(id: number): Promise<Article | null> {
    const row = await this.wholeArticles().where('article.id', '=', id).executeTakeFirst();
    return row ? rowToArticle(row) : null;
  }

  /** Whole articles by id, in id order; missing ids are left out. */
  async getMany(ids: number[]): Promise<Article[]> {
    if (ids.length === 0) return [];
    const rows = await this.wholeArticles()
      .where('article.id', 'in', ids)
      .orderBy('article.id')
      .execute();
    return rows.map(rowToArticle);
  }

  /** The texts of articles by id, for views that need only the words (a story page). */
  async texts(ids: number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    for (const chunk of chunks(ids, MAX_ROWS_PER_INSERT)) {
      const rows = await this.db
        .selectFrom('article')
        .select(['id', 'text'])
        .where('id', 'in', chunk)
        .execute();
      for (const r of rows) out.set(r.id, r.text);
    }
    return out;
  }

  /** Whole articles in id order after `afterId`, for exports and re-processing. */
  async page(afterId: number, limit: number): Promise<Article[]> {
    const rows = await this.wholeArticles()
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
        sql<string>`substr(article.text, 1, ${LEAD_CHARS})`.as('lead'),
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
  /**
   * The analyzer version an article was last analyzed with (null: never), or undefined when
   * there is no such article. On PostgreSQL the row stays locked to the end of the
   * transaction, so two workers handed the same article cannot both analyze it.
   */
  async analyzerOf(id: number): Promise<string | null | undefined> {
    let query = this.db.selectFrom('article').select('analyzer').where('id', '=', id);
    if (dialectOf(this.db) === 'postgres') query = query.forUpdate();
    return (await query.executeTakeFirst())?.analyzer;
  }

  async idsNeedingAnalysis(version: string, limit: number, afterId = 0): Promise<number[]> {
    const rows = await this.db
      .selectFrom('article')
      .select('id')
      .where((eb) => eb.or([eb('analyzer', 'is', null), eb('analyzer', '!=', version)]))
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }
}
