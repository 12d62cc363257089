// Analysis: article text → annotations. Pure: no I/O, imports only core. Models are
// loaded by the caller (the pipeline) and handed in.
import type { Annotations } from '../core/types.js';
import { type AliasTable, resolveEntities } from './entities/index.js';
import { findEntityMentions, type NerModel } from './ner/index.js';
import { findTimes } from './time.js';

export { type ResolvedMention, resolveEntities } from './entities/index.js';
export { defaultModelPath, findEntityMentions, loadNerModel, type NerModel } from './ner/index.js';
export { type FindTimesOptions, findTimes } from './time.js';

/** Stored beside every annotation; bump when any analyzer's output changes. */
export const ANALYZER_VERSION = '2';

/** Options for analyzeArticle. */
export interface AnalyzeOptions {
  /** The reference time for relative dates when the article has no publish date. */
  reference?: Date | null;
  /** The entity tagger; without it no entities are found. */
  ner?: NerModel;
  /** Aliases people added, which win over the built-in ones. */
  aliases?: AliasTable;
}

function parseReference(published: string | null): Date | null {
  if (!published) return null;
  const date = new Date(published);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Runs every analyzer on an article's text; spans are offsets into `draft.text`. */
export function analyzeArticle(
  draft: { text: string; published: string | null },
  opts: AnalyzeOptions = {},
): Annotations {
  const reference = parseReference(draft.published) ?? opts.reference ?? null;
  const entities = opts.ner
    ? resolveEntities(draft.text, findEntityMentions(opts.ner, draft.text), { aliases: opts.aliases })
    : [];
  return { entities, quotes: [], claims: [], times: findTimes(draft.text, { reference }) };
}
