// Named-entity recognition: PER, ORG, LOC and MISC mentions in raw news text, with a
// perceptron tagger trained on CoNLL-2003 by scripts/train-ner.ts.
import { type EntityType, spansOf } from './conll.js';
import type { NerModel } from './tagger.js';
import { tagTokens } from './tagger.js';
import { normalizeToken, type Token, tokenizeText } from './tokenize.js';

export { type EntityType, parseConll, scoreEntities, toIob2 } from './conll.js';
export { defaultModelPath, loadNerModel } from './model.js';
export { type NerModel, tagTokens } from './tagger.js';
export { type Token, tokenizeText } from './tokenize.js';

/** A named entity in raw text: [start, end) are JS string indices into the text. */
export interface EntityMention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
}

/**
 * Finds the named entities of a text (one document: its sentences are tagged together).
 * A caller that has already tokenized the text passes its sentences.
 */
export function findEntityMentions(
  model: NerModel,
  text: string,
  sentences: readonly Token[][] = tokenizeText(text),
): EntityMention[] {
  const labels = tagTokens(
    model,
    sentences.map((s) => s.map((t) => normalizeToken(t.text))),
  );
  const out: EntityMention[] = [];
  sentences.forEach((tokens, s) => {
    for (const span of spansOf(labels[s]!)) {
      const start = tokens[span.start]!.start;
      const end = tokens[span.end - 1]!.end;
      out.push({ start, end, text: text.slice(start, end), type: span.type as EntityType });
    }
  });
  return out;
}
