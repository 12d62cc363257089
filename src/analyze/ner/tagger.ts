// Tagging token sequences with a loaded model: whole documents at once, so the
// document-level features see every sentence. With two stages, the second pass sees the
// first pass's labels for the whole document.
import { decodeDocument, type LinearModel, staticIds } from './decode.js';
import { aggregateFeatures, type FeatureResources, prepareDocument } from './features.js';
import { bilouToBio } from './labels.js';

/** A loaded tagger: feature ids, one weight matrix per stage, and what its features read. */
export interface NerModel {
  index: Map<string, number>;
  stages: Float32Array[];
  resources: FeatureResources;
}

/** BIO labels (PER/ORG/LOC/MISC) for each token of a document's sentences. */
export function tagTokens(model: NerModel, sentences: string[][]): string[][] {
  const doc = prepareDocument(sentences, model.resources);
  const featureId = (f: string): number => model.index.get(f) ?? -1;
  const ids = staticIds(doc, { featureId, weights: model.stages[0]! });
  let labels: string[][] = [];
  for (let stage = 0; stage < model.stages.length; stage++) {
    const linear: LinearModel = { featureId, weights: model.stages[stage]! };
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
    labels = decodeDocument(doc, ids, linear, model.resources.config).map(bilouToBio);
  }
  return labels;
}
