// Plain text → ArticleDraft. The text is kept exactly as given (offsets into the file stay
// valid); only a trailing block of unrelated headlines or a wire sign-off may be cut.
import type { ArticleDraft, CaptureHints, Range, RelatedLink } from '../core/types.js';
import { canonicalizeUrl } from '../core/url.js';
import { cleanByline } from './clean-byline.js';
import { guessLanguage } from './guess-language.js';
import { normalizeDate } from './normalize-date.js';
import { countTrailingHeadlines } from './text-tail.js';
import { findTextParagraphs } from './text-paragraphs.js';
import { TEXT_EXTRACTOR_VERSION } from './versions.js';


/** A first line longer than this is a paragraph, not a title. */
const TITLE_MAX_WORDS = 25;
/** A byline line is at most this many words ("By Jane Doe and John Roe, Reuters"). */
const BYLINE_MAX_WORDS = 12;

/** A wire dateline opening the body: "WASHINGTON (Reuters) -", "BUENOS AIRES, Feb 26 -". */
const DATELINE =
  /^\s*((?:\p{Lu}[\p{Lu}\p{M}.'’-]*)(?:[ ]+(?:\p{Lu}[\p{Lu}\p{M}.'’-]*|de|del|la|le|al|el))*(?:,[ ]+\p{Lu}[\p{L}.]+(?:[ ]+\p{Lu}[\p{L}.]+)?)?(?:,?[ ]+(?:\p{Lu}[a-z]{2,8}\.?[ ]+\d{1,2}|\d{1,2}[ ]+\p{Lu}[a-z]{2,8}\.?))?(?:[ ]*\([\p{L} .&-]{2,30}\))?[ ]*(?:--|[-–—]))[ ]/u;
/** A wire service's sign-off closing the copy ("Reuter", "AP"). */
const WIRE_SIGN_OFF = /^(?:reuters?|ap|afp|upi|dpa)\.?$/i;
const BY_LINE = /^(?:by|von|par|por)\s+\p{Lu}/iu;

/** Options for extractText: where the text came from and what else is known about it. */
export interface TextOptions {
  url?: string | null;
  hints?: CaptureHints;
}

function countWords(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

function sameTitle(a: string, b: string): boolean {
  const key = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return key(a) === key(b);
}

/** The first paragraph, when it is a title line. */
function findTitle(
  text: string,
  paragraphs: readonly Range[],
  hinted: string | null,
): string | null {
  const first = paragraphs[0];
  if (!first || paragraphs.length < 2) return null;
  const line = text.slice(first[0], first[1]);
  if (line.includes('\n') || countWords(line) > TITLE_MAX_WORDS) return null;
  if (hinted) return sameTitle(line, hinted) ? line.replace(/\.$/, '') : null;
  const between = text.slice(first[1], paragraphs[1]![0]);
  const blankAfter = /\n[ \t\r]*\n/.test(between);
  const noPeriod = !/[.!?:;,]["'”’]?$/.test(line);
  // "Title.\n\n" (PolNeAR) is a title too: a lone short line before a blank line.
  if (blankAfter && !/[,;:]$/.test(line)) return line.replace(/([^.])\.$/, '$1');
  const capitalized = line.split(/\s+/).filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  if (noPeriod && capitalized >= countWords(line) * 0.6 && paragraphs.length >= 3) return line;
  return null;
}

/** Builds an article from plain text, keeping the text unchanged apart from a cut tail. */
export function extractText(input: string, opts: TextOptions = {}): ArticleDraft {
  const hints = opts.hints ?? {};
  let paragraphs = findTextParagraphs(input);
  const relatedLinks: RelatedLink[] = [];
  const other: string[] = [];
  let textEnd = input.length;

  const cut = (count: number) => {
    const kept = paragraphs.slice(0, paragraphs.length - count);
    // Cut where the last kept paragraph ends, dropping the newlines before the cut block.
    textEnd = kept.length > 0 ? kept[kept.length - 1]![1] : 0;
    paragraphs = kept;
  };
  const last = paragraphs[paragraphs.length - 1];
  if (last && paragraphs.length > 1 && WIRE_SIGN_OFF.test(input.slice(last[0], last[1]))) {
    other.push(input.slice(last[0], last[1]));
    cut(1);
  }
  const headlines = countTrailingHeadlines(input, paragraphs);
  if (headlines > 0) {
    for (const [s, e] of paragraphs.slice(paragraphs.length - headlines)) {
      relatedLinks.push({ text: input.slice(s, e), url: null });
    }
    cut(headlines);
  }
  const text = textEnd === input.length ? input : input.slice(0, textEnd);

  const title = findTitle(text, paragraphs, hints.title?.trim() || null);
  let body = title ? paragraphs.slice(1) : paragraphs;
  let byline = hints.byline ?? null;
  const firstBody = body[0];
  if (firstBody) {
    const line = text.slice(firstBody[0], firstBody[1]);
    if (BY_LINE.test(line) && countWords(line) <= BYLINE_MAX_WORDS && !line.includes('\n')) {
      byline = byline ?? line;
      body = body.slice(1);
    }
  }
  const lead = body[0] ? text.slice(body[0][0], body[0][1]) : '';
  const dateline = DATELINE.exec(lead)?.[1]?.trim() ?? null;
  const url = opts.url ?? hints.url ?? null;
  const bodyText = body.map(([s, e]) => text.slice(s, e)).join('\n\n');
  return {
    title: title ?? (hints.title?.trim() || null),
    byline: cleanByline(byline, hints.site ?? null),
    published: normalizeDate(hints.published),
    modified: null,
    language: guessLanguage(bodyText),
    site: hints.site ?? null,
    url,
    canonicalUrl: url ? canonicalizeUrl(url) : null,
    image: null,
    text,
    paragraphs: body,
    relatedLinks,
    boilerplate: { captions: [], other },
    html: null,
    extractor: TEXT_EXTRACTOR_VERSION,
    dateline,
  };
}
