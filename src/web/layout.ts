// The frame every page shares: plain, fast, readable, with no scripts.
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export const STYLE = `
:root { color-scheme: light dark; --muted: #6b7280; --line: #d1d5db; --accent: #1d4ed8; }
* { box-sizing: border-box; }
body { font: 16px/1.55 system-ui, sans-serif; margin: 0; }
header { border-bottom: 1px solid var(--line); padding: .6rem 1rem; display: flex; gap: 1rem; align-items: center; }
header a.brand { font-weight: 700; text-decoration: none; color: inherit; }
header form { margin-left: auto; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
input[type=search] { font: inherit; padding: .3rem .5rem; width: 18rem; max-width: 60vw; }
ol.articles { list-style: none; padding: 0; }
ol.articles li { padding: .55rem 0; border-bottom: 1px solid var(--line); }
.meta { color: var(--muted); font-size: .875rem; }
a { color: var(--accent); }
article .body p { margin: 0 0 1em; }
article .body img { max-width: 100%; height: auto; }
mark { background: #fde68a; }
nav.pager { margin: 1rem 0; }
aside { border-top: 1px solid var(--line); margin-top: 2rem; font-size: .9rem; }
`;

/** A whole page with the shared header and search box. */
export function layout(title: string, body: Html, query = ''): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · sitrep</title>
<link rel="stylesheet" href="/assets/style.css">
</head>
<body>
<header>
  <a class="brand" href="/">sitrep</a>
  <a href="/">Articles</a>
  <form action="/search" method="get" role="search">
    <input type="search" name="q" value="${query}" placeholder="Search articles" aria-label="Search articles">
  </form>
</header>
<main>${body}</main>
</body>
</html>`;
}
