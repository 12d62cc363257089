// The frame every page shares: a skip link, the header with the sections and the search
// box, a polite live region for announcements, and the one small script (pages work
// without it).
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The header's sections, in order; `nav` in LayoutOptions marks the current one. */
export type NavKey = 'stories' | 'search' | 'entities' | 'feeds' | 'watches';

const SECTIONS: Array<{ key: NavKey; href: string; label: string }> = [
  { key: 'stories', href: '/', label: 'Stories' },
  { key: 'search', href: '/search', label: 'Search' },
  { key: 'entities', href: '/entities', label: 'Entities' },
  { key: 'feeds', href: '/feeds', label: 'Feeds' },
  { key: 'watches', href: '/watches', label: 'Watches' },
];

export interface LayoutOptions {
  /** The section this page belongs to, marked aria-current in the header. */
  nav?: NavKey;
  /** Unread watch matches, shown beside Watches when above zero. */
  inbox?: number;
}

function navLink(section: (typeof SECTIONS)[number], options: LayoutOptions) {
  const current = options.nav === section.key ? html` aria-current="page"` : '';
  const unread =
    section.key === 'watches' && options.inbox
      ? html` <span class="count">${options.inbox}<span class="visually-hidden"> unread</span></span>`
      : '';
  return html`<li><a href="${section.href}"${current}>${section.label}</a>${unread}</li>`;
}

/** A whole page with the shared header, search box and live region. */
export function layout(title: string, body: Html, query = '', options: LayoutOptions = {}): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · sitrep</title>
<link rel="stylesheet" href="/assets/style.css">
<script src="/assets/live.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
  <a class="brand" href="/">sitrep</a>
  <nav aria-label="Sections"><ul>${SECTIONS.map((s) => navLink(s, options))}</ul></nav>
  <form action="/search" method="get" role="search">
    <input type="search" name="q" value="${query}" placeholder="Search articles" aria-label="Search articles">
  </form>
</header>
<main id="main" tabindex="-1">${body}</main>
<p id="live-status" class="visually-hidden" role="status" aria-live="polite"></p>
</body>
</html>`;
}
