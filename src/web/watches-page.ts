// Watches: saved queries (words, entity, story, source) with an optional signed webhook,
// and the inbox of the articles they matched, which the reader marks read.
import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import { WatchBody } from '../api/watch-routes.js';
import { checkWebhookUrl } from '../pipeline/watches.js';
import { canWrite, type InboxItem, type Store, type Watch } from '../store/index.js';
import { layout } from './layout.js';
import { formText, meta, notice, type PageDeps, positiveInt, writeGuard } from './page-kit.js';

/** Inbox lines per page. */
const INBOX_SIZE = 50;
/** Webhook deliveries shown per watch. */
const DELIVERIES_SHOWN = 5;

function criteria(w: Watch) {
  const parts = [
    w.words ? html`words <q>${w.words}</q>` : '',
    w.entityId
      ? html`entity <a href="/entities/${w.entityId}">${w.entityName ?? w.entityId}</a>`
      : '',
    w.storyId ? html`story <a href="/stories/${w.storyId}">${w.storyTitle ?? w.storyId}</a>` : '',
    w.sourceKey ? html`source ${w.sourceName ?? w.sourceKey}` : '',
  ].filter((p) => p !== '');
  return parts.length > 0
    ? html`${parts.map((p, i) => html`${i > 0 ? ' and ' : ''}${p}`)}`
    : 'every new article';
}

async function watchItem(store: Store, w: Watch, writer: boolean) {
  const deliveries = w.webhookUrl ? await store.watches.deliveries(w.id, DELIVERIES_SHOWN) : [];
  return html`<li class="watch"><h3><a href="/watches?watch=${w.id}">${w.name}</a>
<span class="meta">${w.matches} matches, ${w.unread} unread</span></h3>
<p>Matches ${criteria(w)}.</p>
${
  w.webhookUrl
    ? html`<details><summary>${writer ? html`Webhook to ${w.webhookUrl}` : 'Webhook'}</summary>
<p class="meta">Each delivery is signed: <code>X-Sitrep-Signature</code> is <code>sha256=</code> and the HMAC-SHA256, under this watch's secret, of the <code>X-Sitrep-Timestamp</code> value, a dot, and the body.</p>
${
  // The secret and the URL let anyone forge or read deliveries: writers only.
  writer
    ? html`<p><code class="secret">${w.secret}</code></p>`
    : html`<p class="meta">Sign in with a write token to see the secret and the URL.</p>`
}
${
  deliveries.length === 0
    ? html`<p class="meta">Nothing delivered yet.</p>`
    : html`<ul>${deliveries.map(
        (d) =>
          html`<li>${d.status} · ${d.articleCount} articles · ${d.attempts} attempts${
            d.lastError ? html` · <span class="error">${d.lastError}</span>` : ''
          }</li>`,
      )}</ul>`
}</details>`
    : ''
}
<div class="actions">
<form class="inline" method="post" action="/watches/${w.id}/read"><button type="submit">Mark all read</button></form>
<form class="inline" method="post" action="/watches/${w.id}/delete"><button type="submit">Delete ${w.name}</button></form>
</div></li>`;
}

function inboxLine(item: InboxItem) {
  return html`<li class="${item.read ? 'read' : 'unread'}">
${item.read ? '' : html`<strong class="badge">new</strong> `}<a href="/articles/${item.articleId}">${item.title ?? `Article ${item.articleId}`}</a>
<br>${meta(item.source, item.published)} <span class="meta">· ${item.watchName}</span>
${
  item.read
    ? ''
    : html`<form class="inline" method="post" action="/watches/${item.watchId}/read">
<input type="hidden" name="article" value="${item.articleId}"><button type="submit" aria-label="Mark read: ${item.title ?? `article ${item.articleId}`}">Mark read</button></form>`
}</li>`;
}

async function createForm(store: Store, prefill: Record<string, string | undefined>) {
  const sources = await store.sources.list();
  return html`<form method="post" action="/watches" class="card watch-form"><h2 id="new-watch">New watch</h2>
<p class="meta">Every field you fill in must hold for an article to match.</p>
<label>Name <input name="name" required value="${prefill.name ?? ''}"></label>
<label>Words <input name="words" value="${prefill.words ?? ''}" placeholder='ceasefire "aid convoy" -sport'></label>
<label>Entity (number or exact name) <input name="entity" value="${prefill.entity ?? ''}"></label>
<label>Story number <input name="story" inputmode="numeric" value="${prefill.story ?? ''}"></label>
<label>Source <select name="source"><option value="">any</option>${sources.map(
    (s) =>
      html`<option value="${s.key}"${s.key === prefill.source ? ' selected' : ''}>${s.name}</option>`,
  )}</select></label>
<label>Webhook URL (optional) <input type="url" name="webhook" value="${prefill.webhook ?? ''}" placeholder="https://example.org/hooks/sitrep"></label>
<button type="submit">Create watch</button></form>`;
}

/** The watches page: the form, every watch, and the inbox (one watch's, or all). */
async function watchesPage(c: Context, store: Store, message?: ReturnType<typeof notice>) {
  const watchId = positiveInt(c.req.query('watch'));
  const unreadOnly = c.req.query('unread') === '1';
  const before = positiveInt(c.req.query('before'));
  const watches = await store.watches.list();
  const inbox = await store.watches.inbox({ watchId, limit: INBOX_SIZE, before, unreadOnly });
  const shown = watchId ? watches.find((w) => w.id === watchId) : undefined;
  const filter = (w: number | undefined, unread: boolean) =>
    `/watches?${new URLSearchParams({ ...(w ? { watch: String(w) } : {}), ...(unread ? { unread: '1' } : {}) })}`;
  const unread = watches.reduce((n, w) => n + w.unread, 0);
  const body = html`<h1>Watches</h1>${message ?? ''}
<section aria-labelledby="inbox-h"><h2 id="inbox-h">Inbox${shown ? html`: ${shown.name}` : ''} <span class="meta">${unread} unread</span></h2>
<p class="meta">${shown ? html`<a href="${filter(undefined, unreadOnly)}">All watches</a> · ` : ''}${
    unreadOnly
      ? html`<a href="${filter(watchId, false)}">Show read too</a>`
      : html`<a href="${filter(watchId, true)}">Only unread</a>`
  }</p>
${
  inbox.length === 0
    ? html`<p>No matches yet. Watches match articles as they are ingested.</p>`
    : html`<ul class="inbox">${inbox.map(inboxLine)}</ul>${
        inbox.length === INBOX_SIZE
          ? html`<nav class="pager"><a rel="next" href="${filter(watchId, unreadOnly)}&before=${inbox.at(-1)?.id}">Older matches →</a></nav>`
          : ''
      }`
}</section>
<section aria-labelledby="watches-h"><h2 id="watches-h">Your watches</h2>${
    watches.length === 0
      ? html`<p>No watches yet.</p>`
      : html`<ul class="watches">${await Promise.all(watches.map((w) => watchItem(store, w, canWrite(c.get('principal')?.scope))))}</ul>`
  }</section>
${await createForm(store, { entity: c.req.query('entity'), story: c.req.query('story'), words: c.req.query('words') })}`;
  return layout('Watches', body, '', { nav: 'watches', inbox: unread });
}

/** The entity a form names: a number is an id, else an exact name. */
async function entityOf(
  store: Store,
  value: string | undefined,
): Promise<number | null | 'unknown'> {
  if (!value) return null;
  const id = positiveInt(value);
  if (id) return (await store.entities.get(id)) ? id : 'unknown';
  const named = await store.entities.list({ limit: 20, query: value });
  return named.find((e) => e.name.toLowerCase() === value.toLowerCase())?.id ?? 'unknown';
}

/** Registers /watches and its forms. */
export function mountWatchesPage(app: Hono, deps: PageDeps): void {
  const { store } = deps;
  const guard = writeGuard(deps);
  const refuse = async (c: Context, text: string) =>
    c.html(await watchesPage(c, store, notice('error', text)), 400);

  app.get('/watches', async (c) => c.html(await watchesPage(c, store)));

  app.post('/watches', guard, async (c) => {
    const f = await formText(c);
    if (!f.name) return refuse(c, 'Give the watch a name.');
    const entityId = await entityOf(store, f.entity);
    if (entityId === 'unknown') return refuse(c, `No entity is called “${f.entity}”.`);
    const storyId = positiveInt(f.story) ?? null;
    if (f.story && (!storyId || !(await store.stories.get(storyId))))
      return refuse(c, `There is no story ${f.story}.`);
    const badHook = f.webhook
      ? checkWebhookUrl(f.webhook, deps.options?.allowPrivate ?? false)
      : null;
    if (badHook) return refuse(c, `That webhook URL can't be used: ${badHook}.`);
    if (!f.words && entityId === null && storyId === null && !f.source) {
      return refuse(c, 'Fill in at least one of words, entity, story or source.');
    }
    // The API's own rules (lengths, words that can match, an http(s) URL) hold here too.
    const input = WatchBody.safeParse({
      name: f.name,
      words: f.words ?? null,
      entityId,
      storyId,
      sourceKey: f.source ?? null,
      webhookUrl: f.webhook ?? null,
    });
    if (!input.success) {
      return refuse(
        c,
        input.error.issues.map((i) => `${i.path.join(' ') || 'watch'}: ${i.message}`).join('; '),
      );
    }
    await store.watches.create(input.data);
    return c.redirect('/watches', 303);
  });

  app.post('/watches/:id/read', guard, async (c) => {
    const id = positiveInt(c.req.param('id')) ?? 0;
    const article = positiveInt((await formText(c)).article);
    await store.watches.markRead(id, article ? [article] : undefined);
    return c.redirect('/watches', 303);
  });

  app.post('/watches/:id/delete', guard, async (c) => {
    await store.watches.remove(positiveInt(c.req.param('id')) ?? 0);
    return c.redirect('/watches', 303);
  });
}
