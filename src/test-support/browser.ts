// Real-browser test support: Debian's Chromium through playwright-core, a served app on a
// free port, an axe-core accessibility check, and a screenshot whenever a test fails.
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type ServerType, serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.SITREP_CHROMIUM ?? '/usr/bin/chromium';
/** Browser tests run where Chromium is installed, and always in CI (which installs it). */
export const HAS_BROWSER = existsSync(CHROMIUM) || Boolean(process.env.CI);
/** Where failing tests leave their screenshots. */
export const SCREENSHOT_DIR = process.env.SITREP_SCREENSHOTS ?? join('test-results', 'screenshots');

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

/** Launches headless Chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** Serves an app on a free loopback port; returns its base URL and a closer. */
export async function serveApp(app: Hono): Promise<{ base: string; close(): Promise<void> }> {
  const server: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Runs `flow` on a fresh page. When it throws, a full-page screenshot named after the
 * flow is saved before the error goes on to fail the test.
 */
export async function withPage<T>(browser: Browser, name: string, flow: (page: Page) => Promise<T>): Promise<T> {
  // axe-core/playwright needs a page from a context, not browser.newPage().
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    return await flow(page);
  } catch (err) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = join(SCREENSHOT_DIR, `${name.replace(/[^\w-]+/g, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    throw err;
  } finally {
    await context.close();
  }
}

/** The axe-core violations of serious or critical impact on the page as it stands. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
