import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeFeed } from './detect.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

describe('looksLikeFeed', () => {
  it.each(['rss2.xml', 'rss091.xml', 'rdf.xml', 'atom.xml', 'feed.json', 'feed-v1.json'])(
    '%s is a feed whatever the server calls it',
    (name) => {
      expect(looksLikeFeed('text/html; charset=utf-8', fixture(name))).toBe(true);
      expect(looksLikeFeed(null, fixture(name))).toBe(true);
    },
  );

  it('sees through BOMs, comments and doctypes', () => {
    expect(
      looksLikeFeed(
        null,
        '\uFEFF<?xml version="1.0"?>\n<!-- generated -->\n<?xml-stylesheet href="s.xsl"?><rss version="2.0">',
      ),
    ).toBe(true);
    expect(
      looksLikeFeed(
        null,
        '<!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "x.dtd">\n<rss version="0.91">',
      ),
    ).toBe(true);
    expect(looksLikeFeed(null, '<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">')).toBe(true);
  });

  it('says no to pages, OPML and plain JSON even when labelled as feeds', () => {
    expect(looksLikeFeed('application/rss+xml', fixture('not-a-feed.html'))).toBe(false);
    expect(
      looksLikeFeed('text/xml', '<?xml version="1.0"?><opml version="2.0"><body/></opml>'),
    ).toBe(false);
    expect(looksLikeFeed('application/json', '{"title":"x","items":[]}')).toBe(false);
    expect(
      looksLikeFeed('text/xml', '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/"/>'),
    ).toBe(false);
  });

  it('falls back on the Content-Type only when the text says nothing', () => {
    expect(looksLikeFeed('application/atom+xml', '')).toBe(true);
    expect(looksLikeFeed('text/html', '')).toBe(false);
  });
});
