// API tokens on real SQLite and PostgreSQL stores: only the hash is kept, and revoking works at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, openTestStore } from '../test-support/engines.js';
import { hashToken, type Store } from './index.js';

describe.each(ENGINES)('TokenRepo on %s', (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(engine);
  });
  afterEach(() => store.close());

  it('stores a SHA-256 hash, never the token', async () => {
    const { token, record } = await store.tokens.create({ name: 'laptop', scope: 'write' });
    expect(token).toMatch(/^sitrep_[\w-]{43}$/);
    const rows = await store.db.kysely.selectFrom('api_token').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.hash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await store.tokens.verify(token)).toMatchObject({
      id: record.id,
      name: 'laptop',
      scope: 'write',
    });
    expect(await store.tokens.verify(`${token}x`)).toBeNull();
  });

  it('notes last use and stops working once revoked', async () => {
    const { token, record } = await store.tokens.create({ name: 'reader', scope: 'read' });
    expect(record.lastUsedAt).toBeNull();
    await store.tokens.verify(token);
    expect((await store.tokens.list())[0]?.lastUsedAt).not.toBeNull();
    expect(await store.tokens.countActive()).toBe(1);
    expect(await store.tokens.revoke(record.id)).toBe(true);
    expect(await store.tokens.revoke(record.id)).toBe(false);
    expect(await store.tokens.verify(token)).toBeNull();
    expect(await store.tokens.countActive()).toBe(0);
    expect((await store.tokens.list())[0]?.revokedAt).not.toBeNull();
  });
});
