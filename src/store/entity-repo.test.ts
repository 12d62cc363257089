// Entities across articles on real SQLite and PostgreSQL stores: resolving, aliases, merge and split,
// and that every edit re-links mentions already stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Mention } from '../core/types.js';
import { ENGINES, openTestStore } from '../test-support/engines.js';
import { seededStore } from '../test-support/store.js';
import type { Store } from './index.js';

const NONE = { quotes: [], claims: [], times: [] };

function mention(text: string, entity: string, type: Mention['type'], start = 0): Mention {
  return { start, end: start + text.length, text, type, entity };
}

describe.each(ENGINES)('entities across articles on %s', (engine) => {
  let store: Store;
  let a: number;
  let b: number;
  beforeEach(async () => {
    const seeded = await seededStore(await openTestStore(engine));
    store = seeded.store;
    a = seeded.seedId;
    b = seeded.hostileId;
    await store.annotations.replace(a, 'test', {
      ...NONE,
      entities: [
        mention('Vladimir Putin', 'Vladimir Putin', 'PER'),
        mention('Putin', 'Vladimir Putin', 'PER', 20),
        mention('DPRK', 'North Korea', 'LOC', 40),
      ],
    });
    await store.annotations.replace(b, 'test', {
      ...NONE,
      entities: [
        mention('Putin', 'Putin', 'PER'),
        mention('North Korea', 'North Korea', 'LOC', 10),
        mention('Pyongyang', 'Pyongyang', 'LOC', 30),
      ],
    });
  });
  afterEach(() => store.close());

  const entityOf = async (articleId: number, text: string) =>
    (await store.annotations.mentions(articleId)).find((m) => m.text === text)?.entity;

  it('gives one entity to one canonical name, whatever the article', async () => {
    const northKorea = await store.entities.findByAlias('North Korea', 'LOC');
    expect(northKorea).not.toBeNull();
    expect(await entityOf(a, 'DPRK')).toBe('North Korea');
    expect(await entityOf(b, 'North Korea')).toBe('North Korea');
    expect((await store.entities.get(northKorea!))!.articles).toBe(2);
  });

  it('merges entities, and stored mentions follow', async () => {
    const northKorea = (await store.entities.findByAlias('North Korea', 'LOC'))!;
    const capital = (await store.entities.findByAlias('Pyongyang', 'LOC'))!;
    expect(capital).not.toBe(northKorea);
    await store.entities.merge(capital, northKorea);
    expect(await entityOf(b, 'Pyongyang')).toBe('North Korea');
    expect(await store.entities.get(capital)).toBeNull();
    expect((await store.entities.get(northKorea))!.aliases.map((x) => x.alias)).toEqual([
      'North Korea',
      'Pyongyang',
    ]);
    expect(await store.entities.findByAlias('pyongyang', 'LOC')).toBe(northKorea);
  });

  it('links a bare surname, or a name with a middle initial, to the person named in full', async () => {
    expect(await entityOf(b, 'Putin')).toBe('Vladimir Putin');
    await store.annotations.replace(b, 'test', {
      ...NONE,
      entities: [mention('Vladimir V. Putin', 'Vladimir V. Putin', 'PER')],
    });
    expect(await entityOf(b, 'Vladimir V. Putin')).toBe('Vladimir Putin');
  });

  it('applies a user alias to mentions already stored', async () => {
    const northKorea = (await store.entities.findByAlias('North Korea', 'LOC'))!;
    await store.entities.addAlias(northKorea, 'Pyongyang', 'user');
    expect(await entityOf(b, 'Pyongyang')).toBe('North Korea');
  });

  it('splits an alias off into its own entity, with its mentions', async () => {
    const full = (await store.entities.findByAlias('Vladimir Putin', 'PER'))!;
    const split = await store.entities.split(full, 'Putin');
    expect(await entityOf(b, 'Putin')).toBe('Putin');
    expect(await entityOf(a, 'Putin')).toBe('Putin');
    expect(await entityOf(a, 'Vladimir Putin')).toBe('Vladimir Putin');
    expect((await store.entities.get(split))!.mentions).toBe(2);
  });

  it('keeps the counts of each entity equal to its stored mentions through every edit', async () => {
    const truth = async () => {
      const rows = await store.db.kysely
        .selectFrom('mention')
        .select((eb) => [
          'entity_id',
          eb.fn.countAll<number>().as('mentions'),
          eb.fn.count<number>('article_id').distinct().as('articles'),
        ])
        .where('entity_id', 'is not', null)
        .groupBy('entity_id')
        .execute();
      return new Map(rows.map((r) => [r.entity_id, [Number(r.mentions), Number(r.articles)]]));
    };
    const expectExact = async () => {
      const counted = await truth();
      const listed = await store.entities.list({ limit: 100 });
      for (const e of listed)
        expect([e.id, e.mentions, e.articles]).toEqual([e.id, ...(counted.get(e.id) ?? [0, 0])]);
    };
    await expectExact();
    const full = (await store.entities.findByAlias('Vladimir Putin', 'PER'))!;
    expect((await store.entities.get(full))!.mentions).toBe(3);
    // Analysed again with fewer mentions: counts go down, an article drops out.
    await store.annotations.replace(b, 'test', {
      ...NONE,
      entities: [mention('Pyongyang', 'Pyongyang', 'LOC')],
    });
    await expectExact();
    expect((await store.entities.get(full))!.articles).toBe(1);
    // On PostgreSQL analysis logs its changes; folding them in mid-way changes no count.
    await store.entities.foldCountChanges();
    await expectExact();
    const split = await store.entities.split(full, 'Putin');
    await expectExact();
    await store.entities.addAlias(full, 'Putin', 'user');
    await expectExact();
    const northKorea = (await store.entities.findByAlias('North Korea', 'LOC'))!;
    await store.entities.merge((await store.entities.findByAlias('Pyongyang', 'LOC'))!, northKorea);
    await expectExact();
    expect((await store.entities.get(northKorea))!.articles).toBe(2);
    expect((await store.entities.get(split))?.mentions ?? 0).toBe(0);
    // Once folded, the log is empty and the rows alone hold the counts.
    await store.entities.foldCountChanges();
    const log = await store.db.kysely
      .selectFrom('entity_count_change')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(log.n)).toBe(0);
    const counted = await truth();
    const rows = await store.db.kysely
      .selectFrom('entity')
      .select(['id', 'mention_count', 'article_count'])
      .execute();
    for (const r of rows)
      expect([r.id, r.mention_count, r.article_count]).toEqual([
        r.id,
        ...(counted.get(r.id) ?? [0, 0]),
      ]);
  });

  it('uses user aliases when new articles are analyzed', async () => {
    const full = (await store.entities.findByAlias('Vladimir Putin', 'PER'))!;
    await store.entities.addAlias(full, 'V. V. Putin', 'user');
    await store.annotations.replace(b, 'test', {
      ...NONE,
      entities: [mention('V. V. Putin', 'V. V. Putin', 'PER')],
    });
    expect(await entityOf(b, 'V. V. Putin')).toBe('Vladimir Putin');
  });

  it('puts nationality words on their country', async () => {
    await store.annotations.replace(b, 'test', {
      ...NONE,
      entities: [mention('North Korean', 'North Korea', 'NORP')],
    });
    const northKorea = (await store.entities.findByAlias('North Korea', 'LOC'))!;
    expect((await store.annotations.mentions(b))[0]).toMatchObject({
      type: 'NORP',
      entity: 'North Korea',
      entityId: northKorea,
    });
  });

  it('joins a bare surname to the one person it clearly means, and only then', async () => {
    const { seedId } = { seedId: a };
    await store.transaction(async (repos) => {
      await repos.annotations.replace(seedId, 'test', {
        ...NONE,
        entities: [
          mention('Barack Obama', 'Barack Obama', 'PER'),
          mention('Barack Obama', 'Barack Obama', 'PER', 30),
        ],
      });
      await repos.annotations.replace(b, 'test', {
        ...NONE,
        entities: [mention('Obama', 'Obama', 'PER')],
      });
    });
    expect(await entityOf(b, 'Obama')).toBe('Barack Obama');
    await store.transaction(async (repos) => {
      await repos.annotations.replace(seedId, 'test', {
        ...NONE,
        entities: [
          mention('Bill Clinton', 'Bill Clinton', 'PER'),
          mention('Hillary Clinton', 'Hillary Clinton', 'PER', 30),
        ],
      });
      await repos.annotations.replace(b, 'test', {
        ...NONE,
        entities: [mention('Clinton', 'Clinton', 'PER')],
      });
    });
    expect(await entityOf(b, 'Clinton')).toBe('Clinton');
  });
});
