// API tokens. Only a SHA-256 hash is stored: a token is shown once, when it is made, and
// a copy of the database never hands out working credentials.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ApiTokenTable, Database, TokenScope } from './schema.js';

export type { TokenScope } from './schema.js';

export interface ApiToken {
  id: number;
  name: string;
  scope: TokenScope;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Every scope a token may have, least first. */
export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const satisfies readonly TokenScope[];

/** Whether a token of this scope may write: write and admin tokens may. */
export const canWrite = (scope: TokenScope | undefined): boolean =>
  scope === 'write' || scope === 'admin';

/** Random bytes in a token: 256 bits, beyond guessing. */
const TOKEN_BYTES = 32;
/** How stale last_used_at may get before a request rewrites it: one write a minute, not one per request. */
const TOUCH_AFTER_MS = 60_000;

/** The stored form of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function toToken(r: Omit<Selectable<ApiTokenTable>, 'hash'>): ApiToken {
  return {
    id: r.id,
    name: r.name,
    scope: r.scope,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

export class TokenRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Makes a token; the returned `token` is the only time its text exists outside the caller. */
  async create(
    input: { name: string; scope: TokenScope },
    now = new Date().toISOString(),
  ): Promise<{ token: string; record: ApiToken }> {
    const token = `sitrep_${randomBytes(TOKEN_BYTES).toString('base64url')}`;
    const row = await this.db
      .insertInto('api_token')
      .values({
        name: input.name,
        hash: hashToken(token),
        scope: input.scope,
        created_at: now,
        last_used_at: null,
        revoked_at: null,
      })
      .returning(['id', 'name', 'scope', 'created_at', 'last_used_at', 'revoked_at'])
      .executeTakeFirstOrThrow();
    return { token, record: toToken(row) };
  }

  /** Every token, revoked ones included, oldest first. */
  async list(): Promise<ApiToken[]> {
    const rows = await this.db
      .selectFrom('api_token')
      .select(['id', 'name', 'scope', 'created_at', 'last_used_at', 'revoked_at'])
      .orderBy('id')
      .execute();
    return rows.map(toToken);
  }

  /** How many tokens still work. */
  async countActive(): Promise<number> {
    const row = await this.db
      .selectFrom('api_token')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Revokes a token; false when there is no such working token. */
  async revoke(id: number, now = new Date().toISOString()): Promise<boolean> {
    const result = await this.db
      .updateTable('api_token')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The working token with this text, or null; notes when it was last used. */
  async verify(token: string, now = new Date()): Promise<ApiToken | null> {
    const row = await this.db
      .selectFrom('api_token')
      .select(['id', 'name', 'scope', 'created_at', 'last_used_at', 'revoked_at'])
      .where('hash', '=', hashToken(token))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) return null;
    if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_AFTER_MS) {
      row.last_used_at = now.toISOString();
      await this.db
        .updateTable('api_token')
        .set({ last_used_at: row.last_used_at })
        .where('id', '=', row.id)
        .execute();
    }
    return toToken(row);
  }
}
