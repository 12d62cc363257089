// Story clustering at scale: how fast articles are assigned to stories with 100,000 articles
// already stored. The real articles are Reuters-21578 (21,578 wire stories, 1987) and
// PolNeAR (1,012 US political articles, 2015–16), about 22.6k; to reach the stored count
// they are replayed with distinct ids and publish times shifted by whole decades (each
// replay 30 years after the one before), so a replay never shares a week with another.
// Features (the analyze stage's entities and times, then articleFeatures) are built once
// per real article and timed apart; assignment (StoryClusterer.add) is what the 500/s
// target is about. One process, one thread: the rates printed are per core.
//
//   npm run -s bench:story-speed -- [--stored N] [--batch N] [--limit N]
import { join } from 'node:path';
import { analyzeArticle } from '../src/analyze/index.js';
import { sharedModels } from '../src/pipeline/analyze.js';
import { StoryClusterer } from '../src/stories/clusterer.js';
import { type ArticleFeatures, articleFeatures } from '../src/stories/features.js';
import { loadStoryModel } from '../src/stories/model.js';
import { normalizeDate } from '../src/extract/normalize-date.js';
import { DATA_DIR } from '../src/test-support/index.js';
import { numberOption } from './args.js';
import { readJsonl } from './jsonl.js';

/** Replays are this many years apart: more than the real articles span (1987–2016). */
const REPLAY_YEARS = 30;
const YEAR_MS = 365.25 * 86_400_000;
/** Assignments between progress lines while the store fills. */
const REPORT_EVERY = 20_000;

const stored = numberOption('--stored', 100_000);
const batch = numberOption('--batch', 2_000);
const limit = numberOption('--limit', Number.POSITIVE_INFINITY);

interface RawArticle {
  id: string;
  title: string | null;
  text: string;
  published: string | null;
}

function readArticles(): RawArticle[] {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
  const reuters = readJsonl(join(DATA_DIR, 'reuters21578/articles.jsonl')).map((r) => ({
    id: `reuters-${str(r.newid)}`,
    title: str(r.title),
    text: [str(r.dateline), str(r.body)].filter(Boolean).join(' '),
    published: normalizeDate(r.date),
  }));
  const polnear = readJsonl(join(DATA_DIR, 'polnear/articles.jsonl')).map((r) => ({
    id: `polnear-${str(r.filename)}`,
    title: str(r.title),
    text: str(r.text) ?? '',
    published: str(r.publication_date),
  }));
  return [...reuters, ...polnear]
    .filter((a) => a.text.trim() || a.title)
    .sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''));
}

/** The k-th replay of an article: its own id, published k × REPLAY_YEARS later. */
function replay(doc: ArticleFeatures, k: number): ArticleFeatures {
  if (k === 0) return doc;
  return {
    ...doc,
    id: `${doc.id}#${k}`,
    published: doc.published === null ? null : doc.published + k * REPLAY_YEARS * YEAR_MS,
  };
}

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(0)} MB`;
}

function main(): void {
  const raw = readArticles().slice(0, limit);
  const models = sharedModels();
  const t0 = performance.now();
  const docs = raw.map((a) => articleFeatures(a, analyzeArticle(a, models)));
  const featureS = (performance.now() - t0) / 1000;
  const featureRate = docs.length / featureS;
  console.log(
    `features: ${docs.length} real articles (Reuters-21578 + PolNeAR) in ${featureS.toFixed(1)} s, ` +
      `${featureRate.toFixed(0)} articles/s (analyze stage's entities and times + articleFeatures, 1 core)`,
  );

  const stream: ArticleFeatures[] = [];
  for (let k = 0; stream.length < stored + batch; k++) {
    for (const d of docs) {
      if (stream.length >= stored + batch) break;
      stream.push(replay(d, k));
    }
  }
  const replays = Math.ceil((stored + batch) / docs.length);
  console.log(
    `stream: ${stored} stored + ${batch} measured = ${docs.length} real articles replayed ${replays}× ` +
      `(distinct ids, publish times shifted by ${REPLAY_YEARS}-year steps)`,
  );

  const clusterer = new StoryClusterer({ model: loadStoryModel() });
  let peakRss = process.memoryUsage().rss;
  let fillStart = performance.now();
  let lap = fillStart;
  for (let i = 0; i < stored; i++) {
    clusterer.add(stream[i]!);
    if ((i + 1) % REPORT_EVERY === 0) {
      const now = performance.now();
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      console.log(
        `  stored ${i + 1}: ${(REPORT_EVERY / ((now - lap) / 1000)).toFixed(0)} articles/s over the last ${REPORT_EVERY}, ` +
          `${clusterer.allStories().length} stories, RSS ${mb(process.memoryUsage().rss)}`,
      );
      lap = now;
    }
  }
  const fillS = (performance.now() - fillStart) / 1000;
  fillStart = performance.now();
  const refined = clusterer.refine();
  const refineS = (performance.now() - fillStart) / 1000;
  console.log(
    `filled ${stored} in ${fillS.toFixed(1)} s (${(stored / fillS).toFixed(0)} articles/s); ` +
      `refine moved ${refined.moves.length} and merged ${refined.merges.length} in ${refineS.toFixed(1)} s`,
  );

  const start = performance.now();
  for (let i = stored; i < stored + batch; i++) clusterer.add(stream[i]!);
  const assignS = (performance.now() - start) / 1000;
  const refineStart = performance.now();
  clusterer.refine();
  const batchRefineS = (performance.now() - refineStart) / 1000;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const assignRate = batch / assignS;
  console.log(
    `assign: ${batch} articles with ${stored} stored in ${assignS.toFixed(2)} s = ` +
      `${assignRate.toFixed(0)} articles/s per core (1 core); refine after the batch ${batchRefineS.toFixed(2)} s; ` +
      `${clusterer.allStories().length} stories; peak RSS ${mb(peakRss)}`,
  );
  console.log(
    JSON.stringify({
      stored,
      batch,
      real_articles: docs.length,
      assign_articles_per_s: Math.round(assignRate),
      assign_with_refine_articles_per_s: Math.round(batch / (assignS + batchRefineS)),
      feature_articles_per_s: Math.round(featureRate),
      peak_rss_mb: Math.round(peakRss / 1048576),
    }),
  );
}

main();
