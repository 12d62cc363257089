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
import { openApiStore } from './api-store.js';
import { flag, option } from './args.js';
import {
  allStories,
  type Endpoint,
  measure,
  POOL,
  round1,
  sampler,
  searchTerms,
  summarize,
  weightedStory,
} from './latency.js';

/** Requests per endpoint before measuring: JIT, statement cache and page cache warm up. */
const WARMUP = 20;
/** Measured rounds; each endpoint gets requests/ROUNDS per round. */
const ROUNDS = 3;

const target = Number(option('--articles') ?? 100_000);
const requests = Number(option('--requests') ?? 300);
const only = option('--only');
const sample = sampler(seededRandom(7));
const { random, pick } = sample;

async function main(): Promise<void> {
  const opened = await openApiStore({
    cacheDir: resolve('.bench-cache'),
    target,
    rebuild: flag('--rebuild'),
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
  const terms = await searchTerms(store, maxId, sample);
  const storyTimes = (await store.stories.list({ limit: POOL })).map((s) => s.lastSeen);
  // Entities as a reader meets them: the most mentioned, linked from every story.
  const entityIds = (await store.entities.list({ limit: POOL })).map((e) => e.id);
  console.log(
    `samples: ${stories.length} stories (largest ${stories[0]?.articles ?? 0} articles), ` +
      `${terms.length} search terms, in ${((performance.now() - setup) / 1000).toFixed(1)} s`,
  );

  // The largest stories are also requested in every round.
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
        return `/api/stories/${i % 10 === 0 ? largest[(i / 10) % largest.length] : weightedStory(stories, random)}`;
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
    { name: 'page_story', next: () => `/stories/${weightedStory(stories, random)}` },
    { name: 'page_search', next: () => `/search?q=${encodeURIComponent(pick(terms))}` },
    { name: 'page_article', next: () => `/articles/${1 + Math.floor(random() * maxId)}` },
    { name: 'page_entity', next: () => `/entities/${pick(entityIds)}` },
  ].filter((e) => !only || e.name === only);

  // One caller making thousands of requests a minute: the per-token rate limit would turn
  // most of them into 429s, so it is lifted (its cost per request is still measured).
  const app = createApp({ store, options: { rateLimitPerMinute: 1e9 } });
  const { samples, errors } = await measure(app, endpoints, {
    warmup: WARMUP,
    rounds: ROUNDS,
    requests,
  });

  const p50: Record<string, number> = {};
  const p95: Record<string, number> = {};
  for (const e of endpoints) {
    const m = summarize(samples.get(e.name)!);
    p50[e.name] = m.p50;
    p95[e.name] = m.p95;
    const failed = errors.has(e.name) ? `; ${errors.get(e.name)} errors` : '';
    console.log(
      `${e.name.padEnd(10)} p50 ${m.p50} ms  p95 ${m.p95} ms  ` +
        `(${m.count} requests; p95 by round ${m.byRound.join(' / ')}${failed})`,
    );
    // The slowest requests name what to profile next.
    console.log(`  slowest: ${m.slowest.map((x) => `${x.url} ${round1(x.ms)} ms`).join(', ')}`);
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
      requests_per_endpoint: Math.ceil(requests / ROUNDS) * ROUNDS,
      stories: stories.length,
      largest_story_articles: stories[0]?.articles ?? 0,
      store_build_s: opened.buildSeconds === null ? null : Math.round(opened.buildSeconds),
      store_reused: opened.reused,
      database_mb: Math.round((stats.databaseBytes ?? 0) / 1048576),
    }),
  );
}

await main();
