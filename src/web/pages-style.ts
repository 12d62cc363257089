// The CSS of the article, entity, search, feeds, watches and first-run pages, appended to
// the shared stylesheet. Marks differ by line style and a label as well as colour, so
// they read without colour vision; tooltips show on hover and on keyboard focus.

export const PAGES_STYLE = `
.hl { position: relative; color: inherit; text-decoration-thickness: 2px; text-underline-offset: .2em; }
.hl.entity { text-decoration-line: underline; text-decoration-style: solid; text-decoration-color: #2563eb; }
.hl.entity.t-PER { text-decoration-color: #7c3aed; }
.hl.entity.t-LOC, .hl.entity.t-NORP { text-decoration-color: #047857; }
.hl.quote { background: rgba(253, 230, 138, .35); border-bottom: 2px dotted #b45309; }
.hl.claim { font-weight: 650; text-decoration-line: underline; text-decoration-style: double; text-decoration-color: #b91c1c; }
.hl.time { text-decoration-line: underline; text-decoration-style: dashed; text-decoration-color: #0e7490; }
p.legend .hl { padding: 0 .2rem; }
p.legend .hl.quote::before { content: none; }
.body .hl.quote:not(.cont)::before { content: "quote"; font-size: .65em; font-weight: 600; vertical-align: super; margin-right: .15em; color: var(--muted); }
.body .hl.claim:not(.cont)::before { content: "#"; font-size: .7em; vertical-align: super; color: var(--muted); }
.hl[data-tip]:is(:hover, :focus):not(:has(.hl:hover, .hl:focus))::after {
  content: attr(data-tip); white-space: pre-line; position: absolute; left: 0; top: 100%; z-index: 5;
  min-width: 14rem; max-width: 24rem; padding: .35rem .55rem; margin-top: .2rem;
  background: var(--fg); color: var(--bg); border-radius: 4px; font: 400 .8rem/1.4 system-ui, sans-serif;
  text-decoration: none; box-shadow: 0 2px 8px rgba(0, 0, 0, .3); pointer-events: none;
}
.body .s:target { background: var(--warn-bg); outline: 2px solid var(--warn-line); outline-offset: 2px; border-radius: 2px; }
.body .s:target::before { content: "▶ linked sentence "; font-size: .75rem; font-weight: 700; color: var(--fg); }
section.story-of, section.claims, section.quotes { border-top: 1px solid var(--line); margin-top: 1.5rem; }
ul.related { padding-left: 1.2rem; }
.notice { padding: .5rem .8rem; border-radius: 6px; border: 2px solid var(--line); }
.notice.ok { border-color: #15803d; }
.notice.ok::before { content: "✓ "; font-weight: 700; }
.notice.error { border-color: var(--warn-line); background: var(--warn-bg); }
.notice.error::before { content: "⚠ "; font-weight: 700; }
.error { color: inherit; font-size: .88rem; }
.bad { text-decoration: underline wavy var(--warn-line); }
tr.failing th { border-left: 4px solid var(--warn-line); }
.url { word-break: break-all; font-weight: 400; }
.card input[type=file] { max-width: 100%; }
.ingest-forms { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: .8rem; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .9rem .8rem; background: var(--bg); }
.card h3 { margin-top: .4rem; }
.card label, .watch-form label { display: block; margin: .3rem 0; font-size: .9rem; }
.card input:not([type=file]), .watch-form input, .watch-form select { width: 100%; }
.dropzone { border: 2px dashed var(--muted); border-radius: 6px; padding: 1rem; text-align: center; }
.dropzone.over { border-style: solid; border-color: var(--accent); background: var(--soft); }
.dropped { display: block; margin-top: .3rem; }
.dropzone input[type=file] { display: block; width: 100%; margin-top: .5rem; }
section.starter { margin-top: 1rem; }
form.inline { display: inline; }
.search-grid { display: grid; grid-template-columns: minmax(11rem, 15rem) 1fr; gap: 1.5rem; }
@media (max-width: 40rem) { .search-grid { grid-template-columns: 1fr; } }
nav.facets h3 { font-size: .95rem; margin: .8rem 0 .2rem; }
nav.facets ul { list-style: none; padding: 0; margin: 0; font-size: .9rem; }
nav.facets a.on { font-weight: 700; }
.chip { display: inline-block; padding: 0 .5rem; border: 1px solid var(--line); border-radius: 1em; font-size: .85rem; text-decoration: none; }
.snippet { font-size: .92rem; }
ul.inbox, ul.watches { list-style: none; padding: 0; }
ul.inbox li { padding: .45rem 0; border-bottom: 1px solid var(--line); }
ul.inbox li.unread { border-left: 4px solid var(--accent); padding-left: .5rem; }
li.watch { border-bottom: 1px solid var(--line); padding-bottom: .5rem; }
code.secret { word-break: break-all; font-size: .8rem; }
.first-run ol.steps li { margin: .2rem 0; }
`;
