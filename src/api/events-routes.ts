// GET /api/events: the pipeline's announcements as server-sent events, so open pages can
// update live. Each event is named by its type (`articles`, `stories`, `watches`) and
// carries `{"ids": [...]}`; clients fetch what they show through the JSON API.
import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { SitrepError } from '../core/errors.js';
import type { PipelineEvent } from '../pipeline/events.js';
import type { ApiDeps } from './app.js';
import type { RouteDoc } from './openapi.js';

type Parse = <T extends z.ZodType>(schema: T, input: unknown) => z.output<T>;

/** Proxies commonly cut connections idle for 30–60 s; a comment every 20 s keeps them open. */
const HEARTBEAT_MS = 20_000;
/** How soon a browser reconnects after the stream drops (a server restart, a network blip). */
const RETRY_MS = 5_000;

export const EVENTS_ROUTES: RouteDoc[] = [
  {
    path: '/api/events',
    summary:
      'Server-sent events (text/event-stream): `articles`, `stories` and `watches`, each with data {"ids": [...]}; a comment every 20 s',
    response: z.string().describe('text/event-stream'),
  },
];

export interface EventRouteOptions {
  /** Milliseconds between heartbeat comments (tests shorten it). */
  heartbeatMs?: number;
}

/** Adds GET /api/events; 503 when the server has no event bus. */
export function mountEventsRoutes(
  app: Hono,
  deps: ApiDeps,
  _parse: Parse,
  options: EventRouteOptions = {},
): void {
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  app.get('/api/events', (c) => {
    const bus = deps.events;
    if (!bus) throw new SitrepError('EVENTS_UNAVAILABLE');
    return streamSSE(c, async (stream) => {
      const queue: PipelineEvent[] = [];
      let wake: (() => void) | null = null;
      const nudge = () => {
        wake?.();
        wake = null;
      };
      const unsubscribe = bus.subscribe((event) => {
        queue.push(event);
        nudge();
      });
      let open = true;
      const stop = () => {
        if (!open) return;
        open = false;
        unsubscribe();
        nudge();
      };
      stream.onAbort(stop);
      c.req.raw.signal.addEventListener('abort', stop, { once: true });
      let sequence = 0;
      try {
        await stream.write(`retry: ${RETRY_MS}\n: connected\n\n`);
        while (open && !stream.aborted) {
          const event = queue.shift();
          if (event) {
            await stream.writeSSE({
              event: event.type,
              data: JSON.stringify({ ids: event.ids }),
              id: String(++sequence),
            });
            continue;
          }
          const woke = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), heartbeatMs);
            wake = () => {
              clearTimeout(timer);
              resolve(true);
            };
          });
          if (!woke && open) await stream.write(': heartbeat\n\n');
        }
      } finally {
        stop();
      }
    });
  });
}
