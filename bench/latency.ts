// What bench:api and bench:scale share: the request samples a reader would make of a store
// (search terms and stories drawn from the store itself), and nearest-rank percentiles of
// requests made in interleaved rounds through the Hono app the server runs.
import type { Hono } from 'hono';
import type { Store } from '../src/store/index.js';

/** Each sampled pool is this large, so one request rarely repeats another exactly. */
export const POOL = 300;

export interface Sampler {
  random: () => number;
  pick<T>(items: readonly T[]): T;
}

export function sampler(random: () => number): Sampler {
  return { random, pick: (items) => items[Math.floor(random() * items.length)]! };
}

/** Every live story with its size, largest first (paged through the repository). */
export async function allStories(store: Store): Promise<Array<{ id: number; articles: number }>> {
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
export async function searchTerms(
  store: Store,
  maxId: number,
  { random, pick }: Sampler,
): Promise<string[]> {
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

/** A story drawn with probability by size: what a reader following a random article's story link meets. */
export function weightedStory(
  stories: Array<{ id: number; articles: number }>,
  random: () => number,
): number {
  const total = stories.reduce((n, s) => n + s.articles, 0);
  let r = random() * total;
  for (const s of stories) {
    r -= s.articles;
    if (r < 0) return s.id;
  }
  return stories[0]!.id;
}

export interface Endpoint {
  name: string;
  next(): string;
}

export interface Sample {
  url: string;
  ms: number;
}

/** The nearest-rank percentile of samples sorted by time. */
export function percentile(sorted: Sample[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]?.ms ?? Number.NaN;
}

export const round1 = (ms: number) => Math.round(ms * 10) / 10;

export interface Measured {
  /** Per endpoint, each round's samples. */
  samples: Map<string, Sample[][]>;
  /** Non-200 answers per endpoint. */
  errors: Map<string, number>;
}

/**
 * Warms each endpoint up, then requests them in interleaved rounds, so that a noisy
 * moment of a shared machine falls on every endpoint rather than on one.
 */
export async function measure(
  app: Hono,
  endpoints: Endpoint[],
  options: { warmup: number; rounds: number; requests: number },
): Promise<Measured> {
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
  for (const e of endpoints) for (let i = 0; i < options.warmup; i++) await call(e);
  const samples = new Map<string, Sample[][]>(endpoints.map((e) => [e.name, []]));
  const perRound = Math.ceil(options.requests / options.rounds);
  for (let round = 0; round < options.rounds; round++) {
    for (const e of endpoints) {
      const got: Sample[] = [];
      for (let i = 0; i < perRound; i++) got.push(await call(e));
      samples.get(e.name)!.push(got);
    }
  }
  return { samples, errors };
}

/** p50 and p95 of every endpoint's samples, and the p95 of each round. */
export function summarize(samples: Sample[][]): {
  p50: number;
  p95: number;
  byRound: number[];
  slowest: Sample[];
  count: number;
} {
  const all = samples.flat().sort((a, b) => a.ms - b.ms);
  return {
    p50: round1(percentile(all, 0.5)),
    p95: round1(percentile(all, 0.95)),
    byRound: samples.map((r) =>
      round1(
        percentile(
          [...r].sort((a, b) => a.ms - b.ms),
          0.95,
        ),
      ),
    ),
    slowest: all.slice(-3).reverse(),
    count: all.length,
  };
}
