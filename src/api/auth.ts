// Write endpoints need a token. Without SITREP_API_TOKEN configured, writes are refused
// outright: a fresh install never exposes an open write API.
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { SitrepError } from '../core/errors.js';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Middleware that lets a request through only with `Authorization: Bearer <token>`. */
export function requireToken(token: string | null): MiddlewareHandler {
  return async (c, next) => {
    if (!token) throw new SitrepError('UNAUTHORIZED', 'writes are disabled until SITREP_API_TOKEN is set');
    const header = c.req.header('authorization') ?? '';
    const given = header.match(/^Bearer\s+(.+)$/i)?.[1]?.trim() ?? '';
    if (!sameSecret(given, token)) throw new SitrepError('UNAUTHORIZED');
    await next();
  };
}
