// Small pieces the article, entity, search, feeds and watches pages share.
import type { Context, MiddlewareHandler } from 'hono';
import { html } from 'hono/html';
import { requireWrite } from '../api/auth.js';
import type { EntityType } from '../core/types.js';
import type { PipelineContext } from '../pipeline/context.js';
import type { Store } from '../store/index.js';

export { leadLine } from '../core/lead-line.js';

/** What the pages need: the store to read, and the pipeline to ingest with. */
export interface PageDeps {
  store: Store;
  /** Without it the ingest forms say that ingest is not configured. */
  pipeline?: PipelineContext;
  /** allowPrivate: webhooks may point at private and loopback addresses (SITREP_ALLOW_PRIVATE). */
  options?: { allowPrivate?: boolean };
}

/** Entity types as readers say them. */
export const TYPE_NAMES: Record<EntityType, string> = {
  PER: 'person',
  ORG: 'organisation',
  LOC: 'place',
  NORP: 'group',
  MISC: 'other',
};

/** The date part of an ISO timestamp. */
export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}

/** Source and publish day, as a muted line. */
export function meta(source: string, published: string | null) {
  return html`<span class="meta">${source}${
    published ? html` · <time datetime="${published}">${day(published)}</time>` : ''
  }</span>`;
}

/** A positive integer from a path or query value, else undefined. */
export function positiveInt(value: string | undefined | null): number | undefined {
  const n = Number(value);
  // Safe integers only: "1e300" is an integer to JavaScript and no number to SQLite.
  return value && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** Snippets mark matches with [[ and ]]; show them as <mark> after escaping the rest. */
export function snippet(text: string) {
  const parts = text.split(/\[\[|\]\]/);
  return html`${parts.map((part, i) => (i % 2 === 1 ? html`<mark>${part}</mark>` : html`${part}`))}`;
}

/**
 * The middleware that guards a form that writes: a write token (the /login session) and,
 * for cookies, a request from our own pages.
 */
export function writeGuard(_deps: PageDeps): MiddlewareHandler {
  return requireWrite();
}

/** A form body's text fields (files left out); empty fields are dropped. */
export async function formText(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string' && value.trim() !== '') out[key] = value.trim();
  }
  return out;
}

/** A plain notice above a page: what just happened, or what went wrong. */
export function notice(kind: 'ok' | 'error', message: unknown) {
  return html`<p class="notice ${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${message}</p>`;
}

/** The page for a missing record. */
export function notFoundBody(what: string) {
  return html`<h1>Not found</h1><p>There is no such ${what}.</p>`;
}
