// Analysis: article text → annotations. Pure: no I/O, imports only core.
import type { Annotations } from '../core/types.js';
import { findTimes } from './time.js';

export { type FindTimesOptions, findTimes } from './time.js';

/** Stored beside every annotation; bump when any analyzer's output changes. */
export const ANALYZER_VERSION = '1';

/** Options for analyzeArticle: the reference time when the article has no publish date. */
export interface AnalyzeOptions {
  reference?: Date | null;
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
  return { entities: [], quotes: [], claims: [], times: findTimes(draft.text, { reference }) };
}
