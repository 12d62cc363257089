// The web UI in a real headless Chromium: the stories page lists and filters stories, a
// multi-outlet story shows its claims table with every figure linked to a sentence that
// exists, pages pass axe-core, and hostile article HTML never runs. The multi-outlet store
// is built at run time from the seed and a few days of PolNeAR, through the real pipeline.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app.js';
import { EventBus } from '../pipeline/events.js';
import { processPending } from '../pipeline/process.js';
import { storeCaptures } from '../pipeline/store-captures.js';
import type { Store } from '../store/index.js';
import {
  HAS_BROWSER,
  launchBrowser,
  seriousViolations,
  serveApp,
  withPage,
} from '../test-support/browser.js';
import { DATA_DIR, SEED_FILE } from '../test-support/index.js';
import { capture, seededStore } from '../test-support/store.js';

const POLNEAR = join(DATA_DIR, 'polnear/articles.jsonl');
/** Three days of the 2016 primaries: 18 articles from six outlets, one story among most of them. */
const WINDOW = { from: '2016-06-08', to: '2016-06-10' };
const HAS_DATA = existsSync(POLNEAR) && existsSync(SEED_FILE);
if (!HAS_DATA)
  process.stderr.write(
    `skipping web UI tests: ${POLNEAR} or ${SEED_FILE} is missing (set SITREP_DATA / SITREP_SEED)\n`,
  );

/** Adds the window's PolNeAR records to the store and runs analysis and story placement. */
async function addPolnearWindow(store: Store): Promise<void> {
  const items = readFileSync(POLNEAR, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => {
      const date = line.match(/"publication_date": "([\d-]+)"/)?.[1] ?? '';
      return date >= WINDOW.from && date <= WINDOW.to;
    })
    .map(({ line, i }) => ({
      capture: capture('record', `file:///polnear/articles.jsonl#L${i + 1}`, line),
      label: `polnear:${i + 1}`,
    }));
  await storeCaptures({ store }, items, 'polnear');
  await processPending({ store });
}

describe.skipIf(!HAS_BROWSER || !HAS_DATA)('web UI in Chromium', () => {
  let store: Store;
  let hostileId: number;
  let server: { base: string; close(): Promise<void> };
  let browser: Browser;
  const events = new EventBus();
  let story: { id: number; title: string; sources: number; firstSeen: string };

  beforeAll(async () => {
    ({ store, hostileId } = await seededStore());
    await addPolnearWindow(store);
    const stories = await store.stories.list({ limit: 100 });
    const best = stories.reduce((a, b) => (b.sources > a.sources ? b : a));
    story = {
      id: best.id,
      title: best.title ?? '',
      sources: best.sources,
      firstSeen: best.firstSeen,
    };
    server = await serveApp(createApp({ store, events }));
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  it('lists the stories, newest first, with their coverage counts', () =>
    withPage(browser, 'stories-list', async (page) => {
      await page.goto(`${server.base}/`);
      await expect(page.locator('h1').first().textContent()).resolves.toBe('Stories');
      const items = page.locator('ol.stories > li');
      expect(await items.count()).toBeGreaterThan(2);
      const item = items.filter({ has: page.locator(`a[href="/stories/${story.id}"]`) });
      await expect(item.textContent()).resolves.toContain(`${story.sources} outlets`);
      expect(await item.locator('ul.chips a[href^="/entities/"]').count()).toBeGreaterThan(0);
      expect(await item.locator('a[href^="/articles/"]').count()).toBe(1);
      // The fragment live.js swaps in is the list alone, without the page around it.
      const fragment = await (await page.request.get(`${server.base}/?fragment=list`)).text();
      expect(fragment).toMatch(/^<ol class="stories">/);
      expect(fragment).not.toContain('<html');
    }));

  it('filters the stories by source and by time with a plain form', () =>
    withPage(browser, 'stories-filter', async (page) => {
      await page.goto(`${server.base}/`);
      await page.locator('select[name=source]').selectOption({ label: 'Example News' });
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.waitForURL(/source=/);
      await expect(page.locator('ol.stories > li h2').allTextContents()).resolves.toEqual([
        'Harbour reopens',
      ]);

      await page.goto(`${server.base}/`);
      await page.locator('input[name=since]').fill(WINDOW.from);
      await page.locator('input[name=until]').fill(WINDOW.to);
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.waitForURL(/since=2016-06-08/);
      const titles = await page.locator('ol.stories > li h2').allTextContents();
      expect(titles).toContain(story.title);
      expect(titles).not.toContain('Harbour reopens');
    }));

  it('opens a multi-outlet story and links every figure of its claims table to its sentence', () =>
    withPage(browser, 'story-claims', async (page) => {
      await page.goto(`${server.base}/`);
      await page.locator(`ol.stories a[href="/stories/${story.id}"]`).click();
      await page.waitForURL(new RegExp(`/stories/${story.id}$`));
      await expect(page.locator('h1').textContent()).resolves.toBe(story.title);
      expect(story.sources).toBeGreaterThanOrEqual(3);
      expect(await page.locator('#claims table').count()).toBeGreaterThan(0);
      expect(await page.locator('#timeline svg[role=img]').count()).toBe(1);
      expect(await page.locator('#coverage svg circle.mark').count()).toBeGreaterThan(
        story.sources,
      );

      const hrefs = await page
        .locator('#claims a.figure')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href).toMatch(/^\/articles\/\d+#s-\d+$/);
      // Every target sentence exists on its article page.
      const byArticle = new Map<string, string[]>();
      for (const h of hrefs)
        byArticle.set(h.split('#')[0]!, [...(byArticle.get(h.split('#')[0]!) ?? []), h]);
      for (const [path, links] of byArticle) {
        const reader = await (await page.request.get(`${server.base}${path}`)).text();
        for (const link of links) expect(reader, link).toContain(`id="${link.split('#')[1]}"`);
      }
      // And following one lands on it.
      const first = hrefs[0]!;
      await page.locator(`#claims a.figure[href="${first}"]`).first().click();
      await page.waitForURL((url) => url.pathname + url.hash === first);
      await expect(page.locator(`[id="${first.split('#')[1]}"]`).count()).resolves.toBe(1);
    }));

  it('links each quote of "who said what" to its sentence, and offers the report', () =>
    withPage(browser, 'story-quotes', async (page) => {
      await page.goto(`${server.base}/stories/${story.id}`);
      const quotes = await page
        .locator('#speakers ul.quotes a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      expect(quotes.length).toBeGreaterThan(0);
      for (const href of quotes) expect(href).toMatch(/^\/articles\/\d+#s-\d+$/);
      const report = page.getByRole('link', { name: 'Download report (Markdown)' });
      const response = await page.request.get(`${server.base}${await report.getAttribute('href')}`);
      expect(response.status()).toBe(200);
      await expect(response.text()).resolves.toContain(`# ${story.title}`);
    }));

  it('says what changed since the last visit, remembered in a cookie', () =>
    withPage(browser, 'story-since', async (page) => {
      const url = new URL(server.base);
      // A visit that saw only the first article: everything after it is new.
      const seen = Date.parse(story.firstSeen).toString(36);
      await page
        .context()
        .addCookies([
          { name: 'sitrep_visits', value: `${story.id}:${seen}`, domain: url.hostname, path: '/' },
        ]);
      await page.goto(`${server.base}/stories/${story.id}`);
      await expect(page.locator('section.since h2').textContent()).resolves.toBe(
        'New since your last visit',
      );
      await page.reload();
      expect(await page.locator('section.since').count()).toBe(0);
    }));

  it('has no serious or critical axe-core violations on the stories and story pages', () =>
    withPage(browser, 'axe-stories', async (page) => {
      for (const path of ['/', `/stories/${story.id}`]) {
        await page.goto(`${server.base}${path}`);
        expect(await seriousViolations(page), path).toEqual([]);
      }
    }));

  it('lists articles and opens one', () =>
    withPage(browser, 'articles', async (page) => {
      await page.goto(`${server.base}/articles`);
      await expect(page.locator('h1').first().textContent()).resolves.toContain('Articles');
      await page.getByRole('link', { name: 'Harbour reopens' }).click();
      await page.waitForURL(/\/articles\/\d+$/);
      await expect(page.locator('article h1').textContent()).resolves.toBe('Harbour reopens');
    }));

  it('never runs script from an article, whatever it tries', () =>
    withPage(browser, 'hostile', async (page) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.base}/articles/${hostileId}`);
      await page.hover('article .body p:nth-of-type(2)').catch(() => {});
      await page
        .locator('a', { hasText: 'welcomed' })
        .click({ timeout: 2000 })
        .catch(() => {});
      expect(
        await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
      ).toBeUndefined();
      // Our own /assets/live.js is the only script; nothing from the article survives.
      const scripts = await page
        .locator('script')
        .evaluateAll((s) => s.map((e) => e.getAttribute('src')));
      expect(scripts).toEqual(['/assets/live.js']);
      expect(await page.locator('iframe').count()).toBe(0);
      expect(errors).toEqual([]);
    }));

  it('searches from the header box and highlights matches', () =>
    withPage(browser, 'search', async (page) => {
      await page.goto(`${server.base}/`);
      await page.getByRole('searchbox', { name: 'Search articles' }).fill('North Korean troops');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\?q=/);
      await expect(page.locator('main mark').first().textContent()).resolves.toMatch(
        /north|korean|troops/i,
      );
    }));

  it('moves through the stories with j and k, and to search with /', () =>
    withPage(browser, 'keys', async (page) => {
      await page.goto(`${server.base}/`);
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      const second = await page.locator('ol.stories > li h2 a').nth(1).getAttribute('href');
      await expect(page.evaluate(() => document.activeElement?.getAttribute('href'))).resolves.toBe(
        second,
      );
      await page.keyboard.press('/');
      await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe(
        'q',
      );
    }));

  // Last, since it adds an article to the shared store.
  it('refreshes the stories list live when the server announces a new story', () =>
    withPage(browser, 'live', async (page) => {
      const connected = page.waitForResponse((r) => r.url().endsWith('/api/events'));
      await page.goto(`${server.base}/`);
      await connected;
      const text =
        'Volcano erupts on a remote island. Lava reached the sea on Tuesday, officials said, and 40 villagers left.';
      const stored = await storeCaptures(
        { store },
        [{ capture: capture('text', 'file:///live/volcano.txt', text), label: 'live' }],
        'live-desk',
      );
      await processPending({ store });
      const storyId = await store.stories.storyOf(stored.articleIds[0]!);
      events.emit({ type: 'stories', ids: [storyId!] });
      await page.locator(`ol.stories a[href="/stories/${storyId}"]`).waitFor({ timeout: 10_000 });
      await expect(page.locator('#live-status').textContent()).resolves.toMatch(/^List updated/);
    }));
});
