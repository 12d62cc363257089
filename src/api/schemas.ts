// The API's request and response shapes. They validate input at the boundary and are
// the single source of the OpenAPI document.
import type { Context } from 'hono';
import { ERRORS, type ErrorCode, SitrepError } from '../core/errors.js';
import { z } from 'zod';

const ERROR_CODES = Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]];

/** Every error answer: a code from the one catalogue, with its HTTP status listed here. */
export const ErrorBody = z
  .object({
    error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
  })
  .describe(
    `Error codes and their HTTP status: ${ERROR_CODES.map((c) => `${c} ${ERRORS[c].status}`).join(', ')}`,
  );

export const ArticleSummary = z.object({
  id: z.number().int(),
  title: z.string().nullable(),
  source: z.string(),
  url: z.string().nullable(),
  published: z.string().nullable(),
  ingested: z.string(),
  words: z.number().int(),
  language: z.string().nullable(),
  lead: z.string().describe('the opening of the text, for articles without a title'),
});

export const ArticleList = z.object({
  items: z.array(ArticleSummary),
  /** Pass as `before` to get the next page; null on the last page. */
  next: z.number().int().nullable(),
});

const Span = z.object({ start: z.number().int(), end: z.number().int() });
const TextSpan = Span.extend({ text: z.string() });

export const QuoteOut = z.object({
  kind: z.enum(['direct', 'partial', 'indirect', 'mixed']),
  content: TextSpan,
  speaker: z.object({
    name: z.string().nullable().describe('canonical name, or null when the source names no one'),
    start: z.number().int().nullable(),
    end: z.number().int().nullable(),
    text: z.string().nullable().describe('the source as written: a name, "He", "the spokesperson"'),
    entity_id: z.number().int().nullable(),
  }),
  cue: TextSpan.nullable().describe('null for a floating quote, which continues the last speaker'),
  confidence: z.number().min(0).max(1),
});

export const ClaimOut = TextSpan.extend({
  value: z.number(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  hedge: z.string().nullable(),
  unit: z.string().nullable(),
  subject: z.string().describe('what is counted'),
  subject_key: z
    .string()
    .describe('normalized subject, the same for the same quantity across articles'),
  source: z.string().nullable().describe('who claims it: the speaker around it, else the outlet'),
  source_entity_id: z.number().int().nullable(),
  time: z.string().nullable().describe('the time the figure refers to'),
});

export const ArticleDetail = z.object({
  id: z.number().int(),
  title: z.string().nullable(),
  byline: z.string().nullable(),
  published: z.string().nullable(),
  modified: z.string().nullable(),
  language: z.string().nullable(),
  site: z.string().nullable(),
  source: z.string(),
  url: z.string().nullable(),
  canonical_url: z.string().nullable(),
  image: z.string().nullable(),
  dateline: z.string().nullable(),
  text: z.string(),
  paragraphs: z.array(z.tuple([z.number().int(), z.number().int()])),
  related_links: z.array(z.object({ text: z.string(), url: z.string().nullable() })),
  extractor: z.string(),
  ingested: z.string(),
  times: z.array(Span.extend({ text: z.string(), value: z.string(), grain: z.string() })),
  entities: z.array(
    Span.extend({
      text: z.string(),
      type: z.string(),
      entity: z.string(),
      entity_id: z.number().int().nullable(),
    }),
  ),
  quotes: z.array(QuoteOut),
  claims: z.array(ClaimOut),
});

const SearchHit = z.object({
  id: z.number().int(),
  title: z.string().nullable(),
  source: z.string(),
  published: z.string().nullable(),
  url: z.string().nullable(),
  snippet: z.string().describe('text around the match, matched words wrapped in [[ and ]]'),
  score: z.number(),
  lead: z.string(),
  storyId: z.number().int().nullable().describe('the story the article was placed in'),
});

export const SearchFacets = z.object({
  counted: z.number().int().describe('how many of the best matches the counts cover'),
  capped: z.boolean().describe('true when there were more matches than were counted'),
  sources: z.array(z.object({ key: z.string(), name: z.string(), count: z.number().int() })),
  months: z.array(z.object({ month: z.string(), count: z.number().int() })),
  entities: z.array(
    z.object({ id: z.number().int(), name: z.string(), type: z.string(), count: z.number().int() }),
  ),
  stories: z.array(
    z.object({ id: z.number().int(), title: z.string().nullable(), count: z.number().int() }),
  ),
});

export const SearchResult = z.object({
  query: z.string(),
  items: z.array(SearchHit),
  facets: SearchFacets.nullable().describe('null when `facets=false`'),
});

export const Health = z.object({
  ok: z.boolean(),
  version: z.string(),
  articles: z.number().int(),
});

const limit = z.coerce.number().int().min(1).max(200).default(50);

export const ArticleListQuery = z.object({
  limit,
  before: z.coerce.number().int().positive().optional(),
  source: z.string().optional().describe('source key, e.g. a domain'),
  since: z.string().optional().describe('published at or after (ISO 8601)'),
  until: z.string().optional().describe('published before (ISO 8601)'),
});

/** A request's JSON body, still to be validated; a body that is not JSON is a 400. */
export async function readJsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new SitrepError('BAD_REQUEST', 'the body is not valid JSON');
  }
}

/** A JSON body that may be left out: an empty body reads as `{}`. */
export async function readOptionalJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new SitrepError('BAD_REQUEST', 'the body is not valid JSON');
  }
}

export const IdParams = z.object({ id: z.coerce.number().int().positive() });

/** An ISO 8601 date or time, normalized to a full UTC time. */
export const isoTime = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO date or time')
  .transform((s) => new Date(Date.parse(s)).toISOString());

/** The article filters search, facets and exports share. */
export const ArticleFilterQuery = z.object({
  source: z.string().min(1).optional().describe('source key, e.g. a domain'),
  since: isoTime.optional().describe('published at or after (ISO 8601)'),
  until: isoTime.optional().describe('published before (ISO 8601)'),
  entity: z.coerce.number().int().positive().optional().describe('articles mentioning this entity'),
  story: z.coerce.number().int().positive().optional().describe('articles of this story'),
});

/** The store's names for the shared filters. */
export function articleFilters(q: z.output<typeof ArticleFilterQuery>) {
  return {
    sourceKey: q.source,
    since: q.since,
    until: q.until,
    entityId: q.entity,
    storyId: q.story,
  };
}

export const SearchQuery = ArticleFilterQuery.extend({
  q: z.string().min(1).describe('words, "quoted phrases", OR, and -excluded words'),
  limit,
  offset: z.coerce.number().int().min(0).default(0),
  facets: z
    .enum(['true', 'false'])
    .default('true')
    .describe('count sources, months, entities and stories over the best matches'),
});

const EntityType = z.enum(['PER', 'ORG', 'LOC', 'MISC', 'NORP']);

export const EntitySummary = z.object({
  id: z.number().int(),
  name: z.string(),
  type: EntityType,
  mentions: z.number().int(),
  articles: z.number().int(),
});

export const EntityList = z.object({ items: z.array(EntitySummary) });

export const EntityDetail = EntitySummary.extend({
  aliases: z.array(z.object({ alias: z.string(), source: z.string() })),
});

export const EntityListQuery = z.object({
  limit,
  type: EntityType.optional(),
  q: z.string().optional().describe('only names containing these words'),
});

export const MergeBody = z.strictObject({
  into: z.number().int().positive().describe('the entity to keep'),
});
export const AliasBody = z.strictObject({ alias: z.string().trim().min(1).max(200) });
