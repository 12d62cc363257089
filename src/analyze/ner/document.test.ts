import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { staticIds } from './decode.js';
import { compileDocument, nestedIds } from './document.js';
import { DEFAULT_FEATURES, type FeatureResources, prepareDocument } from './features.js';
import { addPhrase, addWords } from './gazetteer.js';
import { lexiconOf } from './lexicon.js';
import { defaultModelPath, loadNerModel } from './model.js';
import type { NerModel } from './tagger.js';
import { tokenizeText } from './tokenize.js';

const TEXT = [
  'WASHINGTON (Reuters) - U.S. Defense Secretary Lloyd Austin met Gen. Smith in New York.',
  'Austin said New York City and NEW YORK were "fine", and Austin left; AUSTIN TEXAS HEADLINE.',
  'a|b | X|Y New|York <S> </S> w-2x ww-a|b zz|X Ünïcödé ΑΘΗΝΑ İstanbul 3,000 1996-08-22 .',
  ...Array.from({ length: 15 }, (_, k) => `Austin w${k} x${k} Austin.`),
].join('\n');

const sentences = tokenizeText(TEXT).map((s) => s.map((t) => t.text));

function resources(): FeatureResources {
  const gazetteer = new Map<string, number>();
  addPhrase(gazetteer, ['New', 'York'], 2);
  addPhrase(gazetteer, ['New', 'York', 'City'], 2);
  addPhrase(gazetteer, ['Austin'], 0);
  addPhrase(gazetteer, ['Austin'], 2);
  addPhrase(gazetteer, ['a|b', '|', 'X|Y'], 3);
  addWords(gazetteer, ['Lloyd', 'Austin'], 0);
  return { config: DEFAULT_FEATURES, gazetteer, clusters: new Map([['Austin', '0110101']]) };
}

/** A model whose features are every string the document gives, or every other one. */
function modelOf(res: FeatureResources, keep: (k: number) => boolean): NerModel {
  const doc = prepareDocument(sentences, res);
  const strings = new Set<string>();
  for (const f of doc.features.flat(2)) strings.add(f);
  for (const f of doc.shared.flat(3)) strings.add(f);
  const index = new Map<string, number>();
  for (const f of [...strings].filter((_, k) => keep(k))) index.set(f, index.size);
  return { index, stages: [new Float32Array(index.size * 17)], resources: res };
}

function expectSameIds(model: NerModel): void {
  const linear = {
    featureId: (f: string) => model.index.get(f) ?? -1,
    weights: model.stages[0]!,
  };
  const expected = staticIds(prepareDocument(sentences, model.resources), linear);
  const doc = compileDocument(lexiconOf(model), sentences);
  expect(nestedIds(doc, null)).toEqual(expected);
}

describe('compileDocument', () => {
  it('gives the ids of prepareDocument + staticIds when the model has every feature', () => {
    expectSameIds(modelOf(resources(), () => true));
  });

  it('drops the features the model lacks, as staticIds does', () => {
    expectSameIds(modelOf(resources(), (k) => k % 2 === 0));
    expectSameIds(modelOf(resources(), (k) => k % 3 !== 0));
  });

  it('honours the feature groups that are off', () => {
    const res = resources();
    res.config = { ...res.config, window: false, gazetteer: false, docCase: false };
    res.config.contextAggregation = false;
    expectSameIds(modelOf(res, () => true));
  });

  it.skipIf(!existsSync(defaultModelPath()))('matches with the committed model', () => {
    expectSameIds(loadNerModel());
  });
});
