// Analysis: article text → annotations. Pure: no I/O, imports only core. Models are
// loaded by the caller (the pipeline) and handed in.
import type { Annotations } from '../core/types.js';
import { type AliasTable, resolveEntities } from './entities/index.js';
import { findEntityMentions, type NerModel, tokenizeText } from './ner/index.js';
import { type ClaimAttribution, findClaims } from './claims/index.js';
import { type AttributedQuote, type CueModel, findAttributedQuotes } from './quotes/index.js';
import { findTimes } from './time.js';

export { type ResolvedMention, resolveEntities } from './entities/index.js';
export { defaultModelPath, findEntityMentions, loadNerModel, type NerModel } from './ner/index.js';
export { type ClaimContext, findClaims } from './claims/index.js';
export {
  type CueModel,
  findAttributedQuotes,
  findAttributions,
  findQuotes,
  loadCueModel,
} from './quotes/index.js';
export { type FindTimesOptions, findTimes } from './time.js';

/** Stored beside every annotation; bump when any analyzer's output changes. */
export const ANALYZER_VERSION = '6';

/** The trained models the analyzers use; the pipeline loads them once and hands them in. */
export interface AnalyzeModels {
  ner: NerModel;
  cues: CueModel;
}

/** Options for analyzeArticle. */
export interface AnalyzeOptions extends Partial<AnalyzeModels> {
  /** The reference time for relative dates when the article has no publish date. */
  reference?: Date | null;
  /** Aliases people added, which win over the built-in ones. */
  aliases?: AliasTable;
}

function parseReference(published: string | null): Date | null {
  if (!published) return null;
  const date = new Date(published);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Analysis reads a text's first 200,000 characters (some 30,000 words, far past any news
 * report; search indexes as much). Its cost grows with the text, about 0.4 s a million
 * characters, and a page of several million would hold a worker for seconds.
 */
const MAX_ANALYZED_CHARS = 200_000;

/**
 * Runs every analyzer on an article's text; spans are offsets into `draft.text`. The site
 * is the source of figures no quote or attribution covers.
 */
export function analyzeArticle(
  whole: { text: string; published: string | null; site?: string | null },
  opts: AnalyzeOptions = {},
): Annotations {
  // Spans stay offsets into the whole text: only its end goes unread.
  const draft = { ...whole, text: whole.text.slice(0, MAX_ANALYZED_CHARS) };
  const reference = parseReference(draft.published) ?? opts.reference ?? null;
  // The tagger and the quote finder read the same sentences: tokenize once.
  const sentences = tokenizeText(draft.text);
  const entities = opts.ner
    ? resolveEntities(draft.text, findEntityMentions(opts.ner, draft.text, sentences), {
        aliases: opts.aliases,
      })
    : [];
  const attributed = findAttributedQuotes(draft.text, entities, opts.cues ?? null, sentences);
  const times = findTimes(draft.text, { reference });
  const claims = findClaims(draft.text, {
    attributions: claimAttributions(attributed),
    times,
    reference,
    outlet: draft.site ?? null,
  });
  return { entities, quotes: attributed.map((q) => q.quote), claims, times };
}

/** Each quote's reported clause, spoken by its speaker: who claims a figure inside it. */
export function claimAttributions(attributed: readonly AttributedQuote[]): ClaimAttribution[] {
  return attributed.map(({ quote, clause }) => ({
    ...clause,
    source: quote.speaker.name ?? quote.speaker.text,
  }));
}
