// Webhook deliveries: one per watch per matching run, retried on a schedule, with every
// attempt kept so an operator can see why a receiver never got its call.
import type { Kysely, Selectable } from 'kysely';
import type { Database, DeliveryStatus, WebhookDeliveryTable } from './schema.js';

export type { DeliveryStatus } from './schema.js';

export interface DeliveryAttempt {
  at: string;
  /** The HTTP status, or null when no answer came. */
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface Delivery {
  id: number;
  watchId: number;
  status: DeliveryStatus;
  articleCount: number;
  attempts: number;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
  lastError: string | null;
  log: DeliveryAttempt[];
}

/** A delivery due to be sent, with what it needs to be signed and posted. */
export interface DueDelivery {
  id: number;
  watchId: number;
  watchName: string;
  webhookUrl: string | null;
  secret: string;
  payload: string;
  attempts: number;
  nextAttemptAt: string;
  createdAt: string;
}

function toDelivery(r: Selectable<WebhookDeliveryTable>, log: DeliveryAttempt[]): Delivery {
  return {
    id: r.id,
    watchId: r.watch_id,
    status: r.status,
    articleCount: r.article_count,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    createdAt: r.created_at,
    deliveredAt: r.delivered_at,
    lastError: r.last_error,
    log,
  };
}

export class WebhookRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Queues a delivery, due now. */
  async queue(
    watchId: number,
    payload: string,
    articleCount: number,
    now: string,
  ): Promise<number> {
    const row = await this.db
      .insertInto('webhook_delivery')
      .values({
        watch_id: watchId,
        payload,
        article_count: articleCount,
        status: 'pending',
        next_attempt_at: now,
        created_at: now,
        delivered_at: null,
        last_error: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** A watch's deliveries, newest first, each with its attempts. */
  async list(watchId: number, limit: number): Promise<Delivery[]> {
    const rows = await this.db
      .selectFrom('webhook_delivery')
      .selectAll()
      .where('watch_id', '=', watchId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    if (rows.length === 0) return [];
    const attempts = await this.db
      .selectFrom('webhook_attempt')
      .selectAll()
      .where(
        'delivery_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('id')
      .execute();
    return rows.map((r) =>
      toDelivery(
        r,
        attempts
          .filter((a) => a.delivery_id === r.id)
          .map((a) => ({
            at: a.attempted_at,
            status: a.status,
            error: a.error,
            durationMs: a.duration_ms,
          })),
      ),
    );
  }

  /** Pending deliveries whose time has come, oldest first. */
  async due(now: string, limit: number): Promise<DueDelivery[]> {
    const rows = await this.db
      .selectFrom('webhook_delivery as d')
      .innerJoin('watch as w', 'w.id', 'd.watch_id')
      .select([
        'd.id',
        'd.watch_id',
        'w.name',
        'w.webhook_url',
        'w.secret',
        'd.payload',
        'd.attempts',
        'd.next_attempt_at',
        'd.created_at',
      ])
      .where('d.status', '=', 'pending')
      .where('d.next_attempt_at', '<=', now)
      .orderBy('d.next_attempt_at')
      .orderBy('d.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      watchId: r.watch_id,
      watchName: r.name,
      webhookUrl: r.webhook_url,
      secret: r.secret,
      payload: r.payload,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at ?? now,
      createdAt: r.created_at,
    }));
  }

  /**
   * Takes a due delivery for this sender by pushing its next attempt to `leaseUntil`;
   * false when another sender took it first (two processes never post the same attempt).
   */
  async claim(id: number, expectedNext: string, leaseUntil: string): Promise<boolean> {
    const result = await this.db
      .updateTable('webhook_delivery')
      .set({ next_attempt_at: leaseUntil })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '=', expectedNext)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Logs one attempt and moves the delivery on: sent, retried at `retryAt`, or failed for good (retryAt null). */
  async recordAttempt(
    id: number,
    attempt: DeliveryAttempt,
    outcome: { ok: true } | { ok: false; retryAt: string | null },
  ): Promise<void> {
    await this.db
      .insertInto('webhook_attempt')
      .values({
        delivery_id: id,
        attempted_at: attempt.at,
        status: attempt.status,
        error: attempt.error,
        duration_ms: attempt.durationMs,
      })
      .execute();
    await this.db
      .updateTable('webhook_delivery')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        status: outcome.ok ? 'sent' : outcome.retryAt ? 'pending' : 'failed',
        next_attempt_at: outcome.ok ? null : outcome.retryAt,
        delivered_at: outcome.ok ? attempt.at : null,
        last_error: outcome.ok ? null : (attempt.error ?? `HTTP ${attempt.status}`),
      }))
      .where('id', '=', id)
      .execute();
  }
}
