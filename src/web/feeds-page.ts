// The feeds page: every feed with its status, last error, error count, next poll and items;
// forms to add a feed, import OPML, poll now, ingest a URL and upload files; and the
// starter list of public world-news feeds, added only when the user asks for it.
import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import type { FeedRow } from '../store/index.js';
import { STARTER_FEEDS } from '../ingest/starter-feeds.js';
import { DROP_JS } from './drop-zone.js';
import { layout } from './layout.js';
import { day, notice, type PageDeps } from './page-kit.js';
import { type ActionResult, mountFeedActions } from './feeds-actions.js';

/** How a feed stands, in words: what a reader needs before the details. */
export function feedStatus(f: FeedRow): { label: string; failing: boolean } {
  if (f.errorCount > 0) {
    return {
      label: `Failing: ${f.errorCount} fetch${f.errorCount === 1 ? '' : 'es'} in a row went wrong`,
      failing: true,
    };
  }
  if (!f.lastPolledAt) return { label: 'Not fetched yet', failing: false };
  return { label: 'OK', failing: false };
}

function when(iso: string | null): string {
  return iso ? `${day(iso)} ${iso.slice(11, 16)} UTC` : '—';
}

function feedRow(f: FeedRow) {
  const status = feedStatus(f);
  return html`<tr class="${status.failing ? 'failing' : ''}">
<th scope="row"><a href="${f.siteUrl ?? f.url}" rel="noopener noreferrer nofollow">${f.title ?? f.url}</a>${f.title ? html`<br><span class="meta url">${f.url}</span>` : ''}</th>
<td>${status.failing ? html`<strong class="bad">${status.label}</strong>` : status.label}${
    f.lastError
      ? html`<br><span class="error">Could not fetch this feed: ${f.lastError}</span>`
      : ''
  }</td>
<td>${when(f.lastPolledAt)}</td><td>${when(f.nextPollAt)}</td><td>${f.itemCount}</td>
<td><form method="post" action="/feeds/${f.id}/poll"><button type="submit" aria-label="Poll now: ${f.title ?? f.url}">Poll now</button></form></td>
</tr>`;
}

/** A plain sentence when no feed at all could be fetched: most likely there is no network. */
function networkNote(feeds: readonly FeedRow[]) {
  const polled = feeds.filter((f) => f.lastPolledAt);
  if (polled.length === 0 || polled.some((f) => f.errorCount === 0)) return '';
  return notice(
    'error',
    'None of the feeds could be fetched. If this computer is offline, sitrep keeps retrying each feed on its own schedule; the reason for each is below.',
  );
}

/** The forms that bring articles in; the first-run panel shows them too. */
export function ingestForms(prefix = 'ingest') {
  return html`<div class="ingest-forms">
<form method="post" action="/feeds" class="card"><h3 id="${prefix}-feed">Add a feed</h3>
<label>Feed or site URL <input type="url" name="url" required placeholder="https://example.org/feed.xml"></label>
<button type="submit">Add feed</button></form>
<form method="post" action="/feeds/opml" enctype="multipart/form-data" class="card"><h3>Import OPML</h3>
<label>Subscription list (.opml) <input type="file" name="file" accept=".opml,.xml,text/xml,application/xml" required></label>
<button type="submit">Import</button></form>
<form method="post" action="/ingest/url" class="card"><h3>Paste a URL</h3>
<label>Article, feed or site URL <input type="url" name="url" required placeholder="https://example.org/news/story"></label>
<button type="submit">Ingest URL</button></form>
<form method="post" action="/ingest/files" enctype="multipart/form-data" class="card drop"><h3>Drop files</h3>
<label class="dropzone">Drop HTML, text, JSON, JSONL, feed or OPML files here, or choose them
<input type="file" name="files" multiple required accept=".html,.htm,.txt,.json,.jsonl,.ndjson,.xml,.rss,.atom,.opml,.gz"></label>
<label>Credit to source (optional) <input name="source" placeholder="e.g. Example News"></label>
<button type="submit">Upload</button></form>
</div>
<script src="/assets/drop.js" defer></script>`;
}

/** The starter list with the one button that adds it. */
export function starterOffer(known: ReadonlySet<string>) {
  const missing = STARTER_FEEDS.filter((f) => !known.has(f.url));
  if (missing.length === 0) return '';
  return html`<section class="starter card" aria-labelledby="starter-h"><h3 id="starter-h">Starter list: public world-news feeds</h3>
<p>Nothing is added until you choose it. These ${missing.length} feeds are fetched from the internet.</p>
<ul>${missing.map((f) => html`<li>${f.title} <span class="meta">${f.site}</span></li>`)}</ul>
<form method="post" action="/feeds/starter"><button type="submit">Add the starter feeds</button></form></section>`;
}

/** The feeds page, with the outcome of the form just sent when there is one. */
export async function feedsPage(deps: PageDeps, result?: ActionResult) {
  const feeds = await deps.store.feeds.list();
  const body = html`<h1>Feeds</h1>
${result ? result.body : ''}
${deps.pipeline ? '' : notice('error', 'Ingest is not set up on this server, so feeds cannot be fetched from here.')}
${networkNote(feeds)}
${
  feeds.length === 0
    ? html`<p>No feeds yet. Add one below, import an OPML list, or take the starter list.</p>`
    : html`<table class="feeds"><caption class="visually-hidden">Feeds and how their fetching goes</caption>
<thead><tr><th scope="col">feed</th><th scope="col">status and last error</th><th scope="col">last fetched</th><th scope="col">next poll</th><th scope="col">items</th><th scope="col"><span class="visually-hidden">actions</span></th></tr></thead>
<tbody>${feeds.map(feedRow)}</tbody></table>`
}
<section aria-labelledby="add-h"><h2 id="add-h">Bring articles in</h2>${ingestForms()}</section>
${starterOffer(new Set(feeds.map((f) => f.url)))}`;
  return layout('Feeds', body, '', { nav: 'feeds' });
}

/** Registers GET /feeds and the feed and ingest forms. */
export function mountFeedsPage(app: Hono, deps: PageDeps): void {
  const render = async (c: Context, result?: ActionResult) =>
    c.html(await feedsPage(deps, result), result?.status ?? 200);
  app.get('/feeds', (c) => render(c));
  app.get(
    '/assets/drop.js',
    () =>
      new Response(DROP_JS, {
        headers: {
          'content-type': 'text/javascript; charset=utf-8',
          'cache-control': 'max-age=3600',
        },
      }),
  );
  mountFeedActions(app, deps, render);
}
