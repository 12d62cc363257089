// The store bench:api measures: at least 100,000 articles, analyzed and placed in stories by
// the real pipeline, cached under .bench-cache/ because it takes minutes to build.
//
// The real articles (Reuters-21578, PolNeAR, open-news: about 19,900 once ingest has
// dropped empty records and same-source duplicates) are ingested as a user would, then
// analyzed by analyzePending. Replays make up the rest: the same records with distinct
// ids, urls and outlets (a replay's text must not collide with its original's within one
// source) and publish dates shifted by whole multiples of 28 years. The Gregorian calendar
// repeats every 28 years between 1901 and 2099, so a replay's weekdays and leap days match
// its original's, and "Tuesday" or "last week" resolve to the original's dates moved by the
// same years. That is why a replay can take its original's annotations instead of being
// analyzed again (analysis is the slow stage: about 240 Reuters or 40 PolNeAR articles a
// second on this machine); they are stored through AnnotationRepo.replace, like the
// analyzer's own. Story assignment then runs over everything, oldest first, as it would
// after a bulk import.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANALYZER_VERSION, analyzeArticle } from '../src/analyze/index.js';
import type { Annotations, Article, TimeExpr } from '../src/core/types.js';
import { normalizeDate } from '../src/extract/normalize-date.js';
import { createFetcher } from '../src/ingest/fetch/index.js';
import { createLogger } from '../src/main.js';
import { analyzePending, sharedModels } from '../src/pipeline/analyze.js';
import type { PipelineContext, ProgressEvent } from '../src/pipeline/context.js';
import { ingestInputs } from '../src/pipeline/ingest.js';
import { assignStories } from '../src/pipeline/stories.js';
import { openStore, type Store } from '../src/store/index.js';
import { DATA_DIR } from '../src/test-support/index.js';
import { readJsonl } from './jsonl.js';

/** Bump when the way the store is built changes, so an old cache is not reused. */
const BUILD_VERSION = 1;
/**
 * Year shifts of the replays, in order: steps of 28 years (one calendar cycle), kept
 * inside 1901–2099 for every dataset (Reuters 1987, PolNeAR 2015–16, open-news 2004–23).
 */
const REPLAY_YEARS = [-28, 28, -56, 56, -84, 84];
/** Records per replay file: small enough that the store ends close to the target. */
const REPLAY_CHUNK = 2_000;
/** Articles whose annotations are copied per transaction. */
const COPY_BATCH = 500;

interface Dataset {
  name: string;
  file: string;
  /** The record as replayed `years` later under replay number `k`. */
  replay(r: Record<string, unknown>, k: number, years: number): Record<string, unknown>;
}

/** An ISO date or time moved by whole years ("2016-03-11" → "2044-03-11"). */
function shiftIso(value: unknown, years: number): string | null {
  if (typeof value !== 'string' || !/^\d{4}-/.test(value)) return null;
  return String(Number(value.slice(0, 4)) + years).padStart(4, '0') + value.slice(4);
}

const DATASETS: Dataset[] = [
  {
    name: 'reuters21578',
    file: 'reuters21578/articles.jsonl',
    // No outlet field: the ingest's fallback source names the replay.
    replay: (r, k, years) => ({
      ...r,
      newid: `${r.newid}-r${k}`,
      date: shiftIso(normalizeDate(r.date), years),
    }),
  },
  {
    name: 'polnear',
    file: 'polnear/articles.jsonl',
    replay: (r, k, years) => ({
      ...r,
      filename: `${r.filename}-r${k}`,
      publication_date: shiftIso(r.publication_date, years),
      publisher: `${r.publisher} (replay ${k})`,
    }),
  },
  {
    name: 'open-news',
    file: 'open-news/articles.jsonl',
    // A url names the source by its host, so the replay gets a host of its own.
    replay: (r, k, years) => ({
      ...r,
      id: `${r.id}-r${k}`,
      published: shiftIso(r.published, years),
      source: `${r.source} (replay ${k})`,
      url: typeof r.url === 'string' ? r.url.replace('://', `://replay-${k}.`) : r.url,
    }),
  },
];

export interface ApiStore {
  store: Store;
  path: string;
  /** Seconds the build took (read back from the cache's note when it was reused). */
  buildSeconds: number | null;
  reused: boolean;
}

/** Opens the cached benchmark store, building or finishing it first when needed. */
export async function openApiStore(options: {
  cacheDir: string;
  target: number;
  rebuild: boolean;
}): Promise<ApiStore> {
  const path = join(options.cacheDir, `api-${options.target}-v${BUILD_VERSION}.db`);
  const notePath = `${path}.json`;
  const remove = () => {
    for (const f of [path, `${path}-wal`, `${path}-shm`, notePath]) rmSync(f, { force: true });
  };
  mkdirSync(options.cacheDir, { recursive: true });
  if (options.rebuild) remove();
  let store = await openStore(path);
  if ((await state(store, options.target)) === 'complete') {
    const note = existsSync(notePath) ? JSON.parse(readFileSync(notePath, 'utf8')) : {};
    return { store, path, buildSeconds: note.buildSeconds ?? null, reused: true };
  }
  const start = performance.now();
  const st = await state(store, options.target);
  if (st === 'partial') {
    console.log(`${path} is incomplete: building it again`);
    await store.close();
    remove();
    store = await openStore(path);
  }
  if (st !== 'placing') await build(store, options);
  else console.log(`${path}: finishing story assignment`);
  await place(store);
  const buildSeconds = (performance.now() - start) / 1000;
  writeFileSync(notePath, JSON.stringify({ buildSeconds, builtAt: new Date().toISOString() }));
  return { store, path, buildSeconds, reused: false };
}

/** How far a build got: stories are the last stage, and the only one that resumes here. */
async function state(
  store: Store,
  target: number,
): Promise<'empty' | 'partial' | 'placing' | 'complete'> {
  const stats = await store.stats();
  if (stats.articles === 0) return 'empty';
  if (stats.articles < target || stats.analyzedArticles < stats.articles) return 'partial';
  return (await store.stories.pendingArticleIds(1)).length > 0 ? 'placing' : 'complete';
}

/** Progress lines at most every few seconds, with the rate since the phase began. */
function progressPrinter(): (e: ProgressEvent) => void {
  let phase = '';
  let began = 0;
  let printed = 0;
  return (e) => {
    const now = performance.now();
    if (e.phase !== phase) [phase, began, printed] = [e.phase, now, 0];
    if (now - printed < 5_000) return;
    printed = now;
    const rate = e.done / Math.max((now - began) / 1000, 1e-3);
    console.log(`  ${e.phase}: ${e.done}/${e.total} (${rate.toFixed(0)}/s)`);
  };
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const value = await work();
  console.log(`${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return value;
}

async function build(store: Store, options: { cacheDir: string; target: number }): Promise<void> {
  const fetcher = createFetcher({});
  const ctx: PipelineContext = {
    store,
    fetcher,
    log: createLogger('warn'),
    pollIntervalMinutes: 30,
    onProgress: progressPrinter(),
  };
  try {
    const files = DATASETS.map((d) => join(DATA_DIR, d.file));
    const real = await timed('ingest real articles', () => ingestInputs(files, ctx));
    console.log(`  ${real.added} added, ${real.duplicates} duplicates, ${real.skipped} skipped`);
    await timed('analyze real articles (analyzePending)', () => analyzePending(ctx));
    const lastOriginal = (await store.articles.list({ limit: 1 }))[0]?.id ?? 0;
    // One line per replay is enough; the chunks' own progress would be noise.
    const quiet = { ...ctx, onProgress: undefined };
    await timed('ingest replays', () => ingestReplays(quiet, options));
    await timed('annotate replays from their originals', () =>
      copyAnnotations(store, lastOriginal),
    );
  } finally {
    await fetcher.close();
  }
}

/** Ingests replays chunk by chunk, through the real JSONL ingest, until the target is met. */
async function ingestReplays(
  ctx: PipelineContext,
  options: { cacheDir: string; target: number },
): Promise<void> {
  const file = join(options.cacheDir, 'replay.jsonl');
  const records = DATASETS.map((d) => readJsonl(join(DATA_DIR, d.file)));
  try {
    for (const [i, years] of REPLAY_YEARS.entries()) {
      for (const [d, dataset] of DATASETS.entries()) {
        const all = records[d]!;
        for (let at = 0; at < all.length; at += REPLAY_CHUNK) {
          if ((await ctx.store.articles.count()) >= options.target) return;
          const chunk = all
            .slice(at, at + REPLAY_CHUNK)
            .map((r) => dataset.replay(r, i + 1, years));
          writeFileSync(file, `${chunk.map((r) => JSON.stringify(r)).join('\n')}\n`);
          await ingestInputs([file], ctx, { source: `${dataset.name} (replay ${i + 1})` });
        }
      }
      console.log(
        `  replay ${i + 1} (${years} years): ${await ctx.store.articles.count()} articles`,
      );
    }
    throw new Error(`bench:api: the replays cannot reach ${options.target} articles`);
  } finally {
    rmSync(file, { force: true });
  }
}

/** Times moved by the replay's years, except years the text itself names ("in 1985"). */
function shiftTimes(times: TimeExpr[], years: number): TimeExpr[] {
  if (years === 0) return times;
  return times.map((t) => ({
    ...t,
    value: t.value.replace(/(^|\/)(\d{4})/g, (all, lead: string, year: string) =>
      t.text.includes(year) ? all : lead + String(Number(year) + years),
    ),
  }));
}

/** The stored annotations of an original, in the analyzer's shape, for replace(). */
async function annotationsOf(store: Store, article: Article): Promise<Annotations> {
  const mentions = await store.annotations.mentions(article.id);
  // A speaker or claim source names its entity the way the mentions do, so that replace()
  // links the replay's quote to the same stored entity.
  const names = new Map(mentions.map((m) => [m.entityId, m.entity]));
  const quotes = (await store.annotations.quotes(article)).map(({ speakerEntityId, ...q }) => ({
    ...q,
    speaker: { ...q.speaker, name: names.get(speakerEntityId) ?? q.speaker.name },
  }));
  const claims = (await store.annotations.claims(article.id)).map(({ sourceEntityId, ...c }) => ({
    ...c,
    source: names.get(sourceEntityId) ?? c.source,
  }));
  const entities = mentions.map(({ entityId: _, ...m }) => m);
  return { entities, quotes, claims, times: await store.annotations.times(article.id) };
}

const yearOf = (iso: string | null) => (iso ? Number(iso.slice(0, 4)) : 0);

/** Gives every unanalyzed replay its original's annotations, times shifted by its years. */
async function copyAnnotations(store: Store, lastOriginal: number): Promise<void> {
  const originals = new Map<string, Article>();
  for (let after = 0; after < lastOriginal; ) {
    const page = (await store.articles.page(after, 1000)).filter((a) => a.id <= lastOriginal);
    if (page.length === 0) break;
    for (const a of page) if (!originals.has(a.text)) originals.set(a.text, a);
    after = page.at(-1)!.id;
  }
  const cache = new Map<number, Annotations>();
  let done = 0;
  let analyzed = 0;
  const start = performance.now();
  for (;;) {
    const ids = await store.articles.idsNeedingAnalysis(ANALYZER_VERSION, COPY_BATCH);
    if (ids.length === 0) break;
    const work: Array<{ id: number; found: Annotations }> = [];
    for (const article of await store.articles.getMany(ids)) {
      const original = originals.get(article.text);
      if (!original) {
        // Not expected (a replay's text is its original's); analyze it rather than skip it.
        analyzed++;
        work.push({ id: article.id, found: analyzeArticle(article, sharedModels()) });
        continue;
      }
      let found = cache.get(original.id);
      if (!found) {
        found = await annotationsOf(store, original);
        cache.set(original.id, found);
      }
      const years = yearOf(article.published) - yearOf(original.published);
      work.push({ id: article.id, found: { ...found, times: shiftTimes(found.times, years) } });
    }
    await store.transaction(async (repos) => {
      for (const w of work) await repos.annotations.replace(w.id, ANALYZER_VERSION, w.found);
    });
    done += ids.length;
    const rate = done / ((performance.now() - start) / 1000);
    if (done % 10_000 < COPY_BATCH) console.log(`  annotated ${done} (${rate.toFixed(0)}/s)`);
  }
  console.log(`  annotated ${done} replays (${analyzed} had no original and were analyzed)`);
}

/** Places every article in a story with the real pipeline stage. */
async function place(store: Store): Promise<void> {
  await timed('assign stories (assignStories)', () =>
    assignStories({ store, onProgress: progressPrinter() }),
  );
}
