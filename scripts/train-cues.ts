// Trains the cue detector on PolNeAR's train split and writes models/quotes/cues.json.gz.
// The decision threshold is chosen on a seeded fifth of train held out from a first model
// (end-to-end Content overlap F1); the final model then trains on all of train. Dev is only
// reported, never used for a choice. Seeded: the same command rebuilds the same model.
//
//   npm run train:cues [-- --epochs N --seed S --min-count N --out PATH]
import { join } from 'node:path';
import { type CueModel, findAttributions } from '../src/analyze/quotes/index.js';
import { defaultCueModelPath, saveCueModel } from '../src/analyze/quotes/cue-model-file.js';
import { loadPolnearSplit, type PolnearArticle } from '../src/analyze/quotes/polnear.js';
import { toRelations } from '../src/analyze/quotes/relations.js';
import {
  addCounts,
  attributionMetrics,
  emptyCounts,
  matchArticle,
} from '../src/analyze/quotes/score.js';
import {
  DEFAULT_TRAIN_CUES,
  pruneVocab,
  type TrainCuesOptions,
  trainCueModel,
} from '../src/analyze/quotes/train-cues.js';
import { seededRandom, shuffleInPlace } from '../src/core/seeded-random.js';
import { DATA_DIR } from '../src/test-support/index.js';

const THRESHOLDS = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];

function parseArgs(argv: string[]): TrainCuesOptions & { out: string } {
  const args = { ...DEFAULT_TRAIN_CUES, out: defaultCueModelPath() };
  for (let i = 0; i < argv.length; i++) {
    const v = (): string => argv[++i] ?? '';
    if (argv[i] === '--epochs') args.epochs = Number(v());
    else if (argv[i] === '--seed') args.seed = Number(v());
    else if (argv[i] === '--min-count') args.minCount = Number(v());
    else if (argv[i] === '--out') args.out = v();
  }
  return args;
}

function score(model: CueModel, articles: readonly PolnearArticle[]) {
  const total = emptyCounts();
  for (const a of articles)
    addCounts(
      total,
      matchArticle(a.attributions, toRelations(findAttributions(a.text, model))).counts,
    );
  return attributionMetrics(total);
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const train = loadPolnearSplit(join(DATA_DIR, 'polnear/train'));
  const dev = loadPolnearSplit(join(DATA_DIR, 'polnear/dev'));
  const random = seededRandom(opts.seed);
  const shuffled = shuffleInPlace(
    [...train].sort((a, b) => (a.id < b.id ? -1 : 1)),
    random,
  );
  const cut = Math.floor(shuffled.length * 0.8);
  const first = trainCueModel(shuffled.slice(0, cut), opts);
  let best = { threshold: opts.threshold, f1: -1 };
  for (const threshold of THRESHOLDS) {
    const f1 = score({ ...first, threshold }, shuffled.slice(cut)).content_f1_overlap ?? 0;
    console.log(`held-out fifth, threshold ${threshold}: content overlap F1 ${f1}`);
    if (f1 > best.f1) best = { threshold, f1 };
  }
  const model = pruneVocab({ ...trainCueModel(train, opts), threshold: best.threshold }, train);
  const devScore = score(model, dev);
  console.log(`dev (reported only): ${JSON.stringify(devScore)}`);
  saveCueModel(opts.out, model, {
    trainedOn: 'PolNeAR train',
    articles: train.length,
    ...opts,
    out: undefined,
    threshold: best.threshold,
    heldOutF1: best.f1,
  });
  console.log(
    `wrote ${opts.out}: ${model.vocab.size} candidate words, ${model.weights.size} weights, threshold ${best.threshold}`,
  );
}

main();
