// The XSS corpus in a real Chromium. Payloads are planted everywhere a stranger's words
// reach a page: article titles, texts and bylines, outlet names, feed names, entity names,
// quote speakers, claim subjects and sources, watch names, and the search box. Every page
// that shows them is opened; the test fails on any script that runs (each payload calls
// __xss() or alert()), any dialog, and any request off the server's origin.
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../analyze/index.js';
import { createApp } from '../api/app.js';
import { processPending } from '../pipeline/process.js';
import { storeCaptures } from '../pipeline/store-captures.js';
import { openStore, type Store } from '../store/index.js';
import { HAS_BROWSER, launchBrowser, serveApp } from '../test-support/browser.js';
import { capture } from '../test-support/store.js';

const EVIL = 'http://evil.test';

/** Script, markup, attribute, URL and template injections, as found in XSS cheat sheets. */
export const PAYLOADS = [
  '<script>__xss()</script>',
  '<img src=x onerror=__xss()>',
  '<svg onload=__xss()>',
  '<svg><script>__xss()</script></svg>',
  '"><script>__xss()</script>',
  "'><img src=x onerror=__xss()>",
  '</title><script>__xss()</script>',
  '</textarea><script>__xss()</script>',
  '</style><script>__xss()</script>',
  '<iframe src="javascript:__xss()"></iframe>',
  '<iframe srcdoc="<script>parent.__xss()</script>"></iframe>',
  '<a href="javascript:__xss()">click</a>',
  '<a href="jav&#x09;ascript:__xss()">tab</a>',
  '<body onload=__xss()>',
  '<details open ontoggle=__xss()>',
  '<input autofocus onfocus=__xss()>',
  '<video><source onerror=__xss()></video>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss()>',
  '<object data="javascript:__xss()"></object>',
  '<embed src="javascript:__xss()">',
  '<form action="javascript:__xss()"><button>go</button></form>',
  `<meta http-equiv="refresh" content="0;url=${EVIL}/refresh">`,
  `<base href="${EVIL}/">`,
  `<link rel="stylesheet" href="${EVIL}/x.css">`,
  `<img src="${EVIL}/pixel.png">`,
  `<style>@import '${EVIL}/y.css';</style>`,
  `<script src="${EVIL}/x.js"></script>`,
  '{{constructor.constructor("__xss()")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection, meant literally
  '${__xss()}',
  'javascript:__xss()//',
  "';__xss();//",
  '<scr<script>ipt>__xss()</scr</script>ipt>',
  '<SCRIPT>alert(1)</SCRIPT>',
  '<img src=x onerror=alert(document.cookie)>',
];

/** A PolNeAR-shaped record whose every field a reader sees carries the payload. */
function record(payload: string, i: number): string {
  return JSON.stringify({
    publisher: `outlet ${i} ${payload}`,
    publication_date: '2024-11-02',
    author: `Reporter ${payload}`,
    title: `Harbour ${i} reopens ${payload}`,
    text: [
      `Harbour ${i} reopens ${payload}.`,
      `The port authority said on Friday that 12 boats left the harbour ${payload} at dawn.`,
      `"We are glad ${payload}," said Maria Lopez, a trader at the harbour.`,
    ].join('\n\n'),
  });
}

describe.skipIf(!HAS_BROWSER)('XSS corpus in Chromium', () => {
  let store: Store;
  let server: { base: string; close(): Promise<void> };
  let context: BrowserContext;
  let close: () => Promise<void>;
  const ran: string[] = [];
  const offOrigin: string[] = [];
  let pages: string[] = [];

  beforeAll(async () => {
    store = await openStore(':memory:');
    const items = PAYLOADS.map((p, i) => ({
      capture: capture('record', `file:///xss.jsonl#L${i + 1}`, record(p, i)),
      label: `xss:${i + 1}`,
    }));
    const stored = await storeCaptures({ store }, items, 'xss');
    await processPending({ store });
    // Names the analyzers would never make, planted as they would be stored.
    for (const [i, id] of stored.articleIds.entries()) {
      const p = PAYLOADS[i]!;
      const text = (await store.articles.get(id))!.text;
      const at = text.indexOf('Maria Lopez');
      await store.annotations.replace(id, ANALYZER_VERSION, {
        entities: [
          { start: at, end: at + 11, text: 'Maria Lopez', type: 'PER', entity: `Maria ${p}` },
        ],
        quotes: [
          {
            kind: 'direct',
            content: { start: 0, end: 10, text: text.slice(0, 10) },
            speaker: { name: `Maria ${p}`, start: at, end: at + 11, text: 'Maria Lopez' },
            cue: null,
            confidence: 1,
          },
        ],
        claims: [
          {
            text: '12 boats',
            start: 0,
            end: 8,
            value: 12,
            low: null,
            high: null,
            hedge: null,
            unit: `boats ${p}`,
            subject: `boats ${p}`,
            subjectKey: `boats-${i}`,
            source: `Maria ${p}`,
            time: `Friday ${p}`,
          },
        ],
        times: [],
      });
      await store.feeds.add(
        `https://feeds.example/${i}.xml`,
        `Feed ${p}`,
        `https://feeds.example/${i}`,
      );
      await store.watches.create({ name: `Watch ${p}`, words: `harbour ${i}` });
    }
    const stories = await store.stories.list({ limit: 200 });
    const entities = await store.entities.list({ limit: 500 });
    pages = [
      '/',
      '/articles',
      '/entities',
      '/feeds',
      '/watches',
      ...stored.articleIds.map((id) => `/articles/${id}`),
      ...stories.map((s) => `/stories/${s.id}`),
      ...stories.slice(0, 3).map((s) => `/api/stories/${s.id}/report?format=html`),
      ...entities.map((e) => `/entities/${e.id}`),
      ...PAYLOADS.map((p) => `/search?q=${encodeURIComponent(p)}`),
    ];
    server = await serveApp(createApp({ store }));
    const browser = await launchBrowser();
    context = await browser.newContext();
    close = () => browser.close();
    await context.exposeBinding('__xss', ({ page }) => ran.push(page.url()));
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.base) || url.startsWith('data:')) return route.continue();
      offOrigin.push(url);
      return route.abort();
    });
  }, 120_000);
  afterAll(async () => {
    await close?.();
    await server?.close();
    await store?.close();
  });

  it('runs no script, opens no dialog and requests nothing off-origin on any page', async () => {
    const dialogs: string[] = [];
    const page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(`${page.url()}: ${d.message()}`);
      void d.dismiss();
    });
    const shown: string[] = [];
    for (const path of pages) {
      const res = await page.goto(`${server.base}${path}`);
      expect(res?.status(), path).toBeLessThan(400);
      // Give event handlers (onload, onfocus, ontoggle) their chance, and click every link.
      await page.waitForTimeout(20);
      for (const link of await page.locator('article a[href^="javascript:"]').all())
        await link.click({ timeout: 500 }).catch(() => {});
      if ((await page.content()).includes('__xss')) shown.push(path);
    }
    expect(ran).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(offOrigin).toEqual([]);
    // The payloads reached the pages, as text: the test saw what it means to test.
    expect(shown.length).toBeGreaterThan(pages.length / 2);
  }, 300_000);
});
