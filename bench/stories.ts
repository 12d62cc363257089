// Story clustering quality and speed on a JSON Lines collection with gold clusters (ECB+
// documents or news articles), scored as ../shared/data/README.md says. Articles are
// clustered as one stream in seeded shuffled orders; rows without a cluster flow through
// the stream but are not scored.
//
// Figures printed:
// - all topics, with the committed model (models/stories/model.json, trained on ECB+
//   topics 1–22: in-sample on ECB+, out-of-domain on open-news);
// - topic-held-out, when the file has enough topics: the training procedure
//   (src/stories/train.ts) is run on odd-numbered topics and scored on even ones, and the
//   other way round, pair counts pooled;
// - speed: articles placed per second (feature extraction timed apart).
// The last line is one JSON object with the INTERFACES.md fields.
//
// With --threads the labels scored are threads (clusterer.threads(): stories of one
// long-running subject linked), for collections whose gold groups are topics, not events.
//
// With --refine-every N the clusterer also refines after every N articles, as the pipeline
// does after each batch it places (by default only once, when the stream is in).
//
//   npm run -s bench:stories -- FILE [--seeds N] [--window DAYS|off] [--train] [--ablate] [--threads] [--no-refine] [--refine-every N]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeArticle } from '../src/analyze/index.js';
import { sharedModels } from '../src/pipeline/analyze.js';
import { articleFeatures } from '../src/stories/features.js';
import { parseLabeledJsonl } from '../src/stories/labeled-jsonl.js';
import { loadStoryModel, type StoryModel } from '../src/stories/model.js';
import {
  addPairs,
  bcubedF1,
  countPairs,
  type PairCounts,
  pairwiseScores,
} from '../src/stories/score.js';
import { FEATURE_NAMES, type FeatureName } from '../src/stories/similarity.js';
import { clusterStream, type LabeledArticle, trainStoryModel } from '../src/stories/train.js';
import { DATA_DIR } from '../src/test-support/index.js';
import { flag, option } from './args.js';

/** Fewer topics than this and a held-out split leaves too little on either side. */
const MIN_HELD_OUT_TOPICS = 6;

const argv = process.argv.slice(2);
const file = resolve(
  argv.find(
    (a, i) => !a.startsWith('--') && !argv[i - 1]?.match(/^--(seeds|window|model|refine-every)$/),
  ) ?? join(DATA_DIR, 'ecbplus/docs.jsonl'),
);
const seeds = Array.from({ length: Number(option('--seeds') ?? 3) }, (_, i) => i + 1);
const windowArg = option('--window');
const clusterOpts = {
  publishWindowDays: windowArg === 'off' ? null : windowArg ? Number(windowArg) : undefined,
  // Score threads (stories of one long-running subject linked) instead of stories.
  threads: flag('--threads'),
  // For ablation: leave out the refine pass after the stream.
  refine: !flag('--no-refine'),
  refineEvery: Number(option('--refine-every') ?? 0),
};

function fmt(x: number): string {
  return x.toFixed(4);
}

function main(): void {
  const { rows, skipped } = parseLabeledJsonl(readFileSync(file, 'utf8'));
  const models = sharedModels();
  const t0 = performance.now();
  // The analyze stage's annotations first (as the pipeline stores them), then the features.
  const articles: LabeledArticle[] = rows.map((r) => ({
    doc: articleFeatures(r, analyzeArticle(r, models)),
    cluster: r.cluster ?? '',
    topic: r.topic,
  }));
  const extractMs = performance.now() - t0;
  const scored = articles.filter((a) => a.cluster !== '');
  console.log(
    `${file}: ${rows.length} articles (${scored.length} with a cluster, ${skipped} skipped); ` +
      `analysis + features ${(rows.length / (extractMs / 1000)).toFixed(0)} articles/s`,
  );

  const model = flag('--train') ? trainStoryModel(scored) : loadStoryModel(option('--model'));
  console.log(`model: ${JSON.stringify(model)}`);
  if (clusterOpts.threads) console.log('scoring threads (clusterer.threads()), not stories');

  // All topics, one stream per seed.
  let pairs: PairCounts = { both: 0, predicted: 0, gold: 0 };
  let b3 = 0;
  let clusters = 0;
  let clusterMs = 0;
  const perTopic = new Map<string, PairCounts>();
  for (const seed of seeds) {
    const start = performance.now();
    const labels = clusterStream(articles, model, seed, clusterOpts);
    clusterMs += performance.now() - start;
    const predicted = labels.filter((_, i) => articles[i]!.cluster !== '');
    const gold = scored.map((a) => a.cluster);
    const counts = countPairs(predicted, gold);
    pairs = addPairs(pairs, counts);
    b3 += bcubedF1(predicted, gold) / seeds.length;
    clusters += new Set(predicted).size / seeds.length;
    const pw = pairwiseScores(counts);
    console.log(
      `seed ${seed}: pairwise F1 ${fmt(pw.f1)} (P ${fmt(pw.precision)} R ${fmt(pw.recall)}), stories ${new Set(predicted).size}`,
    );
    for (const topic of new Set(scored.map((a) => a.topic))) {
      const idx = scored.flatMap((a, i) => (a.topic === topic ? [i] : []));
      const c = countPairs(
        idx.map((i) => predicted[i]!),
        idx.map((i) => gold[i]!),
      );
      perTopic.set(topic, addPairs(perTopic.get(topic) ?? { both: 0, predicted: 0, gold: 0 }, c));
    }
  }
  console.log('\ntopic  pairwise-F1  P       R');
  for (const [topic, c] of [...perTopic].sort(
    (a, b) => Number(a[0]) - Number(b[0]) || (a[0] < b[0] ? -1 : 1),
  )) {
    const pw = pairwiseScores(c);
    console.log(`${topic.padEnd(6)} ${fmt(pw.f1)}       ${fmt(pw.precision)}  ${fmt(pw.recall)}`);
  }
  const all = pairwiseScores(pairs);
  console.log(
    `\nall topics (${seeds.length} seeds pooled): pairwise F1 ${fmt(all.f1)} P ${fmt(all.precision)} R ${fmt(all.recall)}, B3 F1 ${fmt(b3)}`,
  );

  if (new Set(scored.map((a) => a.topic)).size >= MIN_HELD_OUT_TOPICS) {
    const sets: (readonly FeatureName[])[] = flag('--ablate')
      ? [FEATURE_NAMES, ...ablations()]
      : [model.features];
    for (const features of sets) {
      const held = heldOut(scored, features);
      console.log(
        `topic-held-out [${features.join(',')}]: pairwise F1 ${fmt(held.f1)} P ${fmt(held.precision)} R ${fmt(held.recall)}`,
      );
    }
  }

  const docsPerS = (articles.length * seeds.length) / (clusterMs / 1000);
  console.log(
    JSON.stringify({
      pairwise_f1: round(all.f1),
      pairwise_precision: round(all.precision),
      pairwise_recall: round(all.recall),
      b3_f1: round(b3),
      docs: scored.length,
      clusters: round(clusters),
      docs_per_s: Math.round(docsPerS),
    }),
  );
}

/** Every feature set with one feature left out, and the words-only baseline. */
function ablations(): FeatureName[][] {
  return [
    ...FEATURE_NAMES.map((drop) => FEATURE_NAMES.filter((f) => f !== drop)),
    ['terms'],
    ['terms', 'nearest'],
  ];
}

/** Trains on odd-numbered topics and scores on the even ones, and back; pair counts pooled. */
function heldOut(
  scored: readonly LabeledArticle[],
  features: readonly FeatureName[],
): { f1: number; precision: number; recall: number } {
  const topics = [...new Set(scored.map((a) => a.topic))].sort(
    (a, b) => Number(a) - Number(b) || (a < b ? -1 : 1),
  );
  const odd = new Set(topics.filter((_, i) => i % 2 === 0));
  let pairs: PairCounts = { both: 0, predicted: 0, gold: 0 };
  for (const trainOdd of [true, false]) {
    const train = scored.filter((a) => odd.has(a.topic) === trainOdd);
    const test = scored.filter((a) => odd.has(a.topic) !== trainOdd);
    const model: StoryModel = trainStoryModel(train, { features });
    console.log(`  fold (train ${trainOdd ? 'odd' : 'even'}): ${JSON.stringify(model)}`);
    const gold = test.map((a) => a.cluster);
    for (const seed of seeds) {
      pairs = addPairs(pairs, countPairs(clusterStream(test, model, seed, clusterOpts), gold));
    }
  }
  return pairwiseScores(pairs);
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

main();
