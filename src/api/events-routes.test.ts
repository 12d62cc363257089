// Server-sent events over a real served connection: an ingest is announced to a listening
// client, heartbeats keep an idle stream alive, and a client that leaves is unsubscribed.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus, type PipelineEvent } from '../pipeline/events.js';
import { openStore, type Store } from '../store/index.js';
import { localPipeline, type NewsServer, startNewsServer } from './__fixtures__/news-server.js';
import { createApp } from './app.js';
import { mountEventsRoutes } from './events-routes.js';

const TOKEN = 'events-test-token';

/** A bus that counts its subscribers, to see a departed client let go. */
class CountingBus extends EventBus {
  listeners = 0;
  override subscribe(listener: (event: PipelineEvent) => void): () => void {
    this.listeners++;
    const off = super.subscribe(listener);
    return () => {
      this.listeners--;
      off();
    };
  }
}

async function listen(app: Hono): Promise<{ base: string; close: () => Promise<void> }> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Idle keep-alive sockets would otherwise hold close() for seconds.
      server.closeAllConnections();
    });
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close };
}

/** Opens an event stream and reads it until `done` says the text so far is enough. */
async function openStream(url: string) {
  const abort = new AbortController();
  const res = await fetch(url, { signal: abort.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const readUntil = async (done: (text: string) => boolean) => {
    while (!done(text)) {
      const { value, done: ended } = await reader.read();
      if (ended) throw new Error(`stream ended early after: ${text}`);
      text += decoder.decode(value, { stream: true });
    }
    return text;
  };
  return { res, readUntil, close: () => abort.abort() };
}

/** The events in SSE text, with their data parsed. */
function eventsIn(text: string): Array<{ event: string; data: { ids: number[] } }> {
  return text
    .split('\n\n')
    .map((block) => ({
      event: block.match(/^event: (.+)$/m)?.[1],
      data: block.match(/^data: (.+)$/m)?.[1],
    }))
    .filter((e): e is { event: string; data: string } => Boolean(e.event && e.data))
    .map((e) => ({ event: e.event, data: JSON.parse(e.data) }));
}

describe('GET /api/events', () => {
  let site: NewsServer;
  let store: Store;
  const closers: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    site = await startNewsServer();
    store = await openStore(':memory:');
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await store.close();
    await site.close();
  });

  it('relays what an ingest stored to a listening client', async () => {
    const events = new CountingBus();
    const app = createApp({ store, token: TOKEN, pipeline: localPipeline(store, events), events });
    const { base, close } = await listen(app);
    closers.push(close);
    const stream = await openStream(`${base}/api/events`);
    expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await stream.readUntil((t) => t.includes(': connected'));
    expect(events.listeners).toBe(1);

    const ingest = await fetch(`${base}/api/ingest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${site.base}/articles/live.html` }),
    });
    const report = await ingest.json();
    expect(report.added).toBe(1);
    const text = await stream.readUntil((t) => t.includes('event: stories'));
    const received = eventsIn(text);
    expect(received.find((e) => e.event === 'articles')?.data.ids).toEqual(report.articleIds);
    const storyId = await store.stories.storyOf(report.articleIds[0]);
    expect(received.find((e) => e.event === 'stories')?.data.ids).toEqual([storyId]);
    stream.close();
    await expect.poll(() => events.listeners).toBe(0);
  });

  it('sends heartbeats while idle and lets go of a client that leaves', async () => {
    const events = new CountingBus();
    const app = new Hono();
    mountEventsRoutes(app, { store, events }, (_schema, input) => input as never, {
      heartbeatMs: 50,
    });
    const { base, close } = await listen(app);
    closers.push(close);
    const stream = await openStream(`${base}/api/events`);
    const text = await stream.readUntil((t) => t.split(': heartbeat').length > 2);
    expect(text.startsWith('retry: ')).toBe(true);
    expect(events.listeners).toBe(1);
    stream.close();
    await expect.poll(() => events.listeners).toBe(0);
  });

  it('answers 503 when the server has no event bus', async () => {
    const res = await createApp({ store }).request('/api/events');
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('EVENTS_UNAVAILABLE');
  });
});
