import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { capElements, capText, flattenDeepNesting } from './html-limits.js';

const depthOf = (e: Element): number =>
  e.firstElementChild ? 1 + Math.max(...[...e.children].map(depthOf)) : 0;

describe('flattenDeepNesting', () => {
  it('unwraps what lies past the limit, keeping every word in order', () => {
    const { document } = parseHTML(
      `<html><body>${'<div><b>a</b>'.repeat(300)}end${'</div>'.repeat(300)}<p>after</p></body></html>`,
    );
    const root = document.documentElement as unknown as Element;
    const before = root.textContent;
    expect(flattenDeepNesting(root, 50)).toBeGreaterThan(0);
    expect(depthOf(root)).toBe(50);
    expect(root.textContent).toBe(before);
  });

  it('leaves a page of ordinary depth alone', () => {
    const { document } = parseHTML(
      '<html><body><article><p>One <b>two</b></p></article></body></html>',
    );
    const root = document.documentElement as unknown as Element;
    const html = root.outerHTML;
    expect(flattenDeepNesting(root)).toBe(0);
    expect(root.outerHTML).toBe(html);
  });
});

describe('capElements', () => {
  it('drops empty elements first, then the tail, down to the limit', () => {
    const { document } = parseHTML(
      `<html><body><h1>Title</h1>${'<p></p>'.repeat(500)}<p>kept</p>${'<p>tail</p>'.repeat(500)}</body></html>`,
    );
    const root = document.documentElement as unknown as Element;
    capElements(root, 100);
    expect(root.querySelectorAll('*').length).toBeLessThanOrEqual(100);
    expect(root.textContent).toMatch(/^Titlekept(tail)+$/);
    // The 500 empty paragraphs went first; then only as much tail as the limit leaves.
    expect(root.querySelectorAll('p').length).toBeLessThan(100);
  });

  it('leaves a page under the limit alone', () => {
    const { document } = parseHTML('<html><body><p></p><p>x</p></body></html>');
    expect(capElements(document.documentElement as unknown as Element)).toBe(0);
    expect(document.body.innerHTML).toBe('<p></p><p>x</p>');
  });
});

describe('capText', () => {
  it('keeps text in document order until its weight is spent, scripts not counted', () => {
    // "abcd" sits 3 elements deep (html, body, p): a weight of 12.
    const { document } = parseHTML(
      `<html><body><p>abcd</p><script>${'x'.repeat(1000)}</script><div><p>efgh</p></div><p>ijkl</p></body></html>`,
    );
    const root = document.documentElement as unknown as Element;
    // 12 for "abcd", then 4 characters 4 deep leave room for 2 of "efgh": 12 + 8 = 20.
    expect(capText(root, 20)).toBe(6);
    expect(root.textContent).toBe(`abcd${'x'.repeat(1000)}ef`);
    expect(document.querySelector('script')?.textContent).toHaveLength(1000);
  });

  it('leaves a page under the limit alone', () => {
    const { document } = parseHTML('<html><body><p>One <b>two</b></p></body></html>');
    expect(capText(document.documentElement as unknown as Element)).toBe(0);
    expect(document.body.innerHTML).toBe('<p>One <b>two</b></p>');
  });
});
