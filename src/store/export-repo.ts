// What exports read: the articles a filter selects, a page of ids at a time in id order, and
// for each page the articles themselves or their quotes (with speakers named as entities
// are now; claims come from the annotation repository). Paging by id keeps an export of the
// whole store to one page in memory, and a page is never read twice.
import { type Kysely, sql } from 'kysely';
import type { Article } from '../core/types.js';
import { ArticleRepo } from './article-repo.js';
import type { Database } from './schema.js';
import { dialectOf } from './dialect.js';
import { type ArticleFilters, articleFilterSql, matchesQuery, toFtsQuery } from './search.js';

/** The filters of an export: the API's article filters, plus words to search for. */
export interface ExportFilters extends ArticleFilters {
  /** Words, "phrases", OR and -excluded words, as search takes them. */
  q?: string;
}

/** What an export row of a quote or a claim says about its article. */
export interface ArticleRef {
  id: number;
  title: string | null;
  url: string | null;
  published: string | null;
  source: string;
  text: string;
  storyId: number | null;
}

export interface QuoteExportRow {
  articleId: number;
  kind: string;
  start: number;
  end: number;
  speakerName: string | null;
  speakerText: string | null;
  speakerEntityId: number | null;
  cueStart: number | null;
  cueEnd: number | null;
  confidence: number;
}

/** Articles per page: a page of whole texts stays a few megabytes. */
export const EXPORT_PAGE = 200;

export class ExportRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** The ids of the articles the filters select, in id order, one page at a time. */
  async *articleIdPages(filters: ExportFilters, pageSize = EXPORT_PAGE): AsyncGenerator<number[]> {
    const words = filters.q?.trim() ? filters.q : null;
    const dialect = dialectOf(this.db);
    // SQLite walks the FTS index in rowid order; PostgreSQL checks the tsvector condition.
    const match =
      words === null
        ? null
        : dialect === 'sqlite'
          ? toFtsQuery(words)
          : matchesQuery(dialect, words);
    if (words !== null && match === null) return;
    let after = 0;
    for (;;) {
      const { rows } =
        match === null || typeof match !== 'string'
          ? await sql<{ id: number }>`
              SELECT a.id FROM article a WHERE a.id > ${after} ${match ? sql`AND ${match}` : sql``}
                ${articleFilterSql(filters)}
              ORDER BY a.id LIMIT ${pageSize}`.execute(this.db)
          : await sql<{ id: number }>`
              SELECT a.id FROM article_fts JOIN article a ON a.id = article_fts.rowid
              WHERE article_fts MATCH ${match} AND article_fts.rowid > ${after}
                ${articleFilterSql(filters)}
              ORDER BY article_fts.rowid LIMIT ${pageSize}`.execute(this.db);
      if (rows.length === 0) return;
      yield rows.map((r) => r.id);
      if (rows.length < pageSize) return;
      after = rows.at(-1)!.id;
    }
  }

  /** Whole articles by id, in id order, with the story each was placed in. */
  async articles(ids: number[]): Promise<Array<Article & { storyId: number | null }>> {
    const articles = await new ArticleRepo(this.db).getMany(ids);
    const stories = await this.storyIds(ids);
    return articles.map((a) => ({ ...a, storyId: stories.get(a.id) ?? null }));
  }

  /** The articles that quotes and claims point back to, by id. */
  async refs(ids: number[]): Promise<Map<number, ArticleRef>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('article')
      .innerJoin('source', 'source.id', 'article.source_id')
      .leftJoin('story_article', 'story_article.article_id', 'article.id')
      .select([
        'article.id',
        'article.title',
        'article.url',
        'article.published_at as published',
        'source.name as source',
        'article.text',
        'story_article.story_id as storyId',
      ])
      .where('article.id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The quotes of these articles, in article and text order, speakers by entity name. */
  async quotes(ids: number[]): Promise<QuoteExportRow[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('quote')
      .leftJoin('entity', 'entity.id', 'quote.speaker_entity_id')
      .select([
        'quote.article_id as articleId',
        'quote.kind',
        'quote.start',
        'quote.end',
        // A merged or renamed entity names the speaker as the entity page does.
        sql<string | null>`coalesce(entity.name, quote.speaker_name)`.as('speakerName'),
        'quote.speaker_text as speakerText',
        'quote.speaker_entity_id as speakerEntityId',
        'quote.cue_start as cueStart',
        'quote.cue_end as cueEnd',
        'quote.confidence',
      ])
      .where('quote.article_id', 'in', ids)
      .orderBy('quote.article_id')
      .orderBy('quote.start')
      .execute();
  }

  private async storyIds(ids: number[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('story_article')
      .select(['article_id', 'story_id'])
      .where('article_id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.article_id, r.story_id]));
  }
}
