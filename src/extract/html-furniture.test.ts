import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractHtml } from './html.js';
import { furnitureKind, isDateLine } from './html-furniture.js';
import { takeTeasers } from './html-teasers.js';

describe('furnitureKind', () => {
  it('tells furniture lines from prose', () => {
    expect(furnitureKind('Sign In')).toBe('ui');
    expect(furnitureKind('Share Tweet Submit')).toBe('ui');
    expect(furnitureKind('Updated 1:39 am EST, Wednesday, November 20, 2019')).toBe('date');
    expect(furnitureKind('sexta-feira, 22 de outubro de 2010 às 20:13')).toBe('date');
    expect(furnitureKind('By Ann Lee | Nov 18, 2019 at 2:26 PM')).toBe('byline');
    expect(furnitureKind('Reporting by Ann Lee; Editing by Bo Park')).toBe('credit');
    expect(furnitureKind('A flooded street in the old town. (Ann Lee/Reuters)')).toBe('credit');
    expect(furnitureKind('Get the latest updates right in your inbox.')).toBe('promo');
    expect(furnitureKind('Copyright 2019 Daily Planet. All rights reserved.')).toBe('legal');
    expect(furnitureKind('The council met on Tuesday and voted to close the bridge.')).toBeNull();
    expect(furnitureKind('By the numbers')).toBeNull();
    expect(furnitureKind('Netflix said it now has 158 million people who subscribe.')).toBeNull();
  });

  it('keeps a bare clock time and a score, which are not date lines', () => {
    expect(isDateLine('4:14 p.m.')).toBe(false);
    expect(isDateLine('Score 4.5 out of 5')).toBe(false);
  });
});

const PROSE = 'The committee heard evidence from twelve witnesses over three days of hearings.';

describe('extractHtml body clean-up', () => {
  it('drops head furniture, promos, bios and teaser rails, and keeps the body', () => {
    const teaser = (n: number) =>
      `<div class="rail-item"><img src="${n}.jpg"><h3>KICKER ${n}</h3><a href="/s/${n}">Another story number ${n} here</a></div>`;
    const html =
      '<!doctype html><html lang="en"><head><title>Bridge Closed</title>' +
      '<meta name="author" content="Ann Lee"></head><body><article>' +
      '<p>Sign In</p><p>Ann Lee, Staff Writer</p><p>Published 10:02 AM EST Nov 19, 2019</p>' +
      `<p>${PROSE} ${PROSE}</p><p>${PROSE}</p>` +
      '<p>Get the latest updates right in your inbox. Subscribe to our newsletters.</p>' +
      `<p>${PROSE} ${PROSE}</p>` +
      `<div class="rail">${teaser(1)}${teaser(2)}${teaser(3)}</div>` +
      '<p>Ann Lee is a reporter for the Daily Planet covering city hall.</p>' +
      '</article></body></html>';
    const r = extractHtml(html, { url: 'https://planet.example/news/bridge' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.text.startsWith(PROSE)).toBe(true);
    expect(r.value.text.endsWith(PROSE)).toBe(true);
    for (const s of ['Sign In', 'Staff Writer', 'Published', 'inbox', 'KICKER', 'reporter for'])
      expect(r.value.text).not.toContain(s);
  });
});

describe('takeTeasers', () => {
  it('removes a row of alike picture-and-headline boxes, and keeps a pair', () => {
    const box = (n: number) =>
      `<div class="card"><img src="${n}.jpg"><a href="/s/${n}">Another story number ${n}</a></div>`;
    const { document } = parseHTML(
      `<html><body><div id="three">${box(1)}${box(2)}${box(3)}</div><div id="two">${box(4)}${box(5)}</div></body></html>`,
    );
    const links = takeTeasers(document.body as unknown as Element, 'https://planet.example/');
    expect(links.map((l) => l.url)).toEqual([1, 2, 3].map((n) => `https://planet.example/s/${n}`));
    expect(document.querySelectorAll('#two .card').length).toBe(2);
  });
});
