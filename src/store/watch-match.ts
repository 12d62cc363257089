// The queries behind watch matching: which newly placed articles satisfy a watch, and
// what a webhook says about each. Kept apart from WatchRepo so each file stays readable.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { dialectOf } from './dialect.js';
import { matchesQuery } from './search.js';
import type { ArticleBrief, Watch } from './watch-repo.js';

/**
 * Articles placed in stories after `from` (exclusive) and up to `to` (inclusive) that
 * satisfy every criterion of the watch; never those placed before the watch was made.
 */
export async function matchingArticles(
  db: Kysely<Database>,
  watch: Watch,
  from: string | null,
  to: string,
): Promise<number[]> {
  let query = db
    .selectFrom('story_article as sa')
    .innerJoin('article as a', 'a.id', 'sa.article_id')
    .select('sa.article_id')
    .where('sa.added_at', '<=', to)
    .where('sa.added_at', '>=', watch.createdAt);
  if (from) query = query.where('sa.added_at', '>', from);
  if (watch.words !== null) {
    const match = matchesQuery(dialectOf(db), watch.words);
    if (!match) return [];
    query = query.where(match);
  }
  if (watch.storyId !== null) {
    const story = await db
      .selectFrom('story')
      .select(['id', 'merged_into'])
      .where('id', '=', watch.storyId)
      .executeTakeFirst();
    if (!story) return [];
    query = query.where('sa.story_id', '=', story.merged_into ?? story.id);
  }
  if (watch.entityId !== null) {
    const entityId = watch.entityId;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('mention as me')
          .select('me.id')
          .whereRef('me.article_id', '=', 'a.id')
          .where('me.entity_id', '=', entityId),
      ),
    );
  }
  if (watch.sourceKey !== null) {
    const key = watch.sourceKey;
    query = query.where(
      'a.source_id',
      'in',
      db.selectFrom('source').select('id').where('key', '=', key),
    );
  }
  return (await query.orderBy('sa.article_id').execute()).map((r) => r.article_id);
}

/** Title, source, link and story of each article, in the order given. */
export async function articleBriefs(
  db: Kysely<Database>,
  articleIds: number[],
): Promise<ArticleBrief[]> {
  if (articleIds.length === 0) return [];
  const rows = await db
    .selectFrom('article as a')
    .innerJoin('source as s', 's.id', 'a.source_id')
    .leftJoin('story_article as sa', 'sa.article_id', 'a.id')
    .select(['a.id', 'a.title', 's.name as source', 'a.url', 'a.published_at', 'sa.story_id'])
    .where('a.id', 'in', articleIds)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return articleIds.flatMap((id) => {
    const r = byId.get(id);
    return r
      ? [
          {
            id,
            title: r.title,
            source: r.source,
            url: r.url,
            published: r.published_at,
            storyId: r.story_id,
          },
        ]
      : [];
  });
}
