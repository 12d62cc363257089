// Tagging token sequences with a loaded model: whole documents at once, so the
// document-level features see every sentence. With two stages, the second pass sees the
// first pass's labels for the whole document.
import { compiledBeamDecode } from './compiled-beam.js';
import { decodeDocument, type LinearModel } from './decode.js';
import {
  appendIds,
  compileDocument,
  documentTokens,
  nestedIds,
  type TokenIds,
} from './document.js';
import { aggregateFeatures, type FeatureResources } from './features.js';
import { bilouToBio } from './labels.js';
import { lexiconOf } from './lexicon.js';

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
  const lexicon = lexiconOf(model);
  const doc = compileDocument(lexicon, sentences);
  const stages = linearStages(model);
  const cfg = model.resources.config;
  const width = cfg.beam ?? 1;
  /** Features after the static ones: a later stage's, from the stages before. */
  let extra: TokenIds | null = null;
  let labels: string[][] = [];
  for (let stage = 0; stage < model.stages.length; stage++) {
    const linear = stages[stage]!;
    if (stage > 0) {
      const more = aggregateFeatures(documentTokens(doc), labels).flatMap((sentence) =>
        sentence.map((fs) => fs.map(linear.featureId).filter((id) => id >= 0)),
      );
      extra = appendIds(extra, more);
    }
    const decoded =
      width > 1
        ? compiledBeamDecode(doc, extra, lexicon, stage, width)
        : decodeDocument(documentTokens(doc), nestedIds(doc, extra), linear, cfg);
    labels = decoded.map(bilouToBio);
  }
  return labels;
}
