// robots.txt: fetched once per origin, kept for a while, and checked with sitrep's token.
//
// A missing robots.txt (404, or any 4xx) allows everything, as RFC 9309 says. When the
// file can't be had (5xx, network error, timeout, blocked address), RFC 9309 suggests
// assuming "disallow all"; sitrep allows instead, because a news poller that stops on
// every flaky server misses the story, and the per-host delay keeps it polite anyway.
// Such failures are cached for a shorter time so a recovered server is read again soon.
import robotsParserModule from 'robots-parser';

type Robot = ReturnType<typeof robotsParserModule.default>;
// The package is CommonJS with an ES-style default in its typings: at run time the default
// import is the function itself, while TypeScript sees it under `.default`.
const robotsParser = ((robotsParserModule as { default?: unknown }).default ??
  robotsParserModule) as (url: string, text: string) => Robot;

/** A failed robots.txt is retried sooner than a good one is refreshed. */
const FAILURE_TTL_MS = 10 * 60 * 1000;
/** Bound on remembered origins. */
const MAX_ORIGINS = 5_000;

export type RobotsText = { status: number; text: string } | null;

interface Entry {
  expires: number;
  isAllowed: Promise<(url: string) => boolean>;
}

export interface RobotsCache {
  /** Whether robots.txt of the URL's origin allows sitrep to fetch it. */
  isAllowed(url: string): Promise<boolean>;
}

/** The product token robots.txt groups are matched against ("sitrep" in "…; sitrep/0.1; …"). */
export function robotsTokenOf(userAgent: string): string {
  const compatible = userAgent.match(/compatible;\s*([\w.-]+)/i);
  const token = compatible?.[1] ?? userAgent.split(/[\s/]/)[0] ?? '*';
  return token.toLowerCase();
}

/** A cache of parsed robots.txt files, fetched through `fetchRobots` (null on failure). */
export function createRobotsCache(opts: {
  userAgent: string;
  ttlMs: number;
  fetchRobots: (robotsUrl: string) => Promise<RobotsText>;
  now?: () => number;
}): RobotsCache {
  const now = opts.now ?? Date.now;
  const token = robotsTokenOf(opts.userAgent);
  const entries = new Map<string, Entry>();

  async function load(robotsUrl: string, entry: Entry): Promise<(url: string) => boolean> {
    const got = await opts.fetchRobots(robotsUrl).catch(() => null);
    if (!got || got.status >= 500) {
      entry.expires = now() + Math.min(FAILURE_TTL_MS, opts.ttlMs);
      return () => true;
    }
    if (got.status >= 400) return () => true;
    const robots = robotsParser(robotsUrl, got.text);
    return (url) => robots.isAllowed(url, token) !== false;
  }

  return {
    async isAllowed(url: string): Promise<boolean> {
      const origin = new URL(url).origin;
      let entry = entries.get(origin);
      if (!entry || entry.expires <= now()) {
        const fresh: Entry = {
          expires: now() + opts.ttlMs,
          isAllowed: Promise.resolve(() => true),
        };
        fresh.isAllowed = load(`${origin}/robots.txt`, fresh);
        entries.delete(origin);
        entries.set(origin, fresh);
        if (entries.size > MAX_ORIGINS) {
          const oldest = entries.keys().next().value;
          if (oldest !== undefined) entries.delete(oldest);
        }
        entry = fresh;
      }
      return (await entry.isAllowed)(url);
    },
  };
}
