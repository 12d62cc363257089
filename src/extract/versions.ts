// Extractor versions, stored beside each draft. Bump one when its output changes, so that
// `sitrep reprocess` re-extracts what the older version made. Kept apart from the
// extractors so that reading them loads no parser.

export const HTML_EXTRACTOR_VERSION = 'html/3';
export const TEXT_EXTRACTOR_VERSION = 'text/1';
