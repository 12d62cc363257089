// OPML, the subscription list format every feed reader imports and exports.
import { parseOpml as parseOpmlDocument } from 'feedsmith';
import { escapeHtml } from '../core/escape-html.js';
import type { Result } from '../core/types.js';
import { resolveUrl } from './feeds/normalize.js';
import { cleanString } from './feeds/text.js';

/** One subscription from an OPML file. */
export interface OpmlFeed {
  /** The feed's absolute http(s) URL (xmlUrl). */
  url: string;
  title: string | null;
  /** The site's home page (htmlUrl). */
  siteUrl: string | null;
  /** The enclosing folders' names, joined with " / ". */
  category: string | null;
}

/** What writeOpml needs of a feed (a stored Feed row fits). */
export interface OpmlFeedInput {
  url: string;
  title?: string | null;
  siteUrl?: string | null;
  category?: string | null;
}

interface Outline {
  text?: string;
  title?: string;
  xmlUrl?: string;
  htmlUrl?: string;
  outlines?: Outline[];
}

/** Folders nest rarely more than 2–3 deep; past this the file is hostile or broken. */
const MAX_DEPTH = 32;

function collect(outlines: Outline[], folders: string[], out: Map<string, OpmlFeed>): void {
  if (folders.length > MAX_DEPTH) return;
  for (const outline of outlines) {
    // Outline titles are plain text (markup-looking text is kept as written).
    const name =
      cleanString(outline.title?.replace(/\s+/g, ' ')) ??
      cleanString(outline.text?.replace(/\s+/g, ' '));
    const url = resolveUrl(outline.xmlUrl, null);
    if (url && !out.has(url)) {
      out.set(url, {
        url,
        title: name,
        siteUrl: resolveUrl(outline.htmlUrl, url),
        category: folders.length ? folders.join(' / ') : null,
      });
    }
    if (outline.outlines?.length)
      collect(outline.outlines, name && !url ? [...folders, name] : folders, out);
  }
}

/** Reads the feeds of an OPML subscription list, flattening folders into `category`. */
export function parseOpml(text: string): Result<OpmlFeed[], 'malformed'> {
  let outlines: Outline[];
  try {
    outlines = (parseOpmlDocument(text.replace(/^\uFEFF/, '')).body?.outlines ?? []) as Outline[];
  } catch (err) {
    return {
      ok: false,
      reason: 'malformed',
      detail: `not a readable OPML file: ${(err as Error).message}`,
    };
  }
  const feeds = new Map<string, OpmlFeed>();
  collect(outlines, [], feeds);
  return { ok: true, value: [...feeds.values()] };
}

/** XML 1.0 refuses most control characters, even escaped; newlines would not survive an attribute. */
function attr(value: string): string {
  return escapeHtml(value.replace(/[\u0000-\u001f\u007f\ufffe\uffff\s]+/g, ' ').trim());
}

function outlineOf(feed: OpmlFeedInput, indent: string): string {
  const title = cleanString(feed.title) ?? feed.url;
  const html = cleanString(feed.siteUrl);
  return `${indent}<outline type="rss" text="${attr(title)}" title="${attr(title)}" xmlUrl="${attr(feed.url)}"${
    html ? ` htmlUrl="${attr(html)}"` : ''
  }/>`;
}

/** Writes feeds as an OPML 2.0 subscription list, one folder per category. */
export function writeOpml(feeds: readonly OpmlFeedInput[], title: string): string {
  const byCategory = new Map<string, OpmlFeedInput[]>();
  for (const feed of feeds) {
    const category = cleanString(feed.category) ?? '';
    byCategory.set(category, [...(byCategory.get(category) ?? []), feed]);
  }
  const body: string[] = [];
  for (const feed of byCategory.get('') ?? []) body.push(outlineOf(feed, '    '));
  for (const [category, members] of byCategory) {
    if (!category) continue;
    body.push(`    <outline text="${attr(category)}" title="${attr(category)}">`);
    for (const feed of members) body.push(outlineOf(feed, '      '));
    body.push('    </outline>');
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${attr(title)}</title>`,
    '  </head>',
    '  <body>',
    ...body,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
