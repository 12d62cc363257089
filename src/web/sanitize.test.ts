import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from './sanitize.js';

describe('sanitizeArticleHtml', () => {
  it('removes scripts, handlers, frames and javascript: links', () => {
    const hostile = `<p onclick="steal()">Hi<script>alert(1)</script></p>
      <img src="x" onerror="alert(2)"><img src="javascript:alert(3)">
      <a href="javascript:alert(4)">x</a><a href="data:text/html,<script>">y</a>
      <iframe src="https://evil.example"></iframe><style>body{}</style>
      <svg><script>alert(5)</script></svg><form action="/x"><input></form>`;
    const safe = sanitizeArticleHtml(hostile);
    expect(safe).not.toMatch(/script|onclick|onerror|javascript:|iframe|<style|<svg|<form|<input|data:/i);
    expect(safe).toContain('<p>Hi</p>');
  });

  it('keeps article markup and makes links safe to follow', () => {
    const safe = sanitizeArticleHtml('<h1>T</h1><p>A <a href="https://example.org/x">link</a> and <em>emphasis</em>.</p>');
    expect(safe).toContain('<h2>T</h2>');
    expect(safe).toContain('<a href="https://example.org/x" rel="noopener noreferrer nofollow" target="_blank">link</a>');
    expect(safe).toContain('<em>emphasis</em>');
  });
});
