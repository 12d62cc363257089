// The reader's flows in a real Chromium: first run, ingest through the UI (a pasted URL, an
// uploaded file, a feed), the article reader's marks and sentence anchors, search with a
// facet, entity edits, and a watch whose signed webhook reaches a local receiver. Every
// page is checked with axe-core. Pages come from a local server; nothing touches the network.
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentenceStarts } from '../analyze/claims/context.js';
import { createApp } from '../api/app.js';
import { createFetcher } from '../ingest/fetch/index.js';
import type { PipelineContext } from '../pipeline/context.js';
import { deliverWebhooks, verifyWebhook } from '../pipeline/watches.js';
import { openStore, type Store } from '../store/index.js';
import { sentenceHref } from '../stories/anchors.js';
import {
  HAS_BROWSER,
  launchBrowser,
  serveApp,
  seriousViolations,
  withPage,
} from '../test-support/browser.js';
import { HOSTILE_HTML } from '../test-support/store.js';
import { HARBOUR, LIGHTHOUSE, type LocalSite, serveNewsSite } from './flows-fixtures.js';

const TOKEN = 'flows-test-write-token';

describe.skipIf(!HAS_BROWSER)('web flows in Chromium', () => {
  let store: Store;
  let empty: Store;
  let site: LocalSite;
  let siteBase: string;
  let app: { base: string; close(): Promise<void> };
  let emptyApp: { base: string; close(): Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    site = await serveNewsSite();
    siteBase = site.base;
    store = await openStore(':memory:');
    empty = await openStore(':memory:');
    const pipeline: PipelineContext = {
      store,
      fetcher: createFetcher({
        allowPrivate: true,
        perHostDelayMs: 0,
        timeoutMs: 5000,
        respectRobots: false,
      }),
      log: pino({ level: 'silent' }),
      pollIntervalMinutes: 30,
    };
    // allowPrivate lets a watch's webhook point at the local receiver.
    const options = { allowPrivate: true };
    app = await serveApp(createApp({ store, token: TOKEN, pipeline, options }));
    emptyApp = await serveApp(createApp({ store: empty, token: TOKEN }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await emptyApp?.close();
    await site?.close();
    await store?.close();
    await empty?.close();
  });

  const signIn = async (page: Page, base = app.base) => {
    await page.goto(`${base}/login?token=${TOKEN}`);
  };
  const accessible = async (page: Page) => expect(await seriousViolations(page)).toEqual([]);
  const idOf = async (title: string) =>
    (await store.search(`"${title}"`, { limit: 1 }))[0]?.id ?? 0;

  it('greets an empty store with what to do, and adds no feed by itself', async () => {
    await withPage(browser, 'flows-first-run', async (page) => {
      await page.goto(`${emptyApp.base}/`);
      await expect(page.getByRole('heading', { name: 'Welcome to sitrep' }).count()).resolves.toBe(
        1,
      );
      await accessible(page);
      await page.goto(`${emptyApp.base}/welcome`);
      for (const name of ['Add a feed', 'Import OPML', 'Paste a URL', 'Drop files']) {
        await expect(page.getByRole('heading', { name }).count()).resolves.toBe(1);
      }
      await expect(
        page.getByRole('button', { name: 'Add the starter feeds' }).count(),
      ).resolves.toBe(1);
      await accessible(page);
      expect(await empty.feeds.list()).toEqual([]);
    });
  });

  it('ingests a pasted URL, an uploaded file and a feed through the UI', async () => {
    await withPage(browser, 'flows-ingest', async (page) => {
      await signIn(page);
      await page.goto(`${app.base}/feeds`);
      await page.getByLabel('Article, feed or site URL').fill(`${siteBase}/news/harbour.html`);
      await page.getByRole('button', { name: 'Ingest URL' }).click();
      await expect(page.locator('.report').textContent()).resolves.toContain('1 new article');

      // Files dropped on the zone land in its file input.
      const dropped = await page.evaluateHandle((body) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([body], 'harbour-copy.html', { type: 'text/html' }));
        return transfer;
      }, HOSTILE_HTML);
      await page.locator('.dropzone').dispatchEvent('drop', { dataTransfer: dropped });
      await expect(page.locator('.dropzone .dropped').textContent()).resolves.toContain(
        'harbour-copy.html',
      );
      await page.getByLabel('Credit to source (optional)').fill('Example News');
      await page.getByRole('button', { name: 'Upload' }).click();
      await expect(page.locator('.report').textContent()).resolves.toContain('1 new article');

      await page.getByLabel('Feed or site URL', { exact: true }).fill(`${siteBase}/feed.xml`);
      await page.getByRole('button', { name: 'Add feed' }).click();
      await expect(page.locator('.notice').first().textContent()).resolves.toContain(
        '1 new articles',
      );
      // A feed that can't be fetched says so on its own row, in plain words.
      await page
        .getByLabel('Feed or site URL', { exact: true })
        .fill('http://127.0.0.1:9/gone.xml');
      await page.getByRole('button', { name: 'Add feed' }).click();
      const failing = page.locator('tr', { hasText: '127.0.0.1:9/gone.xml' });
      await expect(failing.textContent()).resolves.toMatch(
        /Failing[\s\S]*Could not fetch this feed: .*refused/,
      );
      await expect(
        page.locator('tr', { hasText: 'feed.xml' }).first().textContent(),
      ).resolves.toContain('OK');
      await accessible(page);
    });
  });

  it('never runs script from an uploaded page', async () => {
    await withPage(browser, 'flows-hostile', async (page) => {
      page.on('pageerror', () => {});
      await page.goto(`${app.base}/articles/${await idOf('Harbour reopens')}`);
      await page.hover('article .body p:nth-of-type(2)').catch(() => {});
      expect(
        await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
      ).toBeUndefined();
      expect(await page.locator('article script, article iframe, article img').count()).toBe(0);
    });
  });

  it('marks entities, quotes, figures and times, and anchors every sentence', async () => {
    const id = await idOf(HARBOUR.title);
    const article = (await store.articles.get(id))!;
    const claim = (await store.annotations.claims(id)).find((c) =>
      c.text.includes('40 fishing boats'),
    )!;
    await withPage(browser, 'flows-reader', async (page) => {
      await page.goto(`${app.base}/articles/${id}`);
      for (const kind of ['entity', 'quote', 'claim', 'time']) {
        expect(await page.locator(`article .body .hl.${kind}`).count(), kind).toBeGreaterThan(0);
      }
      // The figure sits inside Maria Lopez's quote, and the marks nest.
      expect(
        await page.locator('.body .hl.quote .hl.claim', { hasText: '40 fishing boats' }).count(),
      ).toBe(1);
      const lopez = page.locator('.body a.hl.entity', { hasText: 'Maria Lopez' }).first();
      await expect(lopez.getAttribute('title')).resolves.toBe('Maria Lopez (person)');
      const figure = page.locator('.body .hl.claim', { hasText: '40 fishing boats' });
      await expect(figure.getAttribute('title')).resolves.toMatch(
        /Figure: 40[\s\S]*Source: Maria Lopez/,
      );
      await figure.focus();
      const tip = await figure.evaluate((el) => getComputedStyle(el, '::after').content);
      expect(tip).toContain('Figure: 40');
      for (const start of sentenceStarts(article.text)) {
        expect(await page.locator(`#s-${start}`).count(), `s-${start}`).toBe(1);
      }
      const href = sentenceHref(id, article.text, claim.start);
      await page.goto(`${app.base}${href}`);
      const target = await page.evaluate(
        () => document.querySelector(':target')?.textContent ?? '',
      );
      expect(target).toContain('40 fishing boats');
      await expect(page.getByRole('heading', { name: 'Story', exact: true }).count()).resolves.toBe(
        1,
      );
      await expect(
        page.locator('section.story-of a[href^="/stories/"]').count(),
      ).resolves.toBeGreaterThan(0);
      await accessible(page);
    });
  });

  it('searches, narrows by a source facet and removes it again', async () => {
    await withPage(browser, 'flows-search', async (page) => {
      await page.goto(`${app.base}/search?q=harbour`);
      const results = page.locator('ol.articles > li');
      expect(await results.count()).toBeGreaterThanOrEqual(2);
      await expect(page.locator('ol.articles li mark').first().textContent()).resolves.toMatch(
        /harbour/i,
      );
      await page.locator('nav.facets a', { hasText: 'Example News' }).click();
      await page.waitForURL(/source=/);
      await expect(results.count()).resolves.toBe(1);
      await expect(results.first().textContent()).resolves.toContain('Harbour reopens');
      await accessible(page);
      await page.getByRole('link', { name: /Remove filter source/ }).click();
      await page.waitForURL((url) => !url.search.includes('source='));
      expect(await results.count()).toBeGreaterThanOrEqual(2);
    });
  });

  it('shows an entity with its quotes and edits its aliases', async () => {
    await withPage(browser, 'flows-entity', async (page) => {
      await signIn(page);
      await page.goto(`${app.base}/entities?type=PER`);
      await accessible(page);
      await page.getByRole('link', { name: 'Maria Lopez' }).click();
      await page.waitForURL(/\/entities\/\d+$/);
      await expect(page.locator('h1').textContent()).resolves.toContain('Maria Lopez');
      expect(await page.locator('ul.quotes li').count()).toBeGreaterThan(0);
      await page.getByLabel('Add an alias').fill('M. Lopez');
      await page.getByRole('button', { name: 'Add alias' }).click();
      await expect(page.locator('ul.aliases').textContent()).resolves.toContain('M. Lopez');
      expect(
        await page
          .locator('section', { hasText: 'Figures it is the source of' })
          .locator('tbody tr')
          .count(),
      ).toBeGreaterThan(0);
      await accessible(page);
      // Split the alias off into an entity of its own, then merge it back by name.
      await page
        .locator('ul.aliases li', { hasText: 'M. Lopez' })
        .getByRole('button', { name: 'Split off' })
        .click();
      await expect(page.locator('h1').textContent()).resolves.toContain('M. Lopez');
      await page.getByLabel(/Merge into/).fill('Maria Lopez');
      await page.getByRole('button', { name: 'Merge' }).click();
      await expect(page.locator('h1').textContent()).resolves.toContain('Maria Lopez');
      await expect(page.locator('ul.aliases').textContent()).resolves.toContain('M. Lopez');
    });
  });

  it('creates a watch, then a matching article fires its signed webhook and fills the inbox', async () => {
    await withPage(browser, 'flows-watch', async (page) => {
      await signIn(page);
      await page.goto(`${app.base}/watches`);
      await page.getByLabel('Name', { exact: true }).fill('Lighthouses');
      await page.getByLabel('Words').fill('lighthouse');
      await page.getByLabel('Webhook URL (optional)').fill(`${siteBase}/hook`);
      await page.getByRole('button', { name: 'Create watch' }).click();
      await expect(page.locator('li.watch').textContent()).resolves.toContain('Lighthouses');
      await accessible(page);

      await page.goto(`${app.base}/feeds`);
      await page.getByLabel('Article, feed or site URL').fill(`${siteBase}/news/lighthouse.html`);
      await page.getByRole('button', { name: 'Ingest URL' }).click();
      await expect(page.locator('.report').textContent()).resolves.toContain('1 new article');

      // What `sitrep serve` runs in the background after each ingest.
      await deliverWebhooks({ store }, { allowPrivate: true });
      expect(site.hooks).toHaveLength(1);
      const hook = site.hooks[0]!;
      const watch = (await store.watches.list())[0]!;
      const header = (name: string) => String(hook.headers[name] ?? '');
      expect(
        verifyWebhook(
          watch.secret,
          { signature: header('x-sitrep-signature'), timestamp: header('x-sitrep-timestamp') },
          hook.body,
        ),
      ).toBe(true);
      expect(hook.body).toContain(LIGHTHOUSE.title);

      await page.goto(`${app.base}/watches`);
      const line = page.locator('ul.inbox li', { hasText: LIGHTHOUSE.title });
      await expect(line.getAttribute('class')).resolves.toBe('unread');
      await line.getByRole('button', { name: /Mark read/ }).click();
      await expect(
        page.locator('ul.inbox li', { hasText: LIGHTHOUSE.title }).getAttribute('class'),
      ).resolves.toBe('read');
      await accessible(page);
    });
  });
});
