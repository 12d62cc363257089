// Tagging token sequences with a loaded model: whole documents at once, so the
// document-level features see every sentence. With two stages, the second pass sees the
// first pass's labels for the whole document.
import { beamDecodeDocument } from './beam.js';
import { decodeDocument, type LinearModel, staticIds } from './decode.js';
import { aggregateFeatures, type FeatureResources, prepareDocument } from './features.js';
import { bilouToBio } from './labels.js';

/** A loaded tagger: feature ids, one weight matrix per stage, and what its features read. */
export interface NerModel {
  index: Map<string, number>;
  stages: Float32Array[];
  resources: FeatureResources;
}

/** One LinearModel per stage of a loaded model, kept so per-model id caches are reused. */
const LINEAR = new WeakMap<NerModel, LinearModel[]>();

function linearStages(model: NerModel): LinearModel[] {
  let stages = LINEAR.get(model);
  if (!stages) {
    const featureId = (f: string): number => model.index.get(f) ?? -1;
    stages = model.stages.map((weights) => ({ featureId, weights }));
    LINEAR.set(model, stages);
  }
  return stages;
}

/** BIO labels (PER/ORG/LOC/MISC) for each token of a document's sentences. */
export function tagTokens(model: NerModel, sentences: string[][]): string[][] {
  const doc = prepareDocument(sentences, model.resources);
  const stages = linearStages(model);
  const featureId = stages[0]!.featureId;
  const ids = staticIds(doc, stages[0]!);
  let labels: string[][] = [];
  for (let stage = 0; stage < model.stages.length; stage++) {
    const linear = stages[stage]!;
    if (stage > 0) {
      const extra = aggregateFeatures(doc, labels);
      for (let s = 0; s < ids.length; s++) {
        for (let i = 0; i < ids[s]!.length; i++) {
          for (const f of extra[s]![i]!) {
            const id = featureId(f);
            if (id >= 0) ids[s]![i]!.push(id);
          }
        }
      }
    }
    const cfg = model.resources.config;
    const width = cfg.beam ?? 1;
    const decoded =
      width > 1
        ? beamDecodeDocument(doc, ids, linear, cfg, width)
        : decodeDocument(doc, ids, linear, cfg);
    labels = decoded.map(bilouToBio);
  }
  return labels;
}
