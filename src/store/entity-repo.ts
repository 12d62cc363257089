// Entities across articles: one row per real-world thing, reached through its aliases.
// Users merge, split and alias entities; every edit re-links the stored mentions, so it
// applies to articles already analyzed, not only to new ones.
import { type Kysely, sql } from 'kysely';
import { nameKey } from '../core/name-key.js';
import type { EntityType } from '../core/types.js';
import { dialectOf } from './dialect.js';
import type { Database } from './schema.js';

export interface EntitySummary {
  id: number;
  name: string;
  type: EntityType;
  mentions: number;
  articles: number;
}

export interface EntityDetail extends EntitySummary {
  aliases: Array<{ alias: string; source: string }>;
}

/** Where an alias came from: the analyzer, or a person editing. */
export type AliasSource = 'auto' | 'user';

/**
 * An entity's count with the changes not yet folded in (see migration 010): exact at any
 * moment, where the column alone lags on PostgreSQL by a fold.
 */
function exactCount(column: 'mention_count' | 'article_count', logged: 'mentions' | 'articles') {
  return sql<number>`entity.${sql.ref(column)} + coalesce((SELECT sum(c.${sql.ref(logged)})
    FROM entity_count_change c WHERE c.entity_id = entity.id), 0)`;
}

/** A bare surname joins a known person only if they have this many times the mentions of the next. */
const SURNAME_DOMINANCE = 3;

export class EntityRepo {
  /** Resolutions made through this repository; cleared by every edit. */
  private readonly resolved = new Map<string, number>();
  /**
   * Aliases read ahead for the names about to be resolved ("type\0key" → entity, null when
   * there is none), so that resolving an article's names costs two queries, not two per
   * name. Cleared by every edit, like `resolved`.
   */
  private readonly aliasesAhead = {
    user: new Map<string, number | null>(),
    any: new Map<string, number | null>(),
  };

  constructor(private readonly db: Kysely<Database>) {}

  /** The entity an alias of this type points to, or null. */
  async findByAlias(alias: string, type: string): Promise<number | null> {
    const row = await this.db
      .selectFrom('entity_alias')
      .select('entity_id')
      .where('alias_key', '=', nameKey(alias))
      .where('type', '=', type)
      .executeTakeFirst();
    return row?.entity_id ?? null;
  }

  /**
   * The entity for a mention: a person's alias for the mention's own words wins (users
   * decide), then the analyzer's canonical name, then (for a bare surname) the one known
   * person it clearly means; a new name creates an entity. Nationality words belong to
   * their country's entity.
   */
  async resolve(canonical: string, surface: string, mentionType: string): Promise<number> {
    const type = mentionType === 'NORP' ? 'LOC' : mentionType;
    const memo = `${type}\u0000${canonical}\u0000${surface}`;
    const cached = this.resolved.get(memo);
    if (cached !== undefined) return cached;
    const id = await this.lookUpOrCreate(canonical, surface, type);
    this.resolved.set(memo, id);
    return id;
  }

  /**
   * Reads in two queries the aliases that resolving these names will ask for: users'
   * aliases of the words as written, and any alias of the canonical names.
   */
  async readAhead(names: Array<{ entity: string; text: string; type: string }>): Promise<void> {
    const typed = names.map((n) => ({ ...n, type: n.type === 'NORP' ? 'LOC' : n.type }));
    const ask = async (which: 'user' | 'any', pairs: Array<{ key: string; type: string }>) => {
      const ahead = this.aliasesAhead[which];
      const todo = pairs.filter((p) => !ahead.has(`${p.type}\u0000${p.key}`));
      if (todo.length === 0) return;
      for (const p of todo) ahead.set(`${p.type}\u0000${p.key}`, null);
      let query = this.db
        .selectFrom('entity_alias')
        .select(['alias_key', 'type', 'entity_id'])
        .where('alias_key', 'in', [...new Set(todo.map((p) => p.key))]);
      if (which === 'user') query = query.where('source', '=', 'user');
      for (const row of await query.execute()) {
        const key = `${row.type}\u0000${row.alias_key}`;
        if (ahead.has(key)) ahead.set(key, row.entity_id);
      }
    };
    await ask(
      'user',
      typed.map((n) => ({ key: nameKey(n.text), type: n.type })),
    );
    await ask(
      'any',
      typed.map((n) => ({ key: nameKey(n.entity), type: n.type })),
    );
  }

  /**
   * Resolves an article's names before the transaction that stores its mentions, each new
   * entity created in a statement of its own. On PostgreSQL, a worker creating an entity
   * inside its analysis would hold up every other worker naming it until that whole
   * analysis committed. Nothing is answered from earlier calls: entities may have been
   * merged since.
   */
  async resolveAhead(names: Array<{ entity: string; text: string; type: string }>): Promise<void> {
    this.forgetResolutions();
    await this.readAhead(names);
    for (const n of names) await this.resolve(n.entity, n.text, n.type);
    this.forgetResolutions();
  }

  /** Forgets resolutions and aliases read ahead: an edit may have changed any of them. */
  private forgetResolutions(): void {
    this.resolved.clear();
    this.aliasesAhead.user.clear();
    this.aliasesAhead.any.clear();
  }

  /** An alias read ahead: the entity, null for none, undefined when it was not read. */
  private ahead(which: 'user' | 'any', name: string, type: string): number | null | undefined {
    return this.aliasesAhead[which].get(`${type}\u0000${nameKey(name)}`);
  }

  private async lookUpOrCreate(canonical: string, surface: string, type: string): Promise<number> {
    const userAhead = this.ahead('user', surface, type);
    if (userAhead) return userAhead;
    const userAlias =
      userAhead === null
        ? undefined
        : await this.db
            .selectFrom('entity_alias')
            .select('entity_id')
            .where('alias_key', '=', nameKey(surface))
            .where('type', '=', type)
            .where('source', '=', 'user')
            .executeTakeFirst();
    if (userAlias) return userAlias.entity_id;
    const knownAhead = this.ahead('any', canonical, type);
    const known = knownAhead !== undefined ? knownAhead : await this.findByAlias(canonical, type);
    if (known !== null) return known;
    // "Donald J. Trump" is "Donald Trump" when that is who the store knows.
    const plain = type === 'PER' ? canonical.replace(/\s+\p{Lu}\.(?=\s)/gu, '') : canonical;
    const knownPlain = plain !== canonical ? await this.findByAlias(plain, type) : null;
    if (knownPlain !== null) {
      await this.addAlias(knownPlain, canonical, 'auto');
      return knownPlain;
    }
    const person =
      type === 'PER' && !/\s/.test(canonical.trim())
        ? await this.personBySurname(canonical.trim())
        : null;
    if (person !== null) {
      await this.addAlias(person, canonical, 'auto');
      return person;
    }
    const created = await this.db
      .insertInto('entity')
      .values({ name: canonical, type, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.columns(['name', 'type']).doUpdateSet({ name: canonical }))
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.addAlias(created.id, canonical, 'auto');
    return created.id;
  }

  /** The person a bare surname clearly means across articles ("Obama" → Barack Obama), or null. */
  private async personBySurname(surname: string): Promise<number | null> {
    const candidates = await this.db
      .selectFrom('entity')
      .select(['entity.id', exactCount('mention_count', 'mentions').as('mentions')])
      .where('entity.type', '=', 'PER')
      .where('entity.name', 'like', `% ${surname.replace(/[%_]/g, '')}`)
      .orderBy('mentions', 'desc')
      .limit(2)
      .execute();
    const [best, next] = candidates;
    if (!best) return null;
    return !next || Number(best.mentions) >= SURNAME_DOMINANCE * Number(next.mentions)
      ? best.id
      : null;
  }

  /** Adds an alias to an entity (moving it from another entity if it had one). */
  async addAlias(entityId: number, alias: string, source: AliasSource): Promise<void> {
    if (source === 'user') this.forgetResolutions();
    const entity = await this.db
      .selectFrom('entity')
      .select('type')
      .where('id', '=', entityId)
      .executeTakeFirstOrThrow();
    const key = nameKey(alias);
    await this.db
      .insertInto('entity_alias')
      .values({ entity_id: entityId, alias, alias_key: key, type: entity.type, source })
      .onConflict((oc) =>
        oc.columns(['alias_key', 'type']).doUpdateSet({ entity_id: entityId, alias, source }),
      )
      .execute();
    // What was read ahead stays true to the table.
    this.aliasesAhead.any.set(`${entity.type}\u0000${key}`, entityId);
    if (source === 'user') {
      // The past follows the edit: mentions written this way now mean this entity.
      const relinked = this.db
        .selectFrom('mention')
        .where('type', '=', entity.type)
        .where('key', '=', key);
      const losers = await relinked.select('entity_id').distinct().execute();
      await this.db
        .updateTable('mention')
        .set({ entity_id: entityId })
        .where('type', '=', entity.type)
        .where('key', '=', key)
        .execute();
      await this.recount([
        entityId,
        ...losers.flatMap((r) => (r.entity_id === null ? [] : [r.entity_id])),
      ]);
    }
  }

  /**
   * Folds one entity into another: aliases, mentions, quotes and claims all move. The
   * aliases take the target's type, so a tagger's ORG/LOC disagreement can be merged away.
   */
  async merge(fromId: number, intoId: number): Promise<void> {
    if (fromId === intoId) return;
    this.forgetResolutions();
    const target = await this.db
      .selectFrom('entity')
      .select('type')
      .where('id', '=', intoId)
      .executeTakeFirstOrThrow();
    const targetKeys = this.db
      .selectFrom('entity_alias')
      .select('alias_key')
      .where('entity_id', '=', intoId);
    await this.db
      .deleteFrom('entity_alias')
      .where('entity_id', '=', fromId)
      .where('alias_key', 'in', targetKeys)
      .execute();
    await this.db
      .updateTable('entity_alias')
      .set({ entity_id: intoId, type: target.type })
      .where('entity_id', '=', fromId)
      .execute();
    await this.db
      .updateTable('mention')
      .set({ entity_id: intoId })
      .where('entity_id', '=', fromId)
      .execute();
    await this.db
      .updateTable('quote')
      .set({ speaker_entity_id: intoId })
      .where('speaker_entity_id', '=', fromId)
      .execute();
    await this.db
      .updateTable('claim')
      .set({ source_entity_id: intoId })
      .where('source_entity_id', '=', fromId)
      .execute();
    // A watch on the merged-away entity keeps watching the same person under the new id.
    await this.db
      .updateTable('watch')
      .set({ entity_id: intoId })
      .where('entity_id', '=', fromId)
      .execute();
    await this.db.deleteFrom('entity').where('id', '=', fromId).execute();
    await this.recount([intoId]);
  }

  /**
   * Splits an alias off into an entity of its own, with the mentions that use it. Returns
   * the new entity's id.
   */
  async split(entityId: number, alias: string): Promise<number> {
    this.forgetResolutions();
    const entity = await this.db
      .selectFrom('entity')
      .select(['type'])
      .where('id', '=', entityId)
      .executeTakeFirstOrThrow();
    const created = await this.db
      .insertInto('entity')
      .values({ name: alias, type: entity.type, created_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    // A user alias re-links the mentions written this way, which is the split itself.
    await this.addAlias(created.id, alias, 'user');
    return created.id;
  }

  private summaries() {
    return this.db
      .selectFrom('entity')
      .select([
        'entity.id',
        'entity.name',
        'entity.type',
        exactCount('mention_count', 'mentions').as('mentions'),
        exactCount('article_count', 'articles').as('articles'),
      ]);
  }

  /**
   * Counts the stored mentions of these entities again. Edits that re-link mentions
   * wholesale (merge, split, a user's alias) end here; analysis adjusts counts by delta.
   */
  async recount(ids: Iterable<number>): Promise<void> {
    const postgres = dialectOf(this.db) === 'postgres';
    for (const id of new Set(ids)) {
      // On PostgreSQL the changes logged for the entity are dropped in the same statement,
      // so in one snapshot: each logged change's mention is either counted here or still
      // uncommitted, its change then left for the fold.
      const logged = postgres
        ? sql`WITH dropped AS (DELETE FROM entity_count_change WHERE entity_id = ${id}) `
        : sql``;
      await sql`${logged}UPDATE entity SET
          mention_count = (SELECT count(*) FROM mention WHERE entity_id = ${id}),
          article_count = (SELECT count(DISTINCT article_id) FROM mention WHERE entity_id = ${id})
        WHERE id = ${id}`.execute(this.db);
    }
  }

  /**
   * Adds one article's change in mentions to the entities' counts: on SQLite to the rows,
   * on PostgreSQL to the log the story assigner folds in (see migration 010).
   */
  async adjustCounts(
    before: ReadonlyMap<number, number>,
    after: ReadonlyMap<number, number>,
  ): Promise<void> {
    const changes = [...new Set([...before.keys(), ...after.keys()])]
      .sort((a, b) => a - b)
      .map((id) => {
        const [was, now] = [before.get(id) ?? 0, after.get(id) ?? 0];
        return { entity_id: id, mentions: now - was, articles: Number(now > 0) - Number(was > 0) };
      })
      .filter((c) => c.mentions !== 0 || c.articles !== 0);
    if (changes.length === 0) return;
    if (dialectOf(this.db) === 'postgres') {
      await this.db.insertInto('entity_count_change').values(changes).execute();
      return;
    }
    for (const c of changes) {
      await this.db
        .updateTable('entity')
        .set((eb) => ({
          mention_count: eb('mention_count', '+', c.mentions),
          article_count: eb('article_count', '+', c.articles),
        }))
        .where('id', '=', c.entity_id)
        .execute();
    }
  }

  /**
   * Folds the logged count changes into the entity rows, in one statement (one snapshot:
   * changes committed meanwhile wait for the next fold). Changes to entities merged away
   * since are dropped: the merge counted their mentions anew. A no-op on SQLite.
   */
  async foldCountChanges(): Promise<void> {
    if (dialectOf(this.db) !== 'postgres') return;
    await sql`WITH folded AS (DELETE FROM entity_count_change RETURNING *),
        sums AS (SELECT entity_id, sum(mentions) AS mentions, sum(articles) AS articles
                 FROM folded GROUP BY entity_id)
      UPDATE entity SET mention_count = entity.mention_count + sums.mentions,
                        article_count = entity.article_count + sums.articles
      FROM sums WHERE entity.id = sums.entity_id`.execute(this.db);
  }

  /** Entities with their mention and article counts, most mentioned first. */
  async list(options: { limit: number; type?: string; query?: string }): Promise<EntitySummary[]> {
    // Ordered by the folded counts, which the index serves; a few seconds behind at most.
    let query = this.summaries()
      .orderBy('entity.mention_count', 'desc')
      .orderBy('entity.id')
      .limit(options.limit);
    if (options.type) query = query.where('entity.type', '=', options.type);
    if (options.query)
      query = query.where('entity.name', 'like', `%${options.query.replace(/[%_]/g, '')}%`);
    return (await query.execute()).map(toSummary);
  }

  /** One entity with its aliases and counts, or null. */
  async get(id: number): Promise<EntityDetail | null> {
    const row = await this.summaries().where('entity.id', '=', id).executeTakeFirst();
    if (!row) return null;
    const aliases = await this.db
      .selectFrom('entity_alias')
      .select(['alias', 'source'])
      .where('entity_id', '=', id)
      .orderBy('alias')
      .execute();
    return { ...toSummary(row), aliases };
  }
}

function toSummary(row: {
  id: number;
  name: string;
  type: string;
  mentions: number;
  articles: number;
}): EntitySummary {
  return {
    ...row,
    type: row.type as EntityType,
    mentions: Number(row.mentions),
    articles: Number(row.articles),
  };
}
