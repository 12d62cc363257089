// Feeds out: hostile text stays well-formed and reads back as written, and the story and
// watch feeds are served with the right types, linking to this server's article pages.
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../ingest/feeds/index.js';
import { afterIngest } from '../pipeline/after-ingest.js';
import type { Store } from '../store/index.js';
import { seededStore } from '../test-support/store.js';
import { createApp } from './app.js';
import { type FeedEntry, type FeedFormat, leadOf, renderFeed } from './syndication.js';

const HOSTILE_TITLE = 'Ports & "piers" <b>reopen</b> ]]> after ]]> storm\u0001';
const ENTRIES: FeedEntry[] = [
  {
    articleId: 7,
    title: HOSTILE_TITLE,
    source: 'News & <Views>',
    url: 'https://news.example/a?x=1&y="2"',
    published: '2024-10-22T08:00:00.000Z',
    seen: '2024-10-23T08:00:00.000Z',
    lead: 'Crews <script>alert(1)</script> cleared the piers ]]> overnight.',
  },
  {
    articleId: 8,
    title: null,
    source: 'Plain',
    url: null,
    published: null,
    seen: '2024-10-21T08:00:00.000Z',
    lead: 'No title here.',
  },
];
const META = {
  id: 'http://sitrep.test/stories/3',
  title: 'Harbour <storm> & "repairs"',
  description: 'Newest reports ]]> of this story',
  pageUrl: 'http://sitrep.test/stories/3',
  feedBase: 'http://sitrep.test/api/stories/3/feed',
};

describe('renderFeed', () => {
  it.each(['atom', 'rss'] as FeedFormat[])(
    'writes well-formed %s that reads back as written',
    (format) => {
      const xml = renderFeed(format, META, ENTRIES, 'http://sitrep.test');
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).not.toContain('<script>');
      const parsed = parseFeed(xml, null);
      if (!parsed.ok) throw new Error(parsed.detail);
      expect(parsed.value.format).toBe(format);
      // Feed titles are text: escaped once, never markup (a lenient reader may still drop "<storm>").
      expect(xml).toContain('<title>Harbour &lt;storm&gt; &amp; "repairs"</title>');
      const [first, second] = parsed.value.items;
      expect(first).toMatchObject({
        url: 'http://sitrep.test/articles/7',
        published: '2024-10-22T08:00:00.000Z',
      });
      expect(first!.title).toBe('Ports & "piers" <b>reopen</b> ]]> after ]]> storm');
      expect(first!.summary).toContain('News &amp; &lt;Views&gt;');
      expect(second!.title).toBe('No title here.');
    },
  );

  it('writes a JSON Feed with its required fields', () => {
    const feed = JSON.parse(renderFeed('json', META, ENTRIES, 'http://sitrep.test'));
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1',
      title: 'Harbour <storm> & "repairs"',
      home_page_url: 'http://sitrep.test/stories/3',
      feed_url: 'http://sitrep.test/api/stories/3/feed.json',
    });
    expect(feed.items[0]).toMatchObject({
      id: 'http://sitrep.test/articles/7',
      url: 'http://sitrep.test/articles/7',
      title: 'Ports & "piers" <b>reopen</b> ]]> after ]]> storm',
      date_published: '2024-10-22T08:00:00.000Z',
      author: { name: 'News & <Views>' },
    });
    expect(feed.items[0].content_html).toContain('&lt;script&gt;');
    expect(feed.items[0].content_html).toContain(
      'href="https://news.example/a?x=1&amp;y=&quot;2&quot;"',
    );
  });

  it('cuts long leads at a word', () => {
    const lead = leadOf('word '.repeat(200));
    expect(lead.length).toBeLessThan(290);
    expect(lead.endsWith('word…')).toBe(true);
  });
});

describe('story and watch feeds', () => {
  let store: Store;
  let seedId: number;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    ({ store, seedId } = await seededStore());
    await store.watches.create({ name: 'Korea <watch>', words: 'North Korean troops' });
    await afterIngest({ store });
    app = createApp({ store });
  });
  afterAll(() => store.close());

  const get = async (path: string) => {
    const res = await app.request(`http://sitrep.test${path}`);
    return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
  };

  it.each([
    ['atom', 'application/atom+xml'],
    ['rss', 'application/rss+xml'],
    ['json', 'application/feed+json'],
  ])("serves a story's articles as %s", async (format, type) => {
    const storyId = (await store.stories.storyOf(seedId))!;
    const res = await get(`/api/stories/${storyId}/feed.${format}`);
    expect(res.status).toBe(200);
    expect(res.type).toBe(`${type}; charset=utf-8`);
    const parsed = parseFeed(res.body, null);
    if (!parsed.ok) throw new Error(parsed.detail);
    expect(parsed.value.items.map((i) => i.url)).toEqual([`http://sitrep.test/articles/${seedId}`]);
  });

  it("serves a watch's matches, newest first", async () => {
    const [watch] = await store.watches.list();
    const feed = JSON.parse((await get(`/api/watches/${watch!.id}/feed.json`)).body);
    expect(feed.title).toBe('Korea <watch> (sitrep watch)');
    // The feed's page is one the web UI serves.
    expect(feed.home_page_url).toBe(`http://sitrep.test/watches?watch=${watch!.id}`);
    expect(feed.items.map((i: { url: string }) => i.url)).toEqual([
      `http://sitrep.test/articles/${seedId}`,
    ]);
    const atom = await get(`/api/watches/${watch!.id}/feed.atom`);
    expect(XMLValidator.validate(atom.body)).toBe(true);
    expect(atom.body).toContain('Korea &lt;watch&gt;');
  });

  it('answers 404 for a story or watch that does not exist', async () => {
    expect((await get('/api/stories/9999/feed.rss')).status).toBe(404);
    expect((await get('/api/watches/9999/feed.atom')).status).toBe(404);
  });
});
