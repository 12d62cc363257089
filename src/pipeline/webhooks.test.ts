// Webhook deliveries against a real HTTP receiver on 127.0.0.1: the signature verifies,
// failures are retried with backoff, every attempt is logged, and private addresses are
// refused unless allowed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store, type Watch } from '../store/index.js';
import { checkWebhookUrl, deliverWebhooks, MAX_ATTEMPTS, verifyWebhook } from './webhooks.js';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

describe('deliverWebhooks', () => {
  let server: Server;
  let url: string;
  const received: Received[] = [];
  /** Status codes the receiver answers with, in turn; 200 once they run out. */
  const answers: number[] = [];
  let store: Store;
  let watch: Watch;
  const brief = {
    id: 7,
    title: 'Floods in the north',
    source: 'Coast News',
    url: 'https://coast.example/floods',
    published: '2024-10-24T08:00:00.000Z',
    storyId: 3,
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(answers.shift() ?? 200).end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  beforeEach(async () => {
    received.length = 0;
    answers.length = 0;
    store = await openStore(':memory:');
    watch = await store.watches.create({ name: 'floods', words: 'floods', webhookUrl: url });
    await store.webhooks.queue(watch.id, JSON.stringify([brief]), 1, new Date().toISOString());
  });
  afterEach(() => store.close());

  it('posts a signed JSON body the receiver can verify', async () => {
    const result = await deliverWebhooks(
      { store },
      { allowPrivate: true, baseUrl: 'https://sitrep.example/' },
    );
    expect(result).toEqual({ sent: 1, failed: 0 });
    expect(received).toHaveLength(1);
    const [{ headers, body }] = received as [Received];
    expect(headers['content-type']).toBe('application/json');
    const signature = {
      signature: String(headers['x-sitrep-signature']),
      timestamp: String(headers['x-sitrep-timestamp']),
    };
    expect(signature.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhook(watch.secret, signature, body)).toBe(true);
    expect(verifyWebhook(watch.secret, signature, body.replace('Floods', 'Fl00ds'))).toBe(false);
    expect(verifyWebhook('another-secret', signature, body)).toBe(false);
    expect(verifyWebhook(watch.secret, signature, body, Number(signature.timestamp) + 3600)).toBe(
      false,
    );
    const payload = JSON.parse(body);
    expect(payload.watch).toEqual({ id: watch.id, name: 'floods' });
    expect(payload.articles).toEqual([
      {
        id: 7,
        title: brief.title,
        source: brief.source,
        url: brief.url,
        published: brief.published,
        story_id: 3,
        link: 'https://sitrep.example/articles/7',
      },
    ]);
    expect(headers['x-sitrep-delivery']).toBe(String(payload.delivery));
    const [delivery] = await store.watches.deliveries(watch.id, 5);
    expect(delivery).toMatchObject({
      status: 'sent',
      attempts: 1,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(delivery?.log).toMatchObject([{ status: 200, error: null }]);
    expect(await deliverWebhooks({ store }, { allowPrivate: true })).toEqual({
      sent: 0,
      failed: 0,
    });
  });

  it('retries a failing receiver with exponential backoff, logging every attempt', async () => {
    answers.push(500, 503);
    const t0 = Date.now();
    const at = (seconds: number) => new Date(t0 + seconds * 1000);
    expect(await deliverWebhooks({ store }, { allowPrivate: true, now: at(0) })).toEqual({
      sent: 0,
      failed: 1,
    });
    let [delivery] = await store.watches.deliveries(watch.id, 5);
    expect(delivery).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'HTTP 500',
      nextAttemptAt: at(30).toISOString(),
    });
    expect(await deliverWebhooks({ store }, { allowPrivate: true, now: at(29) })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(await deliverWebhooks({ store }, { allowPrivate: true, now: at(30) })).toEqual({
      sent: 0,
      failed: 1,
    });
    [delivery] = await store.watches.deliveries(watch.id, 5);
    expect(delivery?.nextAttemptAt).toBe(at(90).toISOString());
    expect(await deliverWebhooks({ store }, { allowPrivate: true, now: at(90) })).toEqual({
      sent: 1,
      failed: 0,
    });
    [delivery] = await store.watches.deliveries(watch.id, 5);
    expect(delivery?.status).toBe('sent');
    expect(delivery?.log.map((a) => a.status)).toEqual([500, 503, 200]);
    expect(received.map((r) => r.headers['x-sitrep-delivery'])).toEqual(
      Array(3).fill(String(delivery?.id)),
    );
  });

  it('gives up after the last attempt', async () => {
    const failing = async () => ({ status: 500 });
    let now = Date.now();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliverWebhooks({ store }, { fetchImpl: failing, now: new Date(now) });
      now += 2 * 3600_000;
    }
    const [delivery] = await store.watches.deliveries(watch.id, 5);
    expect(delivery).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      nextAttemptAt: null,
    });
    expect(await deliverWebhooks({ store }, { fetchImpl: failing, now: new Date(now) })).toEqual({
      sent: 0,
      failed: 0,
    });
  });

  it('refuses a loopback receiver unless private addresses are allowed', async () => {
    expect(await deliverWebhooks({ store })).toEqual({ sent: 0, failed: 1 });
    expect(received).toHaveLength(0);
    const [delivery] = await store.watches.deliveries(watch.id, 5);
    expect(delivery?.log[0]?.status).toBeNull();
    expect(delivery?.lastError).toMatch(/loopback/);
  });
});

describe('checkWebhookUrl', () => {
  it('takes public http(s) URLs and refuses other schemes and private literals', () => {
    expect(checkWebhookUrl('https://hooks.example/in', false)).toBeNull();
    expect(checkWebhookUrl('ftp://hooks.example/in', false)).toMatch(/http/);
    expect(checkWebhookUrl('not a url', false)).toBe('not a URL');
    for (const url of [
      'http://127.0.0.1:9/x',
      'http://localhost/x',
      'http://[::1]/x',
      'http://10.1.2.3/x',
      'http://169.254.169.254/',
    ]) {
      expect(checkWebhookUrl(url, false)).toMatch(/SITREP_ALLOW_PRIVATE/);
      expect(checkWebhookUrl(url, true)).toBeNull();
    }
  });
});
