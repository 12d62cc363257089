// The stored body HTML of our hostile page: reading markup stays, everything that could
// run or fetch goes.
import { describe, expect, it } from 'vitest';
import { capture, HOSTILE_HTML } from '../test-support/store.js';
import { extractCapture } from './index.js';
import { sanitizeBody } from './sanitize.js';

describe('sanitizeBody', () => {
  it('keeps paragraphs, emphasis and http links, and drops scripts, handlers, frames and images', () => {
    const html = sanitizeBody(
      `<p onclick="x()">One <b>two</b> <a href="https://a.example/" target="_blank" onmouseover="y()">link</a>
<a href="javascript:alert(1)">js</a> <a href="//evil.example/">protocol-relative</a></p>
<script>alert(1)</script><style>p{}</style><iframe src="https://evil.example/"></iframe>
<img src="https://evil.example/x.png" onerror="z()"><svg><script>alert(2)</script></svg>
<form action="https://evil.example/"><input name="q"></form><p style="color:red">Three</p>`,
    );
    expect(html).toBe(
      `<p>One <b>two</b> <a href="https://a.example/">link</a>\n<a>js</a> <a>protocol-relative</a></p>\n\n\n<p>Three</p>`,
    );
  });

  it('is what an extracted page stores', () => {
    const got = extractCapture(
      capture('html', 'https://news.example/a', HOSTILE_HTML, 'https://news.example/a'),
    );
    expect(got.ok).toBe(true);
    const html = got.ok ? (got.value.html ?? '') : '';
    expect(html).toContain('<p>The harbour reopened on Monday');
    expect(html).not.toMatch(/<script|<iframe|<img|onerror|onmouseover|javascript:/i);
  });
});
