// The first run: an empty store greets the user with the ways to bring news in, and offers
// the starter list of public world-news feeds, added only when the user chooses it.
import type { Hono } from 'hono';
import { html } from 'hono/html';
import type { Store } from '../store/index.js';
import { ingestForms, starterOffer } from './feeds-page.js';
import { layout } from './layout.js';
import type { PageDeps } from './page-kit.js';

/** True while the store holds no articles and no feeds: the time to show firstRunPanel. */
export async function isFirstRun(store: Store): Promise<boolean> {
  return (await store.articles.count()) === 0 && (await store.feeds.list()).length === 0;
}

/** The welcome panel for an empty store (the stories page shows it on first run). */
export function firstRunPanel() {
  return html`<section class="first-run" aria-labelledby="welcome-h">
<h1 id="welcome-h">Welcome to sitrep</h1>
<p>sitrep has no news yet. Bring some in any of these ways; it then groups articles into
stories and finds who said what, which figures were claimed, and where sources disagree.</p>
<ol class="steps">
<li><strong>Import OPML</strong>: the subscription list any feed reader can export.</li>
<li><strong>Add a feed</strong>: a feed's URL, or a news site's address and sitrep finds its feeds.</li>
<li><strong>Paste a URL</strong>: one article, fetched and read now.</li>
<li><strong>Drop files</strong>: saved pages, text, JSON or JSONL records, feeds.</li>
</ol>
${ingestForms('welcome')}
${starterOffer(new Set())}
</section>`;
}

/** Registers GET /welcome: the first-run panel at any time. */
export function mountFirstRunPage(app: Hono, _deps: PageDeps): void {
  app.get('/welcome', (c) => c.html(layout('Welcome', firstRunPanel())));
}
