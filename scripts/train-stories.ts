// Trains the story model (models/stories/model.json) on a labeled collection, by default
// ECB+ topics 1–22 from ../shared/data. Deterministic: same data, same model.
//
//   npx tsc -p tsconfig.bench.json && node .bench-build/scripts/train-stories.js [FILE] [--out PATH]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeArticle } from '../src/analyze/index.js';
import { sharedModels } from '../src/pipeline/analyze.js';
import { articleFeatures } from '../src/stories/features.js';
import { parseLabeledJsonl } from '../src/stories/labeled-jsonl.js';
import { defaultStoryModelPath } from '../src/stories/model.js';
import {
  type LabeledArticle,
  THRESHOLD_SEEDS,
  TRAIN_SEEDS,
  trainStoryModel,
} from '../src/stories/train.js';
import { DATA_DIR } from '../src/test-support/index.js';

const argv = process.argv.slice(2);
const outAt = argv.indexOf('--out');
const out = outAt >= 0 ? resolve(argv[outAt + 1]!) : defaultStoryModelPath();
const file = resolve(
  argv.find((a, i) => !a.startsWith('--') && i !== outAt + 1) ??
    join(DATA_DIR, 'ecbplus/docs.jsonl'),
);

const { rows } = parseLabeledJsonl(readFileSync(file, 'utf8'));
const models = sharedModels();
const articles: LabeledArticle[] = rows
  .filter((r) => r.cluster !== null)
  .map((r) => ({
    doc: articleFeatures(r, analyzeArticle(r, models)),
    cluster: r.cluster!,
    topic: r.topic,
  }));
const model = trainStoryModel(articles);
const card = {
  trainedOn: `${file.split('/').slice(-2).join('/')} (${articles.length} articles, ${new Set(articles.map((a) => a.topic)).size} topics)`,
  seeds: TRAIN_SEEDS,
  thresholdSeeds: THRESHOLD_SEEDS,
  command: 'node .bench-build/scripts/train-stories.js',
};
writeFileSync(out, `${JSON.stringify({ ...model, training: card }, null, 2)}\n`);
console.log(`wrote ${out}: ${JSON.stringify(model)}`);
