// Small text helpers for feed fields: titles become plain text, text bodies become HTML.
import { escapeHtml } from '../../core/escape-html.js';

/** The named entities that turn up in feed titles; anything else is left as written. */
// biome-ignore format: a lookup table reads best packed
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—',
  lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', hellip: '…',
  laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', bull: '•', middot: '·', copy: '©',
  reg: '®', trade: '™', deg: '°', plusmn: '±', times: '×', divide: '÷', frac12: '½',
  frac14: '¼', frac34: '¾', pound: '£', euro: '€', yen: '¥', cent: '¢', sect: '§',
  para: '¶', dagger: '†', prime: '′', shy: '\u00ad', iexcl: '¡', iquest: '¿',
  aacute: 'á', agrave: 'à', acirc: 'â', auml: 'ä', atilde: 'ã', aring: 'å', aelig: 'æ',
  ccedil: 'ç', eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', iacute: 'í', igrave: 'ì',
  icirc: 'î', iuml: 'ï', ntilde: 'ñ', oacute: 'ó', ograve: 'ò', ocirc: 'ô', ouml: 'ö',
  otilde: 'õ', oslash: 'ø', uacute: 'ú', ugrave: 'ù', ucirc: 'û', uuml: 'ü', yacute: 'ý',
  szlig: 'ß', Aacute: 'Á', Agrave: 'À', Auml: 'Ä', Eacute: 'É', Ouml: 'Ö', Uuml: 'Ü',
  Ccedil: 'Ç', Ntilde: 'Ñ',
};

/** Decodes HTML character references (numeric, and the common named ones). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

/** Plain text from a field that may hold markup or entities; null when nothing is left. */
export function toPlainText(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = decodeEntities(value.replace(/<!\[CDATA\[|\]\]>/g, '').replace(/<[^>]*>/g, ''))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  return text || null;
}

/** Plain text as HTML paragraphs, split on blank lines. */
export function textToHtml(text: string | null | undefined): string | null {
  const paragraphs = (text ?? '')
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return paragraphs.length ? paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n') : null;
}

/** A trimmed string, or null when it is empty or not a string. */
export function cleanString(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed || null;
}
