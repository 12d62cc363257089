// Full-text search with facets. Every facet value is a link that adds its filter to the
// URL (or removes it when already applied), so the page works, pages and bookmarks without
// any script.
import type { Hono } from 'hono';
import { html } from 'hono/html';
import type { ArticleFilters, SearchFacets, SearchHit, Store } from '../store/index.js';
import { RANK_WINDOW } from '../store/search.js';
import { layout } from './layout.js';
import { leadLine, meta, positiveInt, snippet, type PageDeps, TYPE_NAMES } from './page-kit.js';

/** Results per page: a screenful or two of snippets. */
const PAGE_SIZE = 20;

/** The search as the URL states it. */
export interface SearchState {
  q: string;
  source?: string;
  /** A publish month, "2024-10". */
  month?: string;
  entity?: number;
  story?: number;
  page: number;
}

type FilterKey = 'source' | 'month' | 'entity' | 'story';

/** Reads the search from query parameters, dropping values that are not well formed. */
export function searchState(query: (name: string) => string | undefined): SearchState {
  const month = query('month');
  return {
    q: (query('q') ?? '').trim(),
    source: query('source')?.trim() || undefined,
    month: month && /^\d{4}-\d{2}$/.test(month) ? month : undefined,
    entity: positiveInt(query('entity')),
    story: positiveInt(query('story')),
    // Past the ranked window there is nothing to show, and no offset overflows.
    page: Math.min(positiveInt(query('page')) ?? 1, Math.ceil(RANK_WINDOW / PAGE_SIZE)),
  };
}

/** The URL of a search, with one filter changed; any change goes back to page 1. */
export function searchHref(state: SearchState, change: Partial<SearchState> = {}): string {
  const next = { ...state, page: 1, ...change };
  const params = new URLSearchParams({ q: next.q });
  for (const key of ['source', 'month', 'entity', 'story'] as const) {
    const value = next[key];
    if (value !== undefined) params.set(key, String(value));
  }
  if (next.page > 1) params.set('page', String(next.page));
  return `/search?${params}`;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The store filters a search state stands for. */
export function searchFilters(state: SearchState): ArticleFilters {
  return {
    sourceKey: state.source,
    since: state.month ? `${state.month}-01` : undefined,
    until: state.month ? `${nextMonth(state.month)}-01` : undefined,
    entityId: state.entity,
    storyId: state.story,
  };
}

interface FacetValue {
  value: string | number;
  label: string;
  count: number;
}

function facetList(state: SearchState, key: FilterKey, title: string, values: FacetValue[]) {
  if (values.length === 0) return '';
  return html`<section class="facet" aria-labelledby="facet-${key}"><h3 id="facet-${key}">${title}</h3><ul>${values.map(
    (v) => {
      const on = String(state[key]) === String(v.value);
      const href = searchHref(state, { [key]: on ? undefined : v.value });
      return html`<li><a href="${href}"${on ? html` class="on" aria-current="true"` : ''}>${on ? '✓ ' : ''}${v.label}</a> <span class="meta">${v.count}</span></li>`;
    },
  )}</ul></section>`;
}

function facetsPanel(state: SearchState, f: SearchFacets) {
  return html`<nav class="facets" aria-label="Narrow the results">
${facetList(
  state,
  'source',
  'Source',
  f.sources.map((s) => ({ value: s.key, label: s.name, count: s.count })),
)}
${facetList(
  state,
  'month',
  'Month',
  f.months.map((m) => ({ value: m.month, label: m.month, count: m.count })),
)}
${facetList(
  state,
  'entity',
  'Entity',
  f.entities.map((e) => ({
    value: e.id,
    label: `${e.name} (${TYPE_NAMES[e.type as 'PER'] ?? e.type})`,
    count: e.count,
  })),
)}
${facetList(
  state,
  'story',
  'Story',
  f.stories.map((s) => ({ value: s.id, label: s.title ?? `Story ${s.id}`, count: s.count })),
)}
</nav>`;
}

/** Applied filters, each with a link that removes it. */
async function appliedFilters(store: Store, state: SearchState) {
  const applied: Array<{ key: FilterKey; label: string }> = [];
  if (state.source) applied.push({ key: 'source', label: `source: ${state.source}` });
  if (state.month) applied.push({ key: 'month', label: `month: ${state.month}` });
  if (state.entity) {
    const e = await store.entities.get(state.entity);
    applied.push({ key: 'entity', label: `entity: ${e?.name ?? state.entity}` });
  }
  if (state.story) {
    const s = await store.stories.get(state.story);
    applied.push({ key: 'story', label: `story: ${s?.title ?? state.story}` });
  }
  if (applied.length === 0) return '';
  return html`<p class="applied">Filtered by ${applied.map(
    (a) =>
      html`<a class="chip" href="${searchHref(state, { [a.key]: undefined })}" aria-label="Remove filter ${a.label}">${a.label} ✕</a> `,
  )}</p>`;
}

function resultList(state: SearchState, hits: SearchHit[], more: boolean, facets: SearchFacets) {
  const from = (state.page - 1) * PAGE_SIZE;
  return html`<p class="meta">${facets.capped ? `More than ${facets.counted}` : facets.counted} matching articles${
    hits.length > 0 ? `; showing ${from + 1}–${from + hits.length}` : ''
  }</p>
<ol class="articles" start="${from + 1}">${hits.map(
    (h) =>
      html`<li><a href="/articles/${h.id}">${h.title ?? leadLine(h.lead)}</a><br>${meta(h.source, h.published)}${
        h.storyId ? html` · <a class="meta" href="/stories/${h.storyId}">story</a>` : ''
      }<br><span class="snippet">${snippet(h.snippet)}</span></li>`,
  )}</ol>
<nav class="pager" aria-label="Result pages">${
    state.page > 1
      ? html`<a href="${searchHref(state, { page: state.page - 1 })}" rel="prev">← Better matches</a> `
      : ''
  }${more ? html`<a href="${searchHref(state, { page: state.page + 1 })}" rel="next">More results →</a>` : ''}</nav>`;
}

/** Registers GET /search. */
export function mountSearchPage(app: Hono, { store }: PageDeps): void {
  app.get('/search', async (c) => {
    const state = searchState((name) => c.req.query(name));
    if (state.q === '') {
      return c.html(
        layout(
          'Search',
          html`<h1>Search</h1><p>Type words, "a phrase", OR, or -word to exclude.</p>`,
        ),
      );
    }
    const filters = searchFilters(state);
    const { hits: found, facets } = await store.searchWithFacets(state.q, {
      ...filters,
      limit: PAGE_SIZE + 1,
      offset: (state.page - 1) * PAGE_SIZE,
    });
    const hits = found.slice(0, PAGE_SIZE);
    const body = html`<h1>Search: ${state.q}</h1>
${await appliedFilters(store, state)}
${
  hits.length === 0
    ? html`<p>No articles match <strong>${state.q}</strong>${
        facets.counted > 0 || Object.values(filters).some(Boolean) ? ' with these filters' : ''
      }.</p>`
    : html`<div class="search-grid">${facetsPanel(state, facets)}<div class="results">${resultList(
        state,
        hits,
        found.length > PAGE_SIZE,
        facets,
      )}</div></div>`
}`;
    return c.html(layout(`Search: ${state.q}`, body, state.q));
  });
}
