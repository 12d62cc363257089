// The stylesheet, kept as a string module so that it is served the same way from the
// sources (tsx, vitest) and from dist after `npm run build`, with no copy step.
// Colours meet WCAG AA contrast in both schemes; state is never shown by colour alone.

export const STYLE = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #111827; --muted: #4b5563; --line: #d1d5db; --soft: #f3f4f6;
  --accent: #1d4ed8; --focus: #b45309; --warn-bg: #fef3c7; --warn-line: #b45309;
  --bar: #2563eb; --copy: #6b7280;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #111827; --fg: #f3f4f6; --muted: #b6bcc6; --line: #374151; --soft: #1f2937;
    --accent: #93c5fd; --focus: #fbbf24; --warn-bg: #422006; --warn-line: #fbbf24;
    --bar: #60a5fa; --copy: #9ca3af;
  }
}
* { box-sizing: border-box; }
body { font: 16px/1.55 system-ui, sans-serif; margin: 0; background: var(--bg); color: var(--fg); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible,
[tabindex]:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .4rem .8rem; z-index: 10; }
.skip:focus { left: .5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header.site { border-bottom: 1px solid var(--line); padding: .5rem 1rem; display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; }
header.site .brand { font-weight: 700; text-decoration: none; color: inherit; font-size: 1.1rem; }
header.site nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .9rem; margin: 0; padding: 0; }
header.site nav a { text-decoration: none; }
header.site nav a[aria-current=page] { font-weight: 700; text-decoration: underline; text-underline-offset: .3em; }
header.site form { margin-left: auto; }
.count { display: inline-block; min-width: 1.4em; padding: 0 .35em; border-radius: 1em; background: var(--accent); color: var(--bg); font-size: .8rem; text-align: center; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .6rem 0; }
h2 { font-size: 1.25rem; margin: 1.6rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
input, select, button { font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--muted); border-radius: 4px; padding: .25rem .45rem; }
button { cursor: pointer; background: var(--soft); }
input[type=search] { width: 18rem; max-width: 60vw; }
.meta { color: var(--muted); font-size: .875rem; }
mark { background: #fde68a; color: #111827; }
nav.pager { margin: 1rem 0; }
ol.articles { list-style: none; padding: 0; }
ol.articles li { padding: .55rem 0; border-bottom: 1px solid var(--line); }
article .body p { margin: 0 0 1em; }
article .body img { max-width: 100%; height: auto; }
aside { border-top: 1px solid var(--line); margin-top: 2rem; font-size: .9rem; }
form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; padding: .6rem .8rem; background: var(--soft); border-radius: 6px; }
form.filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
form.filters label > * { color: var(--fg); }
ol.stories { list-style: none; padding: 0; margin: 0; }
ol.stories > li { padding: .75rem 0; border-bottom: 1px solid var(--line); }
ol.stories h2 { font-size: 1.1rem; margin: 0 0 .2rem; }
ol.stories p { margin: .15rem 0; }
ul.chips { list-style: none; display: flex; flex-wrap: wrap; gap: .35rem; padding: 0; margin: .3rem 0 0; }
ul.chips a { display: inline-block; padding: 0 .5rem; border: 1px solid var(--line); border-radius: 1em; font-size: .85rem; text-decoration: none; }
.figures { font-variant-numeric: tabular-nums; }
.stat { display: inline-block; margin-right: 1rem; }
.stat strong { font-size: 1.15rem; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem 1rem; margin: .6rem 0; }
section.since { border: 2px solid var(--warn-line); background: var(--warn-bg); border-radius: 6px; padding: .3rem 1rem .6rem; }
section.since h2 { margin-top: .5rem; }
figure.chart { margin: .5rem 0 1rem; overflow-x: auto; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figure.chart figcaption { color: var(--muted); font-size: .85rem; }
svg .axis { stroke: var(--line); }
svg text { fill: var(--muted); font: 11px system-ui, sans-serif; }
svg .bar { fill: var(--bar); }
svg .mark { fill: var(--bar); stroke: var(--bar); }
svg .mark.copy { fill: var(--bg); stroke: var(--copy); stroke-width: 2; }
svg a:focus-visible .mark, svg a:hover .mark { stroke: var(--focus); stroke-width: 3; }
svg .row { stroke: var(--line); stroke-dasharray: 2 3; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
thead th { border-bottom: 2px solid var(--line); }
tbody.disputed { border-left: 4px solid var(--warn-line); }
tbody.disputed th { background: var(--warn-bg); }
.badge { display: inline-block; padding: 0 .4rem; border-radius: 3px; font-size: .78rem; font-weight: 700; border: 1px solid currentColor; }
.badge.disputed { color: var(--fg); background: var(--warn-bg); border-color: var(--warn-line); }
ul.flags { margin: .3rem 0 1rem; padding-left: 1.2rem; font-size: .9rem; }
ul.quotes { padding-left: 1.2rem; }
ul.quotes li { margin: .25rem 0; }
ol.timeline { padding-left: 1.2rem; }
ol.timeline li { margin: .2rem 0; }
.copy-of { font-size: .8rem; border: 1px dashed var(--copy); border-radius: 3px; padding: 0 .3rem; color: var(--muted); }
.more { margin: .4rem 0 1rem; }
`;
