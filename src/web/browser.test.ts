// The web UI in a real headless Chromium: pages render, links work, and hostile article
// HTML never runs.
import { existsSync } from 'node:fs';
import { type ServerType, serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app.js';
import type { Store } from '../store/index.js';
import { seededStore } from '../test-support/store.js';

const CHROMIUM = process.env.SITREP_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('web UI in Chromium', () => {
  let store: Store;
  let hostileId: number;
  let server: ServerType;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    ({ store, hostileId } = await seededStore());
    const app = createApp({ store });
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server.close(resolve));
    await store.close();
  });

  it('lists articles and opens one', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await expect(page.locator('h1').first().textContent()).resolves.toContain('Articles');
    await page.getByRole('link', { name: 'Harbour reopens' }).click();
    await page.waitForURL(/\/articles\/\d+$/);
    await expect(page.locator('article h1').textContent()).resolves.toBe('Harbour reopens');
    await context.close();
  });

  it('never runs script from an article, whatever it tries', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/articles/${hostileId}`);
    await page.hover('article .body p:nth-of-type(2)').catch(() => {});
    await page.locator('a', { hasText: 'welcomed' }).click({ timeout: 2000 }).catch(() => {});
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('script, iframe').count()).toBe(0);
    await context.close();
  });

  it('searches from the header box and highlights matches', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('North Korean troops');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await expect(page.locator('ol.articles li').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('ol.articles li mark').first().textContent()).resolves.toMatch(/north|korean|troops/i);
    await context.close();
  });
});
