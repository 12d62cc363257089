// Extraction: raw captures → ArticleDraft. Pure: no I/O, imports only core.
import { decodeBytes } from '../core/charset.js';
import type { ArticleDraft, Capture, Result } from '../core/types.js';
import { extractHtml } from './html.js';
import { extractRecord } from './record.js';
import type { SiteRule } from './site-rules.js';
import { extractText } from './text.js';

export { cleanByline } from './clean-byline.js';
export { guessLanguage } from './guess-language.js';
export { extractHtml, type HtmlFailure, type HtmlOptions } from './html.js';
export { dateFromUrl, normalizeDate } from './normalize-date.js';
export { extractRecord, type RecordOptions } from './record.js';
export { type SiteRule, SiteRulesSchema } from './site-rules.js';
export { extractText, type TextOptions } from './text.js';
export { HTML_EXTRACTOR_VERSION, TEXT_EXTRACTOR_VERSION } from './versions.js';

/** Why a capture gave no article. */
export type ExtractFailure = 'not-an-article' | 'empty' | 'unreadable';

/** Share of U+FFFD and control characters above which decoded bytes are not text. */
const MAX_GARBAGE_SHARE = 0.1;

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 10_000);
  const garbage = sample.match(/[\uFFFD\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0;
  return garbage > sample.length * MAX_GARBAGE_SHARE;
}

/** Options for extractCapture. */
export interface ExtractOptions {
  /** Per-site rules for HTML pages (see site-rules.ts). */
  rules?: readonly SiteRule[];
}

/** A JSON string may spell NUL as an escape, which decoding cannot drop (see charset.ts). */
function withoutNul(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.replaceAll('\u0000', '') : value;
}

/** Extracts an article from one capture, choosing the extractor by the capture's kind. */
export function extractCapture(
  capture: Capture,
  options: ExtractOptions = {},
): Result<ArticleDraft, ExtractFailure> {
  const { text } = decodeBytes(capture.body, capture.contentType);
  if (!text.trim()) return { ok: false, reason: 'empty' };
  if (looksBinary(text))
    return { ok: false, reason: 'unreadable', detail: 'extract: the bytes are not text' };
  const url = capture.url ?? (/^https?:/.test(capture.origin) ? capture.origin : null);
  switch (capture.kind) {
    case 'html':
      return extractHtml(text, { url, hints: capture.hints, rules: options.rules });
    case 'text': {
      const draft = extractText(text, { url, hints: capture.hints });
      return draft.text.trim() ? { ok: true, value: draft } : { ok: false, reason: 'empty' };
    }
    case 'record': {
      let record: unknown;
      try {
        record = JSON.parse(text, withoutNul);
      } catch (err) {
        return {
          ok: false,
          reason: 'unreadable',
          detail: `extract: invalid JSON (${(err as Error).message})`,
        };
      }
      return extractRecord(record, { origin: capture.origin });
    }
  }
}
