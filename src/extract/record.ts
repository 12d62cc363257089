// One JSON/JSONL record → ArticleDraft. Datasets and exports name their fields in many
// ways; this maps the common names, validates types once, and extracts the body as HTML
// or text depending on what it holds.
import { z } from 'zod';
import type { ArticleDraft, CaptureHints, Result } from '../core/types.js';
import { httpUrlOrNull } from '../core/url.js';
import { cleanByline } from './clean-byline.js';
import { extractHtml } from './html.js';
import { normalizeDate } from './normalize-date.js';
import { extractText } from './text.js';

/** At least this many tags before a body is treated as HTML rather than text with a "<". */
const MIN_HTML_TAGS = 2;

// A wrongly typed field is dropped (`catch`), not fatal: the rest of the record is still good.
const str = z.string().nullish().catch(undefined);
const date = z.union([z.string(), z.number()]).nullish().catch(undefined);
const named = z.looseObject({ name: z.string() });
const people = z
  .union([z.string(), named, z.array(z.union([z.string(), named]))])
  .nullish()
  .catch(undefined);
const source = z.union([z.string(), named]).nullish().catch(undefined);

const RecordSchema = z.looseObject({
  title: str,
  headline: str,
  text: str,
  body: str,
  content: str,
  articleBody: str,
  text_tokenized: str,
  full_text: str,
  article: str,
  published: date,
  date: date,
  pubDate: date,
  publication_date: date,
  datePublished: date,
  published_at: date,
  publishedAt: date,
  pub_date: date,
  timestamp: date,
  url: str,
  link: str,
  canonical_url: str,
  source: source,
  publisher: source,
  site: source,
  outlet: source,
  source_name: source,
  author: people,
  byline: people,
  authors: people,
  creator: people,
  dateline: str,
});
type RecordFields = z.infer<typeof RecordSchema>;

/** Options for extractRecord: where the record came from (file URL with #fragment). */
export interface RecordOptions {
  origin: string;
}

/** Placeholder values some datasets use for "unknown". */
const UNKNOWN = new Set(['', 'none', 'null', 'n/a', 'na', 'unknown', 'nan', 'undefined']);

function clean(value: string | null | undefined): string | null {
  const v = value?.trim();
  return v && !UNKNOWN.has(v.toLowerCase()) ? v : null;
}

function first<T>(...values: (T | null | undefined)[]): T | null {
  for (const v of values) if (v !== null && v !== undefined && v !== '') return v;
  return null;
}

function nameOf(value: RecordFields['source']): string | null {
  return typeof value === 'string' ? clean(value) : clean(value?.name);
}

function namesOf(value: RecordFields['author']): string | null {
  if (!value) return null;
  const list = Array.isArray(value) ? value : [value];
  const names = list
    .map((v) => (typeof v === 'string' ? clean(v) : clean(v.name)))
    .filter((v): v is string => !!v);
  return names.length > 0 ? names.join(', ') : null;
}

function looksLikeHtml(body: string): boolean {
  const tags = body.match(
    /<\/?(?:p|div|br|span|a|article|section|h[1-6]|ul|ol|li|em|strong|b|i|img|figure|blockquote)\b[^>]*>/gi,
  );
  return (tags?.length ?? 0) >= MIN_HTML_TAGS;
}

/** Builds an article from one JSON record, mapping common field names. */
export function extractRecord(
  record: unknown,
  opts: RecordOptions,
): Result<ArticleDraft, 'empty' | 'unreadable'> {
  const parsed = RecordSchema.safeParse(record);
  if (!parsed.success) {
    return { ok: false, reason: 'unreadable', detail: `record ${opts.origin}: not a JSON object` };
  }
  const r = parsed.data;
  const body = first(
    r.text,
    r.body,
    r.content,
    r.articleBody,
    r.full_text,
    r.article,
    r.text_tokenized,
  );
  if (!body?.trim())
    return { ok: false, reason: 'empty', detail: `record ${opts.origin}: no body text` };
  const site = first(
    nameOf(r.source),
    nameOf(r.publisher),
    nameOf(r.site),
    nameOf(r.outlet),
    nameOf(r.source_name),
  );
  const rawDate = first(
    r.published,
    r.datePublished,
    r.publication_date,
    r.published_at,
    r.publishedAt,
    r.pubDate,
    r.pub_date,
    r.date,
    r.timestamp,
  );
  const hints: CaptureHints = {
    title: clean(first(r.title, r.headline)),
    published: typeof rawDate === 'number' ? normalizeDate(rawDate) : clean(rawDate),
    byline: first(namesOf(r.author), namesOf(r.byline), namesOf(r.authors), namesOf(r.creator)),
    site,
    url: httpUrlOrNull(clean(first(r.url, r.link, r.canonical_url))),
  };
  let draft: ArticleDraft | null = null;
  if (looksLikeHtml(body)) {
    const html = extractHtml(body, { url: hints.url ?? null, hints });
    if (html.ok) draft = html.value;
  }
  draft ??= extractText(body, { url: hints.url ?? null, hints });
  return {
    ok: true,
    value: {
      ...draft,
      title: hints.title ?? draft.title,
      byline: cleanByline(hints.byline, site) ?? draft.byline,
      published: normalizeDate(hints.published) ?? draft.published,
      site: site ?? draft.site,
      dateline: clean(r.dateline) ?? draft.dateline ?? null,
    },
  };
}
