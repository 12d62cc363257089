import { describe, expect, it } from 'vitest';
import { discoverFeeds } from './discover.js';

describe('discoverFeeds', () => {
  it('finds advertised feeds, resolves them, and skips comment feeds and junk', () => {
    const html = `<html><head>
      <link rel="alternate" type="application/rss+xml" title="World news" href="/world/rss.xml">
      <link rel="alternate" type="application/atom+xml" href="https://example.org/atom">
      <link rel="Alternate" type="application/feed+json; charset=utf-8" href="feed.json">
      <link rel="alternate" type="application/rss+xml" title="Comments on this story" href="/comments/feed">
      <link rel="alternate" hreflang="fr" href="/fr/">
      <link rel="stylesheet" type="text/css" href="/style.css">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      <link rel="alternate" type="application/rss+xml" href="/world/rss.xml">
    </head><body></body></html>`;
    expect(discoverFeeds(html, 'https://example.org/news/')).toEqual([
      'https://example.org/world/rss.xml',
      'https://example.org/atom',
      'https://example.org/news/feed.json',
    ]);
  });

  it('finds nothing on a page without feeds', () => {
    expect(discoverFeeds('<p>No feeds here</p>', 'https://example.org/')).toEqual([]);
  });
});
