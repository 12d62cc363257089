// Feed text → ParsedFeed, for RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.x.
// Pure: no I/O. feedsmith does the format work; this module normalises and validates.
import { DetectError, parseFeed as parseAnyFeed } from 'feedsmith';
import type { Result } from '../../core/types.js';
import { feedItemSchema } from './item-schema.js';
import { normalizeFeed } from './normalize.js';
import type { FeedFailure, FeedFormat, FeedItem, ParsedFeed } from './types.js';

/**
 * How many items the raw text holds, to count the ones feedsmith silently skipped.
 * For XML this counts <item>/<entry> start tags outside CDATA and comments.
 */
function countRawItems(format: FeedFormat, text: string): number {
  if (format === 'json') {
    try {
      const items = (JSON.parse(text) as { items?: unknown }).items;
      return Array.isArray(items) ? items.length : 0;
    } catch {
      return 0;
    }
  }
  const markup = text.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, '');
  const tag = format === 'atom' ? 'entry' : 'item';
  return markup.match(new RegExp(`<(?:[\\w-]+:)?${tag}[\\s>/]`, 'g'))?.length ?? 0;
}

/** Parses a feed of any supported format; `baseUrl` (the feed's URL) resolves relative links. */
export function parseFeed(text: string, baseUrl: string | null): Result<ParsedFeed, FeedFailure> {
  let parsed: ReturnType<typeof parseAnyFeed<string>>;
  try {
    parsed = parseAnyFeed(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    if (err instanceof DetectError)
      return { ok: false, reason: 'not-a-feed', detail: 'not RSS, Atom, RDF or JSON Feed' };
    return { ok: false, reason: 'malformed', detail: `unreadable feed: ${(err as Error).message}` };
  }
  const candidate = normalizeFeed(parsed, baseUrl);
  const items: FeedItem[] = [];
  let dropped = Math.max(0, countRawItems(parsed.format, text) - candidate.items.length);
  for (const raw of candidate.items) {
    const checked = feedItemSchema.safeParse(raw);
    if (checked.success) items.push(checked.data);
    else dropped++;
  }
  return {
    ok: true,
    value: {
      format: parsed.format,
      title: candidate.title,
      siteUrl: candidate.siteUrl,
      items,
      dropped,
    },
  };
}
