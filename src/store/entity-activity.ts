// What one entity did across articles, for its page: the quotes it spoke, the figures it
// was the source of, and the stories it appears in. Read-only queries over the annotation
// tables; spans keep their offsets so pages can link to the sentence.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The article a quote or claim came from. */
export interface ActivityArticle {
  articleId: number;
  title: string | null;
  source: string;
  published: string | null;
  /** The whole text, so callers can cut spans and find sentence anchors. */
  text: string;
}

export interface EntityQuote extends ActivityArticle {
  kind: string;
  start: number;
  end: number;
  cueStart: number | null;
  cueEnd: number | null;
}

export interface EntityClaim extends ActivityArticle {
  start: number;
  end: number;
  claimText: string;
  value: number;
  low: number | null;
  high: number | null;
  hedge: string | null;
  unit: string | null;
  subject: string;
  time: string | null;
}

export interface EntityStory {
  id: number;
  title: string | null;
  lastSeen: string;
  articles: number;
  /** Articles of the story that mention the entity. */
  mentioning: number;
}

/** Articles with their outlet, selected as an ActivityArticle, for joining to their spans. */
function activityArticles(db: Kysely<Database>) {
  return db
    .selectFrom('article')
    .innerJoin('source', 'source.id', 'article.source_id')
    .select([
      'article.id as articleId',
      'article.title',
      'source.name as source',
      'article.published_at as published',
      'article.text',
    ]);
}

/** The quotes an entity spoke, newest articles first. */
export async function quotesBy(
  db: Kysely<Database>,
  entityId: number,
  limit: number,
): Promise<EntityQuote[]> {
  const rows = await activityArticles(db)
    .innerJoin('quote', 'quote.article_id', 'article.id')
    .select([
      'quote.kind',
      'quote.start',
      'quote.end',
      'quote.cue_start as cueStart',
      'quote.cue_end as cueEnd',
    ])
    .where('quote.speaker_entity_id', '=', entityId)
    .orderBy('article.id', 'desc')
    .orderBy('quote.start')
    .limit(limit)
    .execute();
  return rows;
}

/** The figures an entity is the source of, newest articles first. */
export async function claimsBy(
  db: Kysely<Database>,
  entityId: number,
  limit: number,
): Promise<EntityClaim[]> {
  return activityArticles(db)
    .innerJoin('claim', 'claim.article_id', 'article.id')
    .select([
      'claim.start',
      'claim.end',
      'claim.text as claimText',
      'claim.value',
      'claim.low',
      'claim.high',
      'claim.hedge',
      'claim.unit',
      'claim.subject',
      'claim.time_text as time',
    ])
    .where('claim.source_entity_id', '=', entityId)
    .orderBy('article.id', 'desc')
    .orderBy('claim.start')
    .limit(limit)
    .execute();
}

/** The live stories whose articles mention an entity, most recently seen first. */
export async function storiesWith(
  db: Kysely<Database>,
  entityId: number,
  limit: number,
): Promise<EntityStory[]> {
  const rows = await db
    .selectFrom('mention')
    .innerJoin('story_article', 'story_article.article_id', 'mention.article_id')
    .innerJoin('story', 'story.id', 'story_article.story_id')
    .select((eb) => [
      'story.id',
      'story.title',
      'story.last_seen_at as lastSeen',
      'story.article_count as articles',
      eb.fn.count<number>('mention.article_id').distinct().as('mentioning'),
    ])
    .where('mention.entity_id', '=', entityId)
    .where('story.merged_into', 'is', null)
    .groupBy('story.id')
    .orderBy('story.last_seen_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    ...r,
    articles: Number(r.articles),
    mentioning: Number(r.mentioning),
  }));
}
