// The audit log of attempted writes (migration 012): appended by the API for every
// request that is not a read, read back newest first by an admin.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface AuditEvent {
  id: number;
  at: string;
  /** The token's name, or null when the request carried none. */
  actor: string | null;
  tokenId: number | null;
  method: string;
  path: string;
  status: number;
  address: string | null;
}

export class AuditRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async record(event: Omit<AuditEvent, 'id'>): Promise<void> {
    await this.db
      .insertInto('audit_event')
      .values({
        at: event.at,
        actor: event.actor,
        token_id: event.tokenId,
        method: event.method,
        path: event.path,
        status: event.status,
        address: event.address,
      })
      .execute();
  }

  /** Events newest first, before an id when paging; only refused ones (4xx, 5xx) when asked. */
  async list(options: {
    limit: number;
    before?: number;
    refused?: boolean;
  }): Promise<AuditEvent[]> {
    let query = this.db
      .selectFrom('audit_event')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(options.limit);
    if (options.before !== undefined) query = query.where('id', '<', options.before);
    if (options.refused) query = query.where('status', '>=', 400);
    return (await query.execute()).map((r) => ({
      id: Number(r.id),
      at: r.at,
      actor: r.actor,
      tokenId: r.token_id,
      method: r.method,
      path: r.path,
      status: r.status,
      address: r.address,
    }));
  }
}
