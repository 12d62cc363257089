// The audit log: every attempted write is recorded as it is answered (refusals too), and
// an admin token reads the log back.
import type { Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { ApiDeps } from './app.js';
import { clientAddress, requireAdmin } from './auth.js';
import type { RouteDoc } from './openapi.js';

const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional().describe('events with a smaller id'),
});
const AuditEvent = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string().nullable(),
  tokenId: z.number().nullable(),
  method: z.string(),
  path: z.string(),
  status: z.number(),
  address: z.string().nullable(),
});

export const AUDIT_ROUTES: RouteDoc[] = [
  {
    path: '/api/audit',
    summary: 'Attempted writes, newest first: who, from where, what, and the answer (admin tokens)',
    query: AuditQuery,
    response: z.object({ items: z.array(AuditEvent) }),
  },
];

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Records every request that is not a read, once it is answered. Placed before
 * authentication, so refused attempts are recorded with the status that refused them.
 */
export function auditWrites({
  store,
  pipeline,
}: Pick<ApiDeps, 'store' | 'pipeline'>): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (READS.has(c.req.method)) return;
    const principal = c.get('principal');
    await store.audit
      .record({
        at: new Date().toISOString(),
        actor: principal?.name ?? null,
        tokenId: principal?.tokenId ?? null,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        address: clientAddress(c),
      })
      // The answer is given already; a full disk must not turn it into an error.
      .catch((err) => {
        if (pipeline) pipeline.log.error({ err }, 'could not record an audit event');
        else console.error('could not record an audit event:', err);
      });
  };
}

/** Adds GET /api/audit. */
export function mountAuditRoutes(
  app: Hono,
  { store }: Pick<ApiDeps, 'store'>,
  parse: <T extends z.ZodType>(schema: T, input: unknown) => z.output<T>,
): void {
  app.get('/api/audit', requireAdmin(), async (c) => {
    const q = parse(AuditQuery, c.req.query());
    return c.json({ items: await store.audit.list({ limit: q.limit, before: q.before }) });
  });
}
