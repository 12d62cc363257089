// The home page: stories, most recently active first, with their coverage counts, latest
// change and top entities; filtered by a plain GET form (time, source, entity). The list
// sits in a live region that /assets/live.js refreshes from `?fragment=list` when the
// server announces new stories; without the script it is an ordinary page.
import { html } from 'hono/html';
import { readStoryCursor, type Store, storyCursor } from '../store/index.js';
import type { StoryListItem, StoryListOptions } from '../store/story-repo.js';
import { firstRunPanel } from './first-run.js';
import { counted, positiveInt, queryString, shownTime, timeTag } from './format.js';
import { type Html, layout } from './layout.js';

/** Stories per page: a screenful or two, and cheap to render. */
const PAGE_SIZE = 30;
/** Entities offered in the filter's menu: the most mentioned, enough to find the big names. */
const ENTITY_CHOICES = 40;
const WINDOWS: Record<string, { label: string; ms: number }> = {
  '24h': { label: 'Last 24 hours', ms: 24 * 3600_000 },
  '7d': { label: 'Last 7 days', ms: 7 * 24 * 3600_000 },
  '30d': { label: 'Last 30 days', ms: 30 * 24 * 3600_000 },
};
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Coverage thresholds offered: one outlet more than a lone report, up to a wide story. */
const OUTLET_CHOICES = ['2', '3', '5'];

/** What `store.stories.list` is asked for. */
export type StoryListQuery = StoryListOptions;

/** The filter form's values as the user gave them (echoed back into the form). */
export interface StoryFilterForm {
  window: string;
  since: string;
  until: string;
  source: string;
  entity: string;
  /** "2" or more: only stories several outlets covered; "" for all. */
  outlets: string;
}

/** Reads the filter form from a query: what to show in the form, and what to ask the store. */
export function readStoryFilters(
  q: Record<string, string | undefined>,
  now = new Date(),
): { form: StoryFilterForm; query: StoryListQuery } {
  const pick = (key: string) => (q[key] ?? '').trim();
  const form: StoryFilterForm = {
    window: pick('window') in WINDOWS ? pick('window') : '',
    since: DAY.test(pick('since')) ? pick('since') : '',
    until: DAY.test(pick('until')) ? pick('until') : '',
    source: pick('source'),
    entity: positiveInt(pick('entity')) ? pick('entity') : '',
    outlets: OUTLET_CHOICES.includes(pick('outlets')) ? pick('outlets') : '',
  };
  const query: StoryListQuery = { limit: PAGE_SIZE };
  const windowed = WINDOWS[form.window];
  if (windowed) query.since = new Date(now.getTime() - windowed.ms).toISOString();
  if (form.since) query.since = `${form.since}T00:00:00.000Z`;
  if (form.until) query.until = `${form.until}T23:59:59.999Z`;
  if (form.source) query.sourceKey = form.source;
  if (form.entity) query.entityId = Number(form.entity);
  if (form.outlets) query.minSources = Number(form.outlets);
  const before = pick('before');
  // Only a cursor or an ISO time pages stories (an old article-list link may carry a numeric id).
  const { time, id } = readStoryCursor(before);
  if (/^\d{4}-\d{2}-\d{2}/.test(time) && !Number.isNaN(Date.parse(time))) {
    const iso = new Date(time).toISOString();
    query.before = id === null ? iso : storyCursor({ lastSeen: iso, id });
  }
  return { form, query };
}

interface StoriesData {
  form: StoryFilterForm;
  query: StoryListQuery;
  items: StoryListItem[];
  sources: Array<{ key: string; name: string }>;
  entities: Array<{ id: number; name: string }>;
  articles: number;
  /** An empty store with no feeds: greet the user instead of listing. */
  firstRun?: boolean;
}

/** Loads what the stories page shows for a request's query. */
export async function loadStories(
  store: Store,
  q: Record<string, string | undefined>,
): Promise<StoriesData> {
  const { form, query } = readStoryFilters(q);
  const items: StoryListItem[] = await store.stories.list(query);
  const sources = (await store.sources.list()).filter((s) => s.articles > 0);
  const entities = (await store.entities.list({ limit: ENTITY_CHOICES })).map(({ id, name }) => ({
    id,
    name,
  }));
  const chosen = query.entityId;
  if (chosen && !entities.some((e) => e.id === chosen)) {
    const entity = await store.entities.get(chosen);
    if (entity) entities.unshift({ id: entity.id, name: entity.name });
  }
  return { form, query, items, sources, entities, articles: await store.articles.count() };
}

function storyItem(s: StoryListItem) {
  const latest = s.latest;
  const entities = s.topEntities ?? [];
  return html`<li>
<h2><a href="/stories/${s.id}">${s.title ?? `Story ${s.id}`}</a></h2>
<p class="meta">${counted(s.articles, 'article')} · ${counted(s.sources, 'outlet')} · ${counted(s.independent, 'independent report')} · ${timeTag(s.firstSeen)} – ${timeTag(s.lastSeen)}</p>
${
  latest
    ? html`<p>Latest: <a href="/articles/${latest.articleId}">${latest.title ?? `Article ${latest.articleId}`}</a> <span class="meta">${latest.source}${latest.published ? ` · ${shownTime(latest.published)}` : ''}</span></p>`
    : ''
}
${
  entities.length > 0
    ? html`<ul class="chips" aria-label="Top entities">${entities.map(
        (e) => html`<li><a href="/entities/${e.id}">${e.name}</a></li>`,
      )}</ul>`
    : ''
}
</li>`;
}

/** The list and its pager: the part live.js swaps in when stories change. */
export function storyListFragment(data: StoriesData): Html {
  const { items, form, query } = data;
  if (items.length === 0) {
    return html`<p>No stories match these filters. <a href="/">Show all stories</a>.</p>`;
  }
  const last = items.at(-1);
  const next = items.length === query.limit && last ? storyCursor(last) : undefined;
  return html`<ol class="stories">${items.map(storyItem)}</ol>
${next ? html`<nav class="pager" aria-label="Pages"><a href="/${queryString({ ...form, before: next })}" rel="next">Older stories →</a></nav>` : ''}`;
}

function option(value: string, label: string, selected: string) {
  return html`<option value="${value}"${value === selected ? html` selected` : ''}>${label}</option>`;
}

function filterForm(data: StoriesData) {
  const { form } = data;
  return html`<form class="filters" method="get" action="/" aria-label="Filter stories">
<label>Time<select name="window">${option('', 'Any time', form.window)}${Object.entries(WINDOWS).map(([k, w]) => option(k, w.label, form.window))}</select></label>
<label>From<input type="date" name="since" value="${form.since}"></label>
<label>To<input type="date" name="until" value="${form.until}"></label>
<label>Source<select name="source">${option('', 'All sources', form.source)}${data.sources.map((s) => option(s.key, s.name, form.source))}</select></label>
<label>Entity<select name="entity">${option('', 'Any entity', form.entity)}${data.entities.map((e) => option(String(e.id), e.name, form.entity))}</select></label>
<label>Covered by<select name="outlets">${option('', 'any number of outlets', form.outlets)}${OUTLET_CHOICES.map((n) => option(n, `${n} or more outlets`, form.outlets))}</select></label>
<button type="submit">Filter</button>
</form>`;
}

/** The whole stories page. */
export function storiesPage(data: StoriesData): Html {
  if (data.firstRun) return layout('Welcome', firstRunPanel(), '', { nav: 'stories' });
  // Only the first page follows the news live: a later page would shift under the reader.
  const live = data.query.before ? '' : 'stories articles';
  const fragment = `/${queryString({ ...data.form, fragment: 'list' })}`;
  return layout(
    'Stories',
    html`<h1>Stories</h1>
${filterForm(data)}
<div id="story-list" data-live="${live}" data-fragment="${fragment}">${storyListFragment(data)}</div>
<p class="meta"><a href="/articles">All articles</a> · keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>/</kbd> search</p>`,
    '',
    { nav: 'stories' },
  );
}
