// Training the tagger: a greedy averaged perceptron over documents, seeded and repeatable.
// Name lists from the training data are jackknifed (each fold sees the lists built from the
// other folds) so the model does not learn to trust them more than it will on new text. The
// optional second stage is trained on first-stage labels that are jackknifed the same way.
import { seededRandom, shuffleInPlace } from '../../core/seeded-random.js';
import { beamDecodeDocument } from './beam.js';
import type { ConllDocument } from './conll.js';
import { decodeDocument, staticIds } from './decode.js';
import {
  aggregateFeatures,
  type FeatureConfig,
  type FeatureResources,
  type PreparedDocument,
  prepareDocument,
} from './features.js';
import { documentsGazetteer, worldCountriesGazetteer } from './gazetteer.js';
import { bilouToBio, bioToBilou, N_LABELS } from './labels.js';
import { AveragedPerceptron } from './perceptron.js';
import type { NerModel } from './tagger.js';

/** Hyper-parameters and inputs of one training run. */
export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Folds for the jackknifed name lists and first-stage labels. */
  folds: number;
  /** Train a second stage on the first stage's whole-document labels. */
  twoStage: boolean;
  config: FeatureConfig;
  clusters: Map<string, string> | null;
  /** Called after each epoch of the last stage with the model so far. */
  onEpoch?: (epoch: number, model: NerModel) => void;
}

interface Item {
  doc: PreparedDocument;
  gold: number[][];
  fold: number;
}

interface StageWeights {
  index: Map<string, number>;
  weights: Float32Array;
}

/** One stage of seeded perceptron training over prepared documents. */
function trainStage(
  items: readonly Item[],
  opts: TrainOptions,
  onEpoch?: (epoch: number, w: StageWeights) => void,
): StageWeights {
  const model = new AveragedPerceptron();
  const data = items.map((it) => ({ ...it, ids: staticIds(it.doc, model) }));
  const random = seededRandom(opts.seed);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffleInPlace(data, random);
    for (const it of data) {
      if ((opts.config.beam ?? 1) > 1) {
        beamDecodeDocument(it.doc, it.ids, model, opts.config, opts.config.beam!, {
          gold: it.gold,
          update: (ids, label, sign) => model.add(ids, label, sign),
          tick: () => model.tick(),
        });
        continue;
      }
      decodeDocument(it.doc, it.ids, model, opts.config, {
        gold: it.gold,
        update: (ids, g, p) => model.update(ids, g, p),
        tick: () => model.tick(),
      });
    }
    onEpoch?.(epoch, { index: model.index, weights: model.averaged() });
  }
  return { index: model.index, weights: model.averaged() };
}

/** One model from stages trained separately: the union of their features. */
export function mergeStages(
  stages: readonly StageWeights[],
  resources: FeatureResources,
): NerModel {
  const index = new Map<string, number>();
  for (const st of stages)
    for (const f of st.index.keys()) if (!index.has(f)) index.set(f, index.size);
  const merged = stages.map((st) => {
    const w = new Float32Array(index.size * N_LABELS);
    for (const [f, id] of st.index)
      w.set(st.weights.subarray(id * N_LABELS, (id + 1) * N_LABELS), index.get(f)! * N_LABELS);
    return w;
  });
  return { index, stages: merged, resources };
}

function predictLabels(item: Item, w: StageWeights, config: FeatureConfig): string[][] {
  const linear = { featureId: (f: string) => w.index.get(f) ?? -1, weights: w.weights };
  return decodeDocument(item.doc, staticIds(item.doc, linear), linear, config).map(bilouToBio);
}

/** Trains on the documents; returns the model after the last epoch. */
export function trainTagger(train: readonly ConllDocument[], opts: TrainOptions): NerModel {
  const base = worldCountriesGazetteer();
  const resources: FeatureResources = {
    config: opts.config,
    gazetteer: documentsGazetteer(train, base),
    clusters: opts.clusters,
  };
  const items: Item[] = [];
  for (let k = 0; k < opts.folds; k++) {
    const others = train.filter((_, d) => d % opts.folds !== k);
    const foldRes = { ...resources, gazetteer: documentsGazetteer(others, base) };
    train.forEach((d, i) => {
      if (i % opts.folds !== k) return;
      const doc = prepareDocument(
        d.sentences.map((s) => s.words),
        foldRes,
      );
      items.push({ doc, gold: d.sentences.map((s) => bioToBilou(s.labels)), fold: k });
    });
  }
  if (!opts.twoStage) {
    const report =
      opts.onEpoch &&
      ((e: number, w: StageWeights) => opts.onEpoch!(e, mergeStages([w], resources)));
    return mergeStages([trainStage(items, opts, report)], resources);
  }
  const prior = new Map<Item, string[][]>();
  for (let k = 0; k < opts.folds; k++) {
    const w = trainStage(
      items.filter((it) => it.fold !== k),
      opts,
    );
    for (const it of items) if (it.fold === k) prior.set(it, predictLabels(it, w, opts.config));
  }
  const first = trainStage(items, opts);
  const second: Item[] = items.map((it) => {
    const extra = aggregateFeatures(it.doc, prior.get(it)!);
    const features = it.doc.features.map((sent, s) =>
      sent.map((fs, i) => [...fs, ...extra[s]![i]!]),
    );
    return { ...it, doc: { ...it.doc, features } };
  });
  const report =
    opts.onEpoch &&
    ((e: number, w: StageWeights) => opts.onEpoch!(e, mergeStages([first, w], resources)));
  return mergeStages([first, trainStage(second, opts, report)], resources);
}
