// Feed autodiscovery: the feeds a site's page advertises in <link rel="alternate">, so a
// user can paste a site's address instead of hunting for its feed.
import { parseHTML } from 'linkedom';

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/json',
]);

/** Feed URLs a page links to with rel="alternate", absolute and without duplicates. */
export function discoverFeeds(html: string, baseUrl: string): string[] {
  const { document } = parseHTML(html);
  const found = new Set<string>();
  for (const link of document.querySelectorAll('link[rel][href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.getAttribute('type') ?? '').toLowerCase().split(';')[0]!.trim();
    if (!rel.includes('alternate') || !FEED_TYPES.has(type)) continue;
    // A page's comments feed is not the site's news.
    const title = (link.getAttribute('title') ?? '').toLowerCase();
    if (/\bcomments?\b/.test(title)) continue;
    try {
      const url = new URL(link.getAttribute('href')!, baseUrl);
      if (url.protocol === 'http:' || url.protocol === 'https:') found.add(url.href);
    } catch {
      // An unparseable href is skipped; the page may list others.
    }
  }
  return [...found];
}
