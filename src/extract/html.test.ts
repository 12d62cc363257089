import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractHtml } from './html.js';
import { extractCapture } from './index.js';
import { DATA_DIR, readShared } from '../test-support/index.js';

interface PageExpectation {
  title?: string;
  byline?: string;
  publishedDay?: string;
  language?: string;
  startsWith?: string;
  firstParagraphEndsWith?: string;
  lastParagraphStartsWith?: string;
  endsWith?: string;
  reason?: string;
  mustNotContain?: string[];
  captionsInclude?: string[];
  relatedLinksInclude?: string[];
}

const here = dirname(fileURLToPath(import.meta.url));
const expected = JSON.parse(
  readFileSync(join(here, '__fixtures__/globalvoices/expected.json'), 'utf8'),
) as {
  mustNotContainOnEveryPage: string[];
  pages: Record<string, PageExpectation>;
};
const gvDir = join(DATA_DIR, 'open-news/globalvoices-html');
const index = readShared(join(gvDir, 'articles.jsonl'));
const urls = new Map<string, string>(
  (index ?? '')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const row = JSON.parse(line) as { id: string; url: string };
      return [row.id, row.url];
    }),
);

describe.skipIf(!index)('extractHtml on the Global Voices pages', () => {
  for (const [id, want] of Object.entries(expected.pages)) {
    it(id, () => {
      const html = readShared(join(gvDir, 'html', `${id}.html`));
      if (!html) return;
      const result = extractHtml(html, { url: urls.get(id) ?? null });
      if (want.reason) {
        expect(result).toMatchObject({ ok: false, reason: want.reason });
        return;
      }
      if (!result.ok) throw new Error(`${id}: ${result.reason} ${result.detail ?? ''}`);
      const d = result.value;
      expect(d.title).toBe(want.title);
      expect(d.byline).toBe(want.byline);
      expect(d.published?.slice(0, 10)).toBe(want.publishedDay);
      expect(d.language).toBe(want.language);
      // The first and last body paragraphs, pinned at both ends.
      const paragraphs = d.paragraphs.map(([start, end]) => d.text.slice(start, end));
      const [firstParagraph, lastParagraph] = [paragraphs[0] ?? '', paragraphs.at(-1) ?? ''];
      expect(firstParagraph.startsWith(want.startsWith ?? ''), `${id} first paragraph start`).toBe(true);
      expect(firstParagraph.endsWith(want.firstParagraphEndsWith ?? ''), `${id} first paragraph end`).toBe(true);
      expect(lastParagraph.startsWith(want.lastParagraphStartsWith ?? ''), `${id} last paragraph start`).toBe(true);
      expect(lastParagraph.endsWith(want.endsWith ?? ''), `${id} last paragraph end`).toBe(true);
      for (const s of [...expected.mustNotContainOnEveryPage, ...(want.mustNotContain ?? [])]) {
        expect(d.text, `${id} must not contain "${s}"`).not.toContain(s);
      }
      for (const c of want.captionsInclude ?? []) expect(d.boilerplate.captions).toContain(c);
      for (const t of want.relatedLinksInclude ?? [])
        expect(d.relatedLinks.map((l) => l.text)).toContain(t);
      // Paragraph ranges must point at the text and never overlap.
      let last = 0;
      for (const [s, e] of d.paragraphs) {
        expect(s).toBeGreaterThanOrEqual(last);
        expect(d.text.slice(s, e).trim()).toBe(d.text.slice(s, e));
        last = e;
      }
      expect(d.extractor).toBe('html/3');
      expect(d.canonicalUrl).toMatch(/^http:\/\/globalvoicesonline\.org\/2009\//);
    });
  }
});

const LONG =
  'The committee heard evidence from twelve witnesses over three days of hearings. '.repeat(6);

function page(head: string, body: string): string {
  return `<!doctype html><html lang="en-GB"><head>${head}</head><body>${body}</body></html>`;
}

describe('extractHtml metadata and clean-up', () => {
  it('reads JSON-LD inside @graph, cleans the byline and resolves the canonical URL', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Daily Planet' },
        {
          '@type': ['NewsArticle'],
          headline: 'Committee Hears Witnesses',
          datePublished: '2024-10-23T09:30:00+02:00',
          author: [{ '@type': 'Person', name: 'Lois Lane' }, { name: 'Clark Kent' }],
          publisher: { '@type': 'Organization', name: 'Daily Planet' },
        },
      ],
    };
    const html = page(
      `<title>Committee Hears Witnesses | Daily Planet</title><script type="application/ld+json">${JSON.stringify(ld)}</script>` +
        '<link rel="canonical" href="/news/committee?utm_source=x">',
      `<article><h1>Committee Hears Witnesses</h1><p>${LONG}</p><figure><img src="a.jpg"><figcaption>A witness arrives.</figcaption></figure><p>${LONG}</p>` +
        '<h3>Related stories</h3><ul><li><a href="/a">Mayor Opens Bridge</a></li><li><a href="/b">Storm Warning Issued</a></li></ul></article>',
    );
    const r = extractHtml(html, { url: 'https://planet.example/news/committee?utm_source=feed' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value).toMatchObject({
      title: 'Committee Hears Witnesses',
      byline: 'Lois Lane, Clark Kent',
      published: '2024-10-23T07:30:00Z',
      language: 'en',
      site: 'Daily Planet',
      canonicalUrl: 'https://planet.example/news/committee',
    });
    expect(r.value.boilerplate.captions).toEqual(['A witness arrives.']);
    expect(r.value.relatedLinks).toEqual([
      { text: 'Mayor Opens Bridge', url: 'https://planet.example/a' },
      { text: 'Storm Warning Issued', url: 'https://planet.example/b' },
    ]);
    expect(r.value.text).not.toContain('Related stories');
    expect(r.value.text).not.toContain('A witness arrives');
  });

  it('strips an agency credit from an OpenGraph byline', () => {
    const html = page(
      '<meta property="og:title" content="Floods Recede"><meta name="author" content="By Ann Lee and Bo Park The Associated Press">' +
        '<meta property="article:published_time" content="Fri Apr 28 19:20:36 CEST 2023">',
      `<article><p>${LONG}</p></article>`,
    );
    const r = extractHtml(html, { url: null });
    expect(r.ok && r.value.byline).toBe('Ann Lee, Bo Park');
    expect(r.ok && r.value.published).toBe('2023-04-28T17:20:36Z');
  });
});

describe('extractHtml on hostile input', () => {
  it('gives clear reasons instead of throwing', () => {
    expect(extractHtml('', { url: null })).toMatchObject({ ok: false, reason: 'empty' });
    expect(extractHtml('<html><head><title>x</title></head></html>', { url: null })).toMatchObject({
      ok: false,
      reason: 'not-an-article',
    });
    expect(extractHtml('<p>'.repeat(5000), { url: null }).ok).toBe(false);
  });

  it('survives <template> elements and a huge single line', () => {
    const withTemplate = page(
      '',
      `<template><div><p>hidden</p></div></template><main><p>${LONG}</p></main>`,
    );
    const r = extractHtml(withTemplate, { url: null });
    expect(r.ok && r.value.text.startsWith('The committee heard')).toBe(true);
    const huge = extractHtml(page('', `<p>${'word '.repeat(100_000)}</p>`), { url: null });
    expect(huge.ok).toBe(true);
  });

  it('rejects binary garbage and empty captures through extractCapture', () => {
    const capture = (body: Uint8Array, kind: 'html' | 'text' | 'record' = 'html') => ({
      kind,
      origin: 'file:///x',
      url: null,
      fetchedAt: '2024-01-01T00:00:00Z',
      status: null,
      contentType: null,
      charset: null,
      body,
    });
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expect(extractCapture(capture(garbage)).ok).toBe(false);
    expect(extractCapture(capture(new Uint8Array()))).toMatchObject({ ok: false, reason: 'empty' });
    expect(extractCapture(capture(new TextEncoder().encode('{oops'), 'record'))).toMatchObject({
      ok: false,
      reason: 'unreadable',
    });
    const text = extractCapture(
      capture(new TextEncoder().encode('Hello there.\nSecond line.'), 'text'),
    );
    expect(text.ok && text.value.text).toBe('Hello there.\nSecond line.');
  });
});
