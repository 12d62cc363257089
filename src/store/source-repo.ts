// Outlets. Sources are found or created by key, and cached because every ingested item
// needs one.
import type { Kysely } from 'kysely';
import type { Source, SourceKind } from '../core/types.js';
import type { Database } from './schema.js';

export interface SourceInput {
  key: string;
  name: string;
  domain: string | null;
  kind?: SourceKind;
}

export class SourceRepo {
  // Promises, not ids, so that concurrent callers for one new key share a single insert.
  private readonly cache = new Map<string, Promise<number>>();

  constructor(private readonly db: Kysely<Database>) {}

  /** The id of the source with this key, creating it on first sight. */
  ensure(input: SourceInput): Promise<number> {
    let id = this.cache.get(input.key);
    if (!id) {
      id = this.findOrCreate(input);
      id.catch(() => this.cache.delete(input.key));
      this.cache.set(input.key, id);
    }
    return id;
  }

  private async findOrCreate(input: SourceInput): Promise<number> {
    const found = await this.db
      .selectFrom('source')
      .select('id')
      .where('key', '=', input.key)
      .executeTakeFirst();
    return (
      found?.id ??
      (
        await this.db
          .insertInto('source')
          .values({
            key: input.key,
            name: input.name,
            domain: input.domain,
            kind: input.kind ?? 'unknown',
            created_at: new Date().toISOString(),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    );
  }

  /** Forgets cached ids, after a rolled-back transaction may have discarded new rows. */
  clearCache(): void {
    this.cache.clear();
  }

  /** Every source with its article count, most prolific first. */
  async list(): Promise<Array<Source & { articles: number }>> {
    const rows = await this.db
      .selectFrom('source')
      .leftJoin('article', 'article.source_id', 'source.id')
      .select((eb) => [
        'source.id',
        'source.key',
        'source.name',
        'source.domain',
        'source.kind',
        eb.fn.count<number>('article.id').as('articles'),
      ])
      .groupBy('source.id')
      .orderBy('articles', 'desc')
      .execute();
    return rows.map((r) => ({ ...r, kind: r.kind as SourceKind, articles: Number(r.articles) }));
  }
}
