import { describe, expect, it } from 'vitest';
import { parseOpml, writeOpml } from './opml.js';

const OPML = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My subscriptions</title></head>
  <body>
    <outline text="World">
      <outline text="Gazette &amp; Courier" title="Harbour Gazette &amp; Courier" type="rss"
        xmlUrl="https://gazette.example/rss.xml" htmlUrl="https://gazette.example/"/>
      <outline text="Wires">
        <outline text="Valley Wire" xmlUrl="http://valleywire.example/rss" htmlUrl="/"/>
      </outline>
    </outline>
    <outline text="Ledger" xmlurl="https://ledger.example/atom.xml"/>
    <outline text="Duplicate" xmlUrl="https://ledger.example/atom.xml"/>
    <outline text="Not a feed" xmlUrl="javascript:alert(1)"/>
    <outline text="Just a note"/>
  </body>
</opml>`;

describe('parseOpml', () => {
  it('flattens nested outlines into feeds with their folder path', () => {
    const result = parseOpml(OPML);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual([
      {
        url: 'https://gazette.example/rss.xml',
        title: 'Harbour Gazette & Courier',
        siteUrl: 'https://gazette.example/',
        category: 'World',
      },
      {
        url: 'http://valleywire.example/rss',
        title: 'Valley Wire',
        siteUrl: 'http://valleywire.example/',
        category: 'World / Wires',
      },
      { url: 'https://ledger.example/atom.xml', title: 'Ledger', siteUrl: null, category: null },
    ]);
  });

  it('reports files that are not OPML as malformed', () => {
    expect(parseOpml('<html><body>no</body></html>')).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    expect(parseOpml('<opml><body><outline')).toMatchObject({ ok: false, reason: 'malformed' });
    expect(parseOpml('')).toMatchObject({ ok: false, reason: 'malformed' });
  });
});

describe('writeOpml', () => {
  it('round-trips through parseOpml, escaping what needs it', () => {
    const feeds = [
      {
        url: 'https://a.example/feed?x=1&y=2',
        title: 'A "quoted" <feed>',
        siteUrl: 'https://a.example/',
        category: null,
      },
      { url: 'https://b.example/rss', title: 'B & co', siteUrl: null, category: 'News / Local' },
      { url: 'https://c.example/rss', title: null, siteUrl: null, category: 'News / Local' },
    ];
    const xml = writeOpml(feeds, 'sitrep <export>');
    expect(xml).toContain('<title>sitrep &lt;export&gt;</title>');
    const back = parseOpml(xml);
    expect(back.ok && back.value).toEqual([
      feeds[0],
      feeds[1],
      {
        url: 'https://c.example/rss',
        title: 'https://c.example/rss',
        siteUrl: null,
        category: 'News / Local',
      },
    ]);
  });

  it('drops control characters that XML cannot carry', () => {
    const xml = writeOpml([{ url: 'https://d.example/', title: 'bell\u0007 and\nnewline' }], 't');
    expect(xml).toContain('text="bell and newline"');
  });
});
