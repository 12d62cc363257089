// Page titles carry the site's name ("Site » Headline", "Headline | Site"). This picks the
// headline part using what else the page says: its site name and its own headings.

/** Separators between a headline and a site name in <title>. */
const TITLE_SEPARATORS = /\s+(?:[|»«·•—–:-]|::|\/\/)\s+/;

function normalize(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The result of splitting a site name off a page title. */
export interface CleanTitle {
  title: string;
  /** The part removed, when it looked like the site's name. */
  site: string | null;
}

/** Strips a site-name prefix or suffix from a page title, using the site name and headings. */
export function cleanTitle(raw: string, site: string | null, headings: string[]): CleanTitle {
  const title = raw.replace(/\s+/g, ' ').trim();
  const heads = new Set(headings.map(normalize).filter(Boolean));
  if (heads.has(normalize(title))) return { title, site: null };
  const parts = title.split(TITLE_SEPARATORS);
  if (parts.length < 2) return { title, site: null };
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const siteKey = site ? normalize(site) : null;
  const isSite = (part: string) =>
    !!siteKey &&
    (normalize(part) === siteKey ||
      normalize(part).includes(siteKey) ||
      siteKey.includes(normalize(part)));
  if (isSite(last))
    return {
      title: title.slice(0, title.length - last.length).replace(TITLE_TAIL, ''),
      site: last,
    };
  if (isSite(first))
    return { title: title.slice(first.length).replace(TITLE_HEAD, ''), site: first };
  // A heading on the page that equals the title minus one end is the headline.
  const withoutLast = title.slice(0, title.length - last.length).replace(TITLE_TAIL, '');
  const withoutFirst = title.slice(first.length).replace(TITLE_HEAD, '');
  // When both ends match a heading (the site's logo is often an <h1>), the longer is the headline.
  const lastIsHead = heads.has(normalize(withoutLast));
  const firstIsHead = heads.has(normalize(withoutFirst));
  if (lastIsHead && (!firstIsHead || withoutLast.length >= withoutFirst.length)) {
    return { title: withoutLast, site: last };
  }
  if (firstIsHead) return { title: withoutFirst, site: first };
  // Otherwise a short last part ("Headline | The Daily") is usually the site.
  if (last.split(' ').length <= 4 && withoutLast.split(' ').length >= 4)
    return { title: withoutLast, site: last };
  return { title, site: null };
}

const TITLE_TAIL = /\s+(?:[|»«·•—–:-]|::|\/\/)\s*$/;
const TITLE_HEAD = /^\s*(?:[|»«·•—–:-]|::|\/\/)\s+/;
