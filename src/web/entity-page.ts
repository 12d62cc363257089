// Entities: a list with a type filter and a name search, and one entity's page with its
// quotes, the figures it is the source of, the stories it appears in and its aliases, which
// people edit here (add an alias, split one off, merge into another entity).

import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import { timeLabel } from '../core/time-label.js';
import type { EntityType, Hedge } from '../core/types.js';
import { claimsBy, quotesBy, storiesWith } from '../store/entity-activity.js';
import type { EntityDetail, EntitySummary, Store } from '../store/index.js';
import { sentenceHref } from '../stories/anchors.js';
import { figureText } from './article-page.js';
import { layout } from './layout.js';
import {
  day,
  formText,
  meta,
  notFoundBody,
  notice,
  type PageDeps,
  positiveInt,
  TYPE_NAMES,
  writeGuard,
} from './page-kit.js';

/** Entities per list page, and quotes, claims and stories per entity page. */
const LIST_SIZE = 100;
const ACTIVITY_SIZE = 50;

/** The entity list, filtered by type and name. */
export function entityListPage(items: EntitySummary[], type: string, query: string) {
  const types = Object.entries(TYPE_NAMES) as Array<[EntityType, string]>;
  return layout(
    'Entities',
    html`<h1>Entities</h1>
<form class="filters" method="get" action="/entities">
<label>Name <input type="search" name="q" value="${query}"></label>
<label>Type <select name="type"><option value="">any</option>${types.map(
      ([key, name]) =>
        html`<option value="${key}"${key === type ? ' selected' : ''}>${name}</option>`,
    )}</select></label>
<button type="submit">Filter</button></form>
${
  items.length === 0
    ? html`<p>No entities match.</p>`
    : html`<table class="entities"><thead><tr><th scope="col">name</th><th scope="col">type</th><th scope="col">mentions</th><th scope="col">articles</th></tr></thead><tbody>${items.map(
        (e) =>
          html`<tr><td><a href="/entities/${e.id}">${e.name}</a></td><td>${TYPE_NAMES[e.type] ?? e.type}</td><td>${e.mentions}</td><td>${e.articles}</td></tr>`,
      )}</tbody></table>`
}`,
  );
}

async function entityBody(store: Store, entity: EntityDetail) {
  const db = store.db.kysely;
  const [quotes, claims, stories] = [
    await quotesBy(db, entity.id, ACTIVITY_SIZE),
    await claimsBy(db, entity.id, ACTIVITY_SIZE),
    await storiesWith(db, entity.id, ACTIVITY_SIZE),
  ];
  const source = (r: {
    articleId: number;
    title: string | null;
    source: string;
    published: string | null;
  }) =>
    html`<a href="/articles/${r.articleId}">${r.title ?? `Article ${r.articleId}`}</a> ${meta(r.source, r.published)}`;
  return html`<h1>${entity.name} <span class="meta">${TYPE_NAMES[entity.type] ?? entity.type}</span></h1>
<p class="meta">${entity.mentions} mentions in ${entity.articles} articles</p>
<section aria-labelledby="stories-h"><h2 id="stories-h">Stories</h2>${
    stories.length === 0
      ? html`<p class="meta">In no story yet.</p>`
      : html`<ul>${stories.map(
          (s) =>
            html`<li><a href="/stories/${s.id}">${s.title ?? `Story ${s.id}`}</a> <span class="meta">${s.mentioning} of ${s.articles} articles · last seen ${day(s.lastSeen)}</span></li>`,
        )}</ul>`
  }</section>
<section aria-labelledby="quotes-h"><h2 id="quotes-h">Quotes</h2>${
    quotes.length === 0
      ? html`<p class="meta">No quotes attributed to ${entity.name}.</p>`
      : html`<ul class="quotes">${quotes.map(
          (q) =>
            html`<li><a class="evidence" href="${sentenceHref(q.articleId, q.text, q.start)}">${q.text.slice(q.start, q.end)}</a>
<span class="meta">${q.kind}${q.cueStart !== null && q.cueEnd !== null ? html`, “${q.text.slice(q.cueStart, q.cueEnd)}”` : ''}</span><br>${source(q)}</li>`,
        )}</ul>`
  }</section>
<section aria-labelledby="claims-h"><h2 id="claims-h">Figures it is the source of</h2>${
    claims.length === 0
      ? html`<p class="meta">No figures sourced to ${entity.name}.</p>`
      : html`<table><thead><tr><th scope="col">figure</th><th scope="col">counts</th><th scope="col">when</th><th scope="col">article</th></tr></thead><tbody>${claims.map(
          (c) =>
            html`<tr><td><a href="${sentenceHref(c.articleId, c.text, c.start)}">${figureText({ ...c, hedge: c.hedge as Hedge | null })}</a></td><td>${c.subject}</td><td>${timeLabel(c.time)}</td><td>${source(c)}</td></tr>`,
        )}</tbody></table>`
  }</section>
${aliasesSection(entity)}`;
}

function aliasesSection(entity: EntityDetail) {
  return html`<section aria-labelledby="aliases-h"><h2 id="aliases-h">Aliases</h2>
<ul class="aliases">${entity.aliases.map(
    (a) =>
      html`<li>${a.alias} <span class="meta">${a.source === 'user' ? 'added by a person' : 'found'}</span>${
        entity.aliases.length > 1
          ? html` <form class="inline" method="post" action="/entities/${entity.id}/split">
<input type="hidden" name="alias" value="${a.alias}"><button type="submit">Split off</button></form>`
          : ''
      }</li>`,
  )}</ul>
<form method="post" action="/entities/${entity.id}/aliases"><label>Add an alias <input name="alias" required></label> <button type="submit">Add alias</button></form>
<form method="post" action="/entities/${entity.id}/merge"><label>Merge into (entity number or exact name) <input name="into" required></label> <button type="submit">Merge</button>
<span class="meta">Every mention, quote and figure of ${entity.name} moves to the other entity.</span></form>
</section>`;
}

/** The entity to merge into: a number is an id, else a name or alias of the same type. */
async function mergeTarget(
  store: Store,
  entity: EntityDetail,
  into: string,
): Promise<number | null> {
  const id = positiveInt(into);
  if (id) return (await store.entities.get(id)) ? id : null;
  const byAlias = await store.entities.findByAlias(into, entity.type);
  if (byAlias !== null) return byAlias;
  const named = await store.entities.list({ limit: 20, query: into });
  return named.find((e) => e.name.toLowerCase() === into.toLowerCase())?.id ?? null;
}

async function showEntity(
  c: Context,
  store: Store,
  id: number,
  message?: ReturnType<typeof notice>,
) {
  const entity = await store.entities.get(id);
  if (!entity) return c.html(layout('Not found', notFoundBody('entity')), 404);
  return c.html(
    layout(entity.name, html`${message ?? ''}${await entityBody(store, entity)}`),
    message ? 400 : 200,
  );
}

/** Registers /entities, /entities/:id and the alias, split and merge forms. */
export function mountEntityPage(app: Hono, deps: PageDeps): void {
  const { store } = deps;
  app.get('/entities', async (c) => {
    const type = c.req.query('type') ?? '';
    const query = (c.req.query('q') ?? '').trim();
    const known = type in TYPE_NAMES ? type : '';
    const items = await store.entities.list({
      limit: LIST_SIZE,
      type: known || undefined,
      query: query || undefined,
    });
    return c.html(entityListPage(items, known, query));
  });

  app.get('/entities/:id', async (c) => showEntity(c, store, positiveInt(c.req.param('id')) ?? 0));

  const guard = writeGuard(deps);
  app.post('/entities/:id/aliases', guard, async (c) => {
    const id = positiveInt(c.req.param('id')) ?? 0;
    const { alias } = await formText(c);
    if (!(await store.entities.get(id))) return showEntity(c, store, id);
    if (!alias) return showEntity(c, store, id, notice('error', 'Type the alias to add.'));
    await store.transaction((repos) => repos.entities.addAlias(id, alias, 'user'));
    return c.redirect(`/entities/${id}`, 303);
  });

  app.post('/entities/:id/split', guard, async (c) => {
    const id = positiveInt(c.req.param('id')) ?? 0;
    const { alias } = await formText(c);
    const entity = await store.entities.get(id);
    if (!entity) return showEntity(c, store, id);
    if (!alias || !entity.aliases.some((a) => a.alias === alias)) {
      return showEntity(
        c,
        store,
        id,
        notice('error', `${entity.name} has no alias “${alias ?? ''}”.`),
      );
    }
    const created = await store.transaction((repos) => repos.entities.split(id, alias));
    return c.redirect(`/entities/${created}`, 303);
  });

  app.post('/entities/:id/merge', guard, async (c) => {
    const id = positiveInt(c.req.param('id')) ?? 0;
    const { into } = await formText(c);
    const entity = await store.entities.get(id);
    if (!entity) return showEntity(c, store, id);
    const target = into ? await mergeTarget(store, entity, into) : null;
    if (target === null || target === id) {
      return showEntity(
        c,
        store,
        id,
        notice('error', `No other entity is called “${into ?? ''}”.`),
      );
    }
    await store.transaction((repos) => repos.entities.merge(id, target));
    return c.redirect(`/entities/${target}`, 303);
  });
}
