// Is a fetched document a feed or a page? Servers label feeds as text/xml, text/html,
// application/octet-stream and worse, so the bytes decide; the Content-Type only breaks
// ties when the text itself is inconclusive.

/** How much of the text to look at: the root element comes before this. */
const SNIFF_CHARS = 4096;
/** JSON Feed's version key may come after a long list of items. */
const JSON_SNIFF_CHARS = 65_536;

const FEED_TYPES = /^application\/(rss\+xml|atom\+xml|rdf\+xml|feed\+json)\b/i;

/** The first element's name, skipping the XML declaration, comments, PIs and doctype. */
function rootElement(text: string): string | null {
  const head = text
    .slice(0, SNIFF_CHARS)
    .replace(/^\uFEFF/, '')
    .replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, '')
    .trimStart();
  return head.match(/^<([\w:.-]+)/)?.[1]?.toLowerCase() ?? null;
}

/** Decides whether a fetched document is a feed (RSS, RDF, Atom, JSON Feed) rather than a page. */
export function looksLikeFeed(contentType: string | null, text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) {
    return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(
      start.slice(0, JSON_SNIFF_CHARS),
    );
  }
  const root = rootElement(start);
  if (
    root === 'rss' ||
    root === 'feed' ||
    root === 'rdf:rdf' ||
    root === 'rdf' ||
    root?.endsWith(':feed')
  )
    return true;
  if (root !== null) return false; // html, opml, svg, sitemaps…
  return FEED_TYPES.test(contentType?.trim() ?? '');
}
