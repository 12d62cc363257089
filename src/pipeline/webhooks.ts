// Sending watch webhooks: a JSON POST signed with HMAC-SHA256 of `timestamp.body` under
// the watch's secret (so a receiver can refuse forgeries and replays), retried with
// exponential backoff, every attempt logged on the delivery. Connections go through the
// fetcher's address check, so a webhook can't be aimed at the host's own network.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { request } from 'undici';
import { describeError } from '../core/errors.js';
import { type AllowPrivate, classifyAddress, describeAddress } from '../ingest/fetch/index.js';
import { createSafeAgent, systemResolver } from '../ingest/fetch/safe-connect.js';
import type { ArticleBrief, DueDelivery } from '../store/index.js';
import type { PipelineContext } from './context.js';

/** The first retry waits this long; each later one twice as long. */
const RETRY_BASE_MS = 30_000;
/** No retry waits longer than an hour. */
const RETRY_MAX_MS = 60 * 60_000;
/** Attempts before a delivery is given up: about an hour of trying in all. */
export const MAX_ATTEMPTS = 8;
/** A receiver gets this long to answer. */
const TIMEOUT_MS = 10_000;
/** A claimed delivery is not retried by another sender until this long after its claim. */
const LEASE_MS = TIMEOUT_MS + 30_000;
/** Deliveries sent per call, so one slow round never holds the timer for long. */
const BATCH = 20;
/** How old a signed timestamp a receiver should accept, in seconds. */
export const SIGNATURE_TOLERANCE_S = 300;

/** Posts a signed body; tests and other transports can stand in for the network. */
export type WebhookPost = (
  url: string,
  init: { headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ status: number }>;

export interface DeliverOptions {
  now?: Date;
  fetchImpl?: WebhookPost;
  /** Allow receivers on private and loopback addresses (SITREP_ALLOW_PRIVATE). */
  allowPrivate?: AllowPrivate;
  /** Where people reach the web UI, for each article's link; links are paths without it. */
  baseUrl?: string;
}

/** The hex HMAC-SHA256 a delivery carries in X-Sitrep-Signature (after `sha256=`). */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** For receivers: true when the signature is right and the timestamp recent. */
export function verifyWebhook(
  secret: string,
  headers: { signature?: string | null; timestamp?: string | null },
  body: string,
  nowSeconds = Date.now() / 1000,
): boolean {
  const timestamp = headers.timestamp ?? '';
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_TOLERANCE_S)
    return false;
  const given = Buffer.from((headers.signature ?? '').replace(/^sha256=/, ''), 'hex');
  const expected = Buffer.from(signWebhook(secret, timestamp, body), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Why a webhook URL can't be used (not http(s), or a private address literal), or null when it can. */
export function checkWebhookUrl(url: string, allowPrivate: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return 'only http and https webhooks are supported';
  if (allowPrivate) return null;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost'))
    return `${host} is a loopback name (set SITREP_ALLOW_PRIVATE=1 to allow it)`;
  const kind = classifyAddress(host);
  if (kind !== 'public' && kind !== 'invalid')
    return `${describeAddress(host, kind)} (set SITREP_ALLOW_PRIVATE=1 to allow it)`;
  return null;
}

/** When the next attempt should be, after `attempts` failures; null once it is time to give up. */
export function retryTime(now: Date, attempts: number): string | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const wait = Math.min(RETRY_BASE_MS * 2 ** (attempts - 1), RETRY_MAX_MS);
  return new Date(now.getTime() + wait).toISOString();
}

function defaultPost(allowPrivate: AllowPrivate): {
  post: WebhookPost;
  close: () => Promise<void>;
} {
  const agent = createSafeAgent({ resolver: systemResolver, allowPrivate, timeoutMs: TIMEOUT_MS });
  return {
    post: async (url, init) => {
      const res = await request(url, {
        method: 'POST',
        headers: init.headers,
        body: init.body,
        signal: init.signal,
        dispatcher: agent,
      });
      await res.body.dump();
      return { status: res.statusCode };
    },
    close: () => agent.close(),
  };
}

function bodyOf(delivery: DueDelivery, baseUrl: string): string {
  const articles = (JSON.parse(delivery.payload) as ArticleBrief[]).map((a) => ({
    id: a.id,
    title: a.title,
    source: a.source,
    url: a.url,
    published: a.published,
    story_id: a.storyId,
    link: `${baseUrl}/articles/${a.id}`,
  }));
  return JSON.stringify({
    delivery: delivery.id,
    watch: { id: delivery.watchId, name: delivery.watchName },
    created: delivery.createdAt,
    articles,
  });
}

/** Sends the deliveries that are due; returns how many were sent and how many attempts failed. */
export async function deliverWebhooks(
  ctx: Pick<PipelineContext, 'store'> & Partial<Pick<PipelineContext, 'log'>>,
  opts: DeliverOptions = {},
): Promise<{ sent: number; failed: number }> {
  // Each delivery may wait TIMEOUT_MS: leases, attempt times and retries read the clock
  // again for each one, or the batch's later deliveries would be leased already expired.
  const clock = () => opts.now ?? new Date();
  const due = await ctx.store.webhooks.due(clock().toISOString(), BATCH);
  if (due.length === 0) return { sent: 0, failed: 0 };
  const own = opts.fetchImpl ? null : defaultPost(opts.allowPrivate ?? false);
  const post = opts.fetchImpl ?? own!.post;
  const counts = { sent: 0, failed: 0 };
  try {
    for (const delivery of due) {
      const lease = new Date(clock().getTime() + LEASE_MS).toISOString();
      if (!(await ctx.store.webhooks.claim(delivery.id, delivery.nextAttemptAt, lease))) continue;
      const ok = await attempt(ctx, delivery, post, clock, opts.baseUrl?.replace(/\/+$/, '') ?? '');
      counts[ok ? 'sent' : 'failed']++;
    }
  } finally {
    await own?.close();
  }
  return counts;
}

async function attempt(
  ctx: Pick<PipelineContext, 'store'> & Partial<Pick<PipelineContext, 'log'>>,
  delivery: DueDelivery,
  post: WebhookPost,
  clock: () => Date,
  baseUrl: string,
): Promise<boolean> {
  const attemptedAt = clock().toISOString();
  const started = performance.now();
  let status: number | null = null;
  let error: string | null = null;
  if (!delivery.webhookUrl) {
    error = 'the watch has no webhook URL';
  } else {
    const body = bodyOf(delivery, baseUrl);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'sitrep-webhook',
      'x-sitrep-delivery': String(delivery.id),
      'x-sitrep-attempt': String(delivery.attempts + 1),
      'x-sitrep-timestamp': timestamp,
      'x-sitrep-signature': `sha256=${signWebhook(delivery.secret, timestamp, body)}`,
    };
    try {
      ({ status } = await post(delivery.webhookUrl, {
        headers,
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      }));
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (err) {
      error = describeError(err);
    }
  }
  const ok = error === null;
  const attempts = delivery.attempts + 1;
  const retryAt = ok || !delivery.webhookUrl ? null : retryTime(clock(), attempts);
  const durationMs = Math.round(performance.now() - started);
  await ctx.store.webhooks.recordAttempt(
    delivery.id,
    { at: attemptedAt, status, error, durationMs },
    ok ? { ok } : { ok, retryAt },
  );
  if (!ok)
    ctx.log?.warn(
      { delivery: delivery.id, watch: delivery.watchId, attempts, retryAt },
      `webhook failed: ${error}`,
    );
  return ok;
}
