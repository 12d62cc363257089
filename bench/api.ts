// bench:api — p50 and p95 latency of the API's read endpoints (article list, search, one
// story, one article, and the web pages a reader opens) on a store of at least 100,000
// articles (see api-store.ts).
//
// Requests go in-process through createApp({store}).request(), the same Hono app the
// server runs: the machine is shared and noisy, and this measures our code (routing,
// validation, queries, assembly, JSON) rather than the kernel's sockets. Each endpoint is
// warmed up, then measured in interleaved rounds with varied parameters, so that a noisy
// moment falls on every endpoint rather than on one.
//
//   npm run -s bench:api -- [--rebuild] [--articles N] [--requests N] [--only ENDPOINT]
import { resolve } from 'node:path';
import { createApp } from '../src/api/app.js';
import { seededRandom } from '../src/core/seeded-random.js';
import type { Store } from '../src/store/index.js';
import { openApiStore } from './api-store.js';

/** Requests per endpoint before measuring: JIT, statement cache and page cache warm up. */
const WARMUP = 20;
/** Measured rounds; each endpoint gets requests/ROUNDS per round. */
const ROUNDS = 3;
/** Each sampled pool is this large, so one request rarely repeats another exactly. */
const POOL = 300;

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const target = Number(option('--articles') ?? 100_000);
const requests = Number(option('--requests') ?? 300);
const only = option('--only');
const random = seededRandom(7);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

interface Endpoint {
  name: string;
  next(): string;
}

/** Every live story with its size, largest first (paged through the repository). */
async function allStories(store: Store): Promise<Array<{ id: number; articles: number }>> {
  const out: Array<{ id: number; articles: number }> = [];
  let before: string | undefined;
  for (;;) {
    const page = await store.stories.list({ limit: 200, before });
    out.push(...page.map((s) => ({ id: s.id, articles: s.articles })));
    if (page.length < 200) break;
    before = page.at(-1)!.lastSeen;
  }
  return out.sort((a, b) => b.articles - a.articles);
}

/**
 * Search terms from the store itself: the most mentioned entities (common, many matches),
 * names mentioned in random articles (mostly rare), and words of random titles, some as
 * two-word queries and some entity names as quoted phrases.
 */
async function searchTerms(store: Store, maxId: number): Promise<string[]> {
  const terms = (await store.entities.list({ limit: 60 })).map((e) => e.name);
  for (let i = 0; terms.length < POOL && i < POOL * 10; i++) {
    const id = 1 + Math.floor(random() * maxId);
    const mentions = await store.annotations.mentions(id);
    if (mentions.length > 0) {
      const name = pick(mentions).entity;
      terms.push(name.includes(' ') && random() < 0.5 ? `"${name}"` : name);
    }
    const words = ((await store.articles.get(id))?.title ?? '').toLowerCase().match(/\p{L}{4,}/gu);
    if (words) terms.push(random() < 0.7 ? pick(words) : `${pick(words)} ${pick(words)}`);
  }
  return terms;
}

interface Sample {
  url: string;
  ms: number;
}

/** The nearest-rank percentile of samples sorted by time. */
function percentile(sorted: Sample[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]?.ms ?? Number.NaN;
}

const round1 = (ms: number) => Math.round(ms * 10) / 10;

async function main(): Promise<void> {
  const opened = await openApiStore({
    cacheDir: resolve('.bench-cache'),
    target,
    rebuild: argv.includes('--rebuild'),
  });
  const { store } = opened;
  const stats = await store.stats();
  console.log(
    `store ${opened.path}: ${stats.articles} articles, ${stats.sources} sources, ` +
      `${((stats.databaseBytes ?? 0) / 1048576).toFixed(0)} MB; ` +
      `${opened.reused ? 'reused, built' : 'built'} in ${opened.buildSeconds?.toFixed(0) ?? '?'} s`,
  );

  const setup = performance.now();
  const maxId = (await store.articles.list({ limit: 1 }))[0]?.id ?? 0;
  const stories = await allStories(store);
  const storyArticles = stories.reduce((n, s) => n + s.articles, 0);
  const terms = await searchTerms(store, maxId);
  const storyTimes = (await store.stories.list({ limit: POOL })).map((s) => s.lastSeen);
  // Entities as a reader meets them: the most mentioned, linked from every story.
  const entityIds = (await store.entities.list({ limit: POOL })).map((e) => e.id);
  console.log(
    `samples: ${stories.length} stories (largest ${stories[0]?.articles ?? 0} articles), ` +
      `${terms.length} search terms, in ${((performance.now() - setup) / 1000).toFixed(1)} s`,
  );

  // A story drawn with probability by size: what a reader following a random article's
  // story link meets. The largest stories are also requested in every round.
  const weightedStory = () => {
    let r = random() * storyArticles;
    for (const s of stories) {
      r -= s.articles;
      if (r < 0) return s.id;
    }
    return stories[0]!.id;
  };
  const largest = stories.slice(0, 5).map((s) => s.id);
  let storyCalls = 0;
  const limits = [20, 50, 100];
  const endpoints: Endpoint[] = [
    {
      name: 'list',
      next: () => {
        const limit = pick(limits);
        return random() < 0.3
          ? `/api/articles?limit=${limit}`
          : `/api/articles?limit=${limit}&before=${1 + Math.floor(random() * maxId)}`;
      },
    },
    { name: 'search', next: () => `/api/search?q=${encodeURIComponent(pick(terms))}` },
    {
      name: 'story',
      // Every tenth request is one of the five largest stories, in turn.
      next: () => {
        const i = storyCalls++;
        return `/api/stories/${i % 10 === 0 ? largest[(i / 10) % largest.length] : weightedStory()}`;
      },
    },
    { name: 'article', next: () => `/api/articles/${1 + Math.floor(random() * maxId)}` },
    {
      name: 'story_list',
      next: () =>
        random() < 0.3
          ? '/api/stories'
          : `/api/stories?before=${encodeURIComponent(pick(storyTimes))}`,
    },
    // The web pages over the same store: what a reader waits for, beyond the JSON.
    {
      name: 'page_stories',
      next: () => (random() < 0.3 ? '/' : `/?before=${encodeURIComponent(pick(storyTimes))}`),
    },
    { name: 'page_story', next: () => `/stories/${weightedStory()}` },
    { name: 'page_search', next: () => `/search?q=${encodeURIComponent(pick(terms))}` },
    { name: 'page_article', next: () => `/articles/${1 + Math.floor(random() * maxId)}` },
    { name: 'page_entity', next: () => `/entities/${pick(entityIds)}` },
  ].filter((e) => !only || e.name === only);

  // One caller making thousands of requests a minute: the per-token rate limit would turn
  // most of them into 429s, so it is lifted (its cost per request is still measured).
  const app = createApp({ store, options: { rateLimitPerMinute: 1e9 } });
  const errors = new Map<string, number>();
  const call = async (e: Endpoint): Promise<Sample> => {
    const url = e.next();
    const start = performance.now();
    const res = await app.request(url);
    await res.arrayBuffer();
    const ms = performance.now() - start;
    if (res.status !== 200) {
      errors.set(e.name, (errors.get(e.name) ?? 0) + 1);
      if ((errors.get(e.name) ?? 0) <= 3) console.log(`  ${url}: HTTP ${res.status}`);
    }
    return { url, ms };
  };
  for (const e of endpoints) for (let i = 0; i < WARMUP; i++) await call(e);
  const samples = new Map<string, Sample[][]>(endpoints.map((e) => [e.name, []]));
  const perRound = Math.ceil(requests / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    for (const e of endpoints) {
      const got: Sample[] = [];
      for (let i = 0; i < perRound; i++) got.push(await call(e));
      samples.get(e.name)!.push(got);
    }
  }

  const p50: Record<string, number> = {};
  const p95: Record<string, number> = {};
  for (const e of endpoints) {
    const rounds = samples.get(e.name)!;
    const all = rounds.flat().sort((a, b) => a.ms - b.ms);
    p50[e.name] = round1(percentile(all, 0.5));
    p95[e.name] = round1(percentile(all, 0.95));
    const byRound = rounds.map((r) =>
      round1(
        percentile(
          [...r].sort((a, b) => a.ms - b.ms),
          0.95,
        ),
      ),
    );
    const failed = errors.has(e.name) ? `; ${errors.get(e.name)} errors` : '';
    console.log(
      `${e.name.padEnd(10)} p50 ${p50[e.name]} ms  p95 ${p95[e.name]} ms  ` +
        `(${all.length} requests; p95 by round ${byRound.join(' / ')}${failed})`,
    );
    // The slowest requests name what to profile next.
    const slowest = all.slice(-3).reverse();
    console.log(`  slowest: ${slowest.map((x) => `${x.url} ${round1(x.ms)} ms`).join(', ')}`);
  }
  await store.close();
  if (errors.size > 0) {
    // Latencies of error answers say nothing about the endpoints: fail rather than report them.
    console.error(`bench:api: requests failed: ${JSON.stringify(Object.fromEntries(errors))}`);
    process.exitCode = 1;
    return;
  }
  console.log(
    JSON.stringify({
      articles: stats.articles,
      p50_ms: p50,
      p95_ms: p95,
      requests_per_endpoint: perRound * ROUNDS,
      stories: stories.length,
      largest_story_articles: stories[0]?.articles ?? 0,
      store_build_s: opened.buildSeconds === null ? null : Math.round(opened.buildSeconds),
      store_reused: opened.reused,
      database_mb: Math.round((stats.databaseBytes ?? 0) / 1048576),
    }),
  );
}

await main();
