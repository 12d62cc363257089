// What the analyzers found in each article. An article's annotations are replaced as a
// whole, together with the analyzer version that made them, so re-running an analyzer
// never leaves a mix of old and new rows.
import type { Kysely } from 'kysely';
import type { Annotations, Claim, Mention, Quote, TimeExpr } from '../core/types.js';
import { nameKey } from '../core/name-key.js';
import { chunks } from './chunks.js';
import { EntityRepo } from './entity-repo.js';
import type { Database } from './schema.js';

const ANNOTATION_TABLES = ['mention', 'quote', 'claim', 'time_expr'] as const;
/** Article ids per IN list: far below SQLite's and PostgreSQL's parameter limits. */
const MAX_IDS_PER_QUERY = 500;

export class AnnotationRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly entities: EntityRepo = new EntityRepo(db),
  ) {}

  /** Replaces an article's annotations and stamps it with the analyzer version. */
  async replace(articleId: number, version: string, found: Annotations): Promise<void> {
    const before = await this.mentionCounts(articleId);
    for (const table of ANNOTATION_TABLES) {
      await this.db.deleteFrom(table).where('article_id', '=', articleId).execute();
    }
    const base = { article_id: articleId, version };
    // Speakers and claim sources are canonical names; the article's mentions say which
    // stored entity each name is.
    const entityIds = new Map<string, number>();
    const mentionEntityIds: number[] = [];
    if (found.entities.length > 0) {
      await this.entities.readAhead(found.entities);
      const rows = [];
      for (const m of found.entities) {
        const entityId = await this.entities.resolve(m.entity, m.text, m.type);
        if (entityId !== null && !entityIds.has(m.entity)) entityIds.set(m.entity, entityId);
        if (entityId !== null) mentionEntityIds.push(entityId);
        rows.push({
          ...base,
          start: m.start,
          end: m.end,
          text: m.text,
          type: m.type,
          entity_id: entityId,
          key: nameKey(m.text),
        });
      }
      await this.db.insertInto('mention').values(rows).execute();
    }
    const idOf = (name: string | null) => (name === null ? null : (entityIds.get(name) ?? null));
    if (found.quotes.length > 0) {
      await this.db
        .insertInto('quote')
        .values(
          found.quotes.map((q) => ({
            ...base,
            ...quoteRow(q),
            speaker_entity_id: idOf(q.speaker.name),
          })),
        )
        .execute();
    }
    if (found.claims.length > 0) {
      await this.db
        .insertInto('claim')
        .values(
          found.claims.map((c) => ({
            ...base,
            start: c.start,
            end: c.end,
            text: c.text,
            value: c.value,
            low: c.low,
            high: c.high,
            hedge: c.hedge,
            unit: c.unit,
            subject: c.subject,
            subject_key: c.subjectKey,
            source_text: c.source,
            source_entity_id: idOf(c.source),
            time_text: c.time,
          })),
        )
        .execute();
    }
    if (found.times.length > 0) {
      await this.db
        .insertInto('time_expr')
        .values(
          found.times.map((t) => ({
            ...base,
            start: t.start,
            end: t.end,
            text: t.text,
            value: t.value,
            grain: t.grain,
          })),
        )
        .execute();
    }
    await this.db
      .updateTable('article')
      .set({ analyzer: version, analyzed_at: new Date().toISOString() })
      .where('id', '=', articleId)
      .execute();
    // Counts follow the mentions as stored: added to the rows on SQLite, logged for the
    // story assigner to fold in on PostgreSQL (see EntityRepo.adjustCounts).
    const after = new Map<number, number>();
    for (const id of mentionEntityIds) after.set(id, (after.get(id) ?? 0) + 1);
    await this.entities.adjustCounts(before, after);
  }

  /** How many of an article's stored mentions each entity has. */
  private async mentionCounts(articleId: number): Promise<Map<number, number>> {
    const rows = await this.db
      .selectFrom('mention')
      .select((eb) => ['entity_id', eb.fn.countAll<number>().as('n')])
      .where('article_id', '=', articleId)
      .where('entity_id', 'is not', null)
      .groupBy('entity_id')
      .execute();
    return new Map(rows.map((r) => [r.entity_id!, Number(r.n)]));
  }

  /** The entity mentions stored for an article, in text order, with canonical names. */
  async mentions(articleId: number): Promise<Array<Mention & { entityId: number | null }>> {
    return (await this.mentionsOf([articleId])).get(articleId) ?? [];
  }

  /**
   * The mentions of many articles at once, by article id: a story page reads hundreds of
   * articles, and one query per table beats one per article and table.
   */
  async mentionsOf(
    articleIds: number[],
  ): Promise<Map<number, Array<Mention & { entityId: number | null }>>> {
    return byArticle(
      articleIds,
      (ids) =>
        this.db
          .selectFrom('mention')
          .leftJoin('entity', 'entity.id', 'mention.entity_id')
          .select([
            'mention.article_id',
            'mention.start',
            'mention.end',
            'mention.text',
            'mention.type',
            'mention.entity_id',
            'entity.name',
          ])
          .where('mention.article_id', 'in', ids)
          .orderBy('mention.article_id')
          .orderBy('mention.start')
          .execute(),
      (r) => ({
        start: r.start,
        end: r.end,
        text: r.text,
        type: r.type as Mention['type'],
        entity: r.name ?? r.text,
        entityId: r.entity_id,
      }),
    );
  }

  /**
   * The quotes stored for an article, in text order, with their speakers' entity ids. The
   * caller has the article in hand: its text gives the spans their words.
   */
  async quotes(article: {
    id: number;
    text: string;
  }): Promise<Array<Quote & { speakerEntityId: number | null }>> {
    return (await this.quotesOf([article])).get(article.id) ?? [];
  }

  /** The quotes of many articles at once, by article id (see mentionsOf). */
  async quotesOf(
    articles: Array<{ id: number; text: string }>,
  ): Promise<Map<number, Array<Quote & { speakerEntityId: number | null }>>> {
    const texts = new Map(articles.map((a) => [a.id, a.text]));
    return byArticle(
      [...texts.keys()],
      (ids) =>
        this.db
          .selectFrom('quote')
          .selectAll()
          .where('article_id', 'in', ids)
          .orderBy('article_id')
          .orderBy('start')
          .execute(),
      (r) => {
        const text = texts.get(r.article_id) ?? '';
        const span = (start: number | null, end: number | null) =>
          start === null || end === null ? null : { start, end, text: text.slice(start, end) };
        return {
          kind: r.kind as Quote['kind'],
          content: span(r.start, r.end)!,
          speaker: {
            name: r.speaker_name,
            start: r.speaker_start,
            end: r.speaker_end,
            text: r.speaker_text,
          },
          cue: span(r.cue_start, r.cue_end),
          confidence: r.confidence,
          speakerEntityId: r.speaker_entity_id,
        };
      },
    );
  }

  /** The numeric claims stored for an article, in text order. */
  async claims(articleId: number): Promise<Array<Claim & { sourceEntityId: number | null }>> {
    return (await this.claimsOf([articleId])).get(articleId) ?? [];
  }

  /** The claims of many articles at once, by article id (see mentionsOf). */
  async claimsOf(
    articleIds: number[],
  ): Promise<Map<number, Array<Claim & { sourceEntityId: number | null }>>> {
    return byArticle(
      articleIds,
      (ids) =>
        this.db
          .selectFrom('claim')
          .selectAll()
          .where('article_id', 'in', ids)
          .orderBy('article_id')
          .orderBy('start')
          .execute(),
      (r) => ({
        text: r.text,
        start: r.start,
        end: r.end,
        value: r.value,
        low: r.low,
        high: r.high,
        hedge: r.hedge as Claim['hedge'],
        unit: r.unit,
        subject: r.subject,
        subjectKey: r.subject_key,
        source: r.source_text,
        time: r.time_text,
        sourceEntityId: r.source_entity_id,
      }),
    );
  }

  /** The time expressions stored for an article, in text order. */
  async times(articleId: number): Promise<TimeExpr[]> {
    return (await this.timesOf([articleId])).get(articleId) ?? [];
  }

  /** The time expressions of many articles at once, by article id (see mentionsOf). */
  async timesOf(articleIds: number[]): Promise<Map<number, TimeExpr[]>> {
    return byArticle(
      articleIds,
      (ids) =>
        this.db
          .selectFrom('time_expr')
          .select(['article_id', 'text', 'start', 'end', 'value', 'grain'])
          .where('article_id', 'in', ids)
          .orderBy('article_id')
          .orderBy('start')
          .execute(),
      ({ article_id, ...r }) => ({ ...r, grain: r.grain as TimeExpr['grain'] }),
    );
  }
}

/**
 * Rows of many articles, fetched a chunk of ids at a time and grouped by article, each
 * turned into what callers see; an article with no rows has no entry.
 */
async function byArticle<R extends { article_id: number }, T>(
  articleIds: readonly number[],
  fetch: (ids: number[]) => Promise<R[]>,
  toItem: (row: R) => T,
): Promise<Map<number, T[]>> {
  const out = new Map<number, T[]>();
  for (const ids of chunks([...articleIds], MAX_IDS_PER_QUERY)) {
    for (const row of await fetch(ids)) {
      const list = out.get(row.article_id);
      if (list) list.push(toItem(row));
      else out.set(row.article_id, [toItem(row)]);
    }
  }
  return out;
}

function quoteRow(q: Quote) {
  return {
    kind: q.kind,
    start: q.content.start,
    end: q.content.end,
    cue_start: q.cue?.start ?? null,
    cue_end: q.cue?.end ?? null,
    speaker_text: q.speaker.text,
    speaker_start: q.speaker.start,
    speaker_end: q.speaker.end,
    speaker_name: q.speaker.name,
    confidence: q.confidence,
  };
}
