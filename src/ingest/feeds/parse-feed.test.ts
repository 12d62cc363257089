import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../core/hash.js';
import { parseFeed } from './parse-feed.js';
import type { ParsedFeed } from './types.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

function parsed(name: string, base: string | null): ParsedFeed {
  const result = parseFeed(fixture(name), base);
  if (!result.ok) throw new Error(`${name}: ${result.reason} ${result.detail}`);
  return result.value;
}

describe('parseFeed: RSS 2.0', () => {
  const feed = parsed('rss2.xml', 'https://gazette.example/rss.xml');

  it('reads the channel', () => {
    expect(feed).toMatchObject({
      format: 'rss',
      title: 'Harbour Gazette & Courier',
      siteUrl: 'https://gazette.example/',
    });
  });

  it('keeps usable items and counts the unusable one', () => {
    expect(feed.items.map((i) => i.title)).toEqual([
      'Council approves ‘harbour wall’ repairs worth £4.2m',
      'Ferry timetable changes from Monday',
      'Storm warning lifted',
      'Letters: the bins, again',
      'Market day moved',
    ]);
    expect(feed.dropped).toBe(1);
  });

  it('normalises a full item', () => {
    expect(feed.items[0]).toEqual({
      guid: 'gazette-48213',
      url: 'https://gazette.example/news/2024/10/02/harbour-wall',
      title: 'Council approves ‘harbour wall’ repairs worth £4.2m',
      published: '2024-10-02T07:30:00.000Z',
      updated: null,
      author: 'Priya Natarajan',
      summary: 'The council voted 9&ndash;2 to fund the repairs.',
      contentHtml:
        '<p>The council voted <b>9–2</b> on Tuesday to fund repairs to the harbour wall.</p><p><a href="/news/harbour">More harbour news</a></p>',
    });
  });

  it('resolves relative links against the feed URL and falls back for guids', () => {
    const [, ferry, storm, letters, market] = feed.items;
    expect(ferry?.author).toBe('Tom Reyes');
    expect(ferry?.guid).toBe(ferry?.url);
    expect(storm?.url).toBe('https://gazette.example/news/2024/09/30/storm');
    expect(storm?.published).toBe('2024-09-30T10:00:00.000Z');
    expect(letters?.published).toBeNull();
    expect(letters?.url).toBe('https://gazette.example/letters/2024/09/29');
    // A permalink guid stands in for the missing <link>; its broken date becomes null.
    expect(market?.url).toBe('https://gazette.example/news/market-day');
    expect(market?.published).toBeNull();
  });

  it('leaves relative links null without a base', () => {
    const noBase = parsed('rss2.xml', null);
    expect(noBase.siteUrl).toBeNull();
    expect(noBase.items[0]?.url).toBeNull();
    expect(noBase.items[1]?.url).toBe(
      'https://gazette.example/news/2024/10/01/ferry?utm_source=rss',
    );
  });
});

describe('parseFeed: other formats', () => {
  it('reads RSS 0.91 with entities', () => {
    const feed = parsed('rss091.xml', null);
    expect(feed).toMatchObject({
      format: 'rss',
      title: 'Valley Wire',
      siteUrl: 'http://valleywire.example/',
      dropped: 0,
    });
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]?.summary).toBe('Forty jobs return to the old mill & its café.');
    expect(feed.items[1]).toMatchObject({
      guid: 'http://valleywire.example/stories/school-board.html',
      summary: null,
    });
  });

  it('reads RSS 1.0 (RDF) with Dublin Core dates and creators', () => {
    const feed = parsed('rdf.xml', null);
    expect(feed).toMatchObject({ format: 'rdf', title: 'Science Notes', dropped: 0 });
    expect(feed.items[0]).toMatchObject({
      guid: 'https://science-notes.example/n/101',
      author: 'Ana Lima',
      published: '2024-10-03T21:00:00.000Z',
    });
    expect(feed.items[1]?.published).toBe('2024-10-03T00:00:00.000Z');
  });

  it('reads Atom: alternate links, html titles, typed content, inherited dates', () => {
    const feed = parsed('atom.xml', 'https://ledger.example/atom.xml');
    expect(feed).toMatchObject({
      format: 'atom',
      title: 'Northern Ledger',
      siteUrl: 'https://ledger.example/',
    });
    expect(feed.dropped).toBe(1);
    const [budget, strike, brief] = feed.items;
    expect(budget).toEqual({
      guid: 'tag:ledger.example,2024:budget',
      url: 'https://ledger.example/2024/10/02/budget',
      title: 'Budget: spending up 3% after all',
      published: '2024-10-02T08:30:00.000Z',
      updated: '2024-10-02T09:45:00.000Z',
      author: 'Marta Kowalski',
      summary: '<p>The finance minister presented the budget.</p>',
      contentHtml: '<p>The finance minister said spending would rise by <b>3%</b>.</p>',
    });
    expect(strike).toMatchObject({
      published: '2024-10-01T18:00:00.000Z',
      contentHtml: expect.stringContaining('<em>again</em>'),
    });
    expect(brief).toMatchObject({ url: null, published: null, title: 'Undated brief' });
  });

  it('reads JSON Feed 1.1 and drops items that are not items', () => {
    const feed = parsed('feed.json', 'https://metro.example/feed.json');
    expect(feed).toMatchObject({
      format: 'json',
      title: 'Metro Briefing',
      siteUrl: 'https://metro.example/',
    });
    expect(feed.items.map((i) => i.guid)).toEqual(['metro-2024-10-02-tram', '42', 'metro-no-date']);
    expect(feed.dropped).toBe(2);
    expect(feed.items[0]).toMatchObject({
      url: 'https://metro.example/2024/10/02/tram-line',
      published: '2024-10-02T10:00:00.000Z',
      updated: '2024-10-02T12:10:00.000Z',
      author: 'Lee Park',
      summary: 'Six new stops.',
    });
    expect(feed.items[1]).toMatchObject({
      contentHtml: '<p>The hearing runs until Friday.</p>',
      author: 'Metro Desk',
    });
    expect(feed.items[2]?.published).toBeNull();
  });

  it('reads JSON Feed 1.0 (single author)', () => {
    const feed = parsed('feed-v1.json', null);
    expect(feed.items[0]).toMatchObject({
      author: 'Sam Ode',
      published: '2024-09-01T10:00:00.000Z',
    });
  });
});

describe('parseFeed: failures and fallbacks', () => {
  it('reports a truncated feed as malformed', () => {
    expect(parseFeed(fixture('broken.xml'), null)).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });

  it('reports an HTML page as not a feed', () => {
    expect(parseFeed(fixture('not-a-feed.html'), null)).toMatchObject({
      ok: false,
      reason: 'not-a-feed',
    });
    expect(parseFeed('', null)).toMatchObject({ ok: false });
    expect(parseFeed('{"title": "just json"}', null)).toMatchObject({
      ok: false,
      reason: 'not-a-feed',
    });
  });

  it('hashes title and date when an item has neither guid nor link', () => {
    const xml = `<rss version="2.0"><channel><title>T</title><link>https://t.example/</link><description>d</description>
      <item><title>Only a title</title><pubDate>Tue, 01 Oct 2024 10:00:00 GMT</pubDate></item></channel></rss>`;
    const result = parseFeed(xml, null);
    expect(result.ok && result.value.items[0]?.guid).toBe(
      `sha256:${sha256('Only a title\n2024-10-01T10:00:00.000Z')}`,
    );
  });

  it('never throws on hostile input', () => {
    for (const text of [
      '<rss',
      '<<<>>>',
      '{"version":"https://jsonfeed.org/version/1.1","items":7}',
      '\u0000\uFFFF',
    ]) {
      expect(() => parseFeed(text, 'https://x.example/')).not.toThrow();
    }
  });
});
