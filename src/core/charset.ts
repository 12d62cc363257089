// Turning bytes of unknown encoding into text. Order of evidence follows the WHATWG
// encoding sniffing algorithm: byte-order mark, transport header, in-document
// declaration, then a statistical guess.
import chardet from 'chardet';

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding used, e.g. "utf-8", "windows-1252". */
  charset: string;
  /** How the charset was chosen. */
  evidence: 'bom' | 'header' | 'document' | 'valid-utf8' | 'guess' | 'default';
}

/** How far into a document to look for a <meta charset> or XML declaration. */
const SNIFF_BYTES = 4096;
/** What the statistical guess reads: its figures settle long before the end. */
const GUESS_BYTES = 256 * 1024;

/** The WHATWG name for a label, or null when TextDecoder does not know it. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().replace(/^["']|["']$/g, '')).encoding;
  } catch {
    return null;
  }
}

/** The charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return normalizeCharset(match?.[1]);
}

function charsetFromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** A charset declared inside an HTML or XML document's first bytes. */
export function charsetFromDocument(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
  const match =
    head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i) ??
    head.match(/<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i);
  const charset = normalizeCharset(match?.[1]);
  // A page that claims UTF-16 in ASCII-compatible bytes is lying (WHATWG: treat as UTF-8).
  return charset?.startsWith('utf-16') ? 'utf-8' : charset;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

// NUL is dropped: no page means it (HTML parsers drop or replace it too), and PostgreSQL's
// text type cannot hold it, so one stray NUL would keep a whole article out of the store.
function decodeWith(bytes: Uint8Array, charset: string): string {
  return new TextDecoder(charset).decode(bytes).replaceAll('\u0000', '');
}

/**
 * Decodes bytes to text, choosing the encoding from the BOM, the Content-Type header,
 * the document's own declaration, UTF-8 validity, and finally a statistical guess.
 */
export function decodeBytes(bytes: Uint8Array, contentType?: string | null): DecodedText {
  const bom = charsetFromBom(bytes);
  if (bom) return { text: decodeWith(bytes, bom), charset: bom, evidence: 'bom' };
  const header = charsetFromContentType(contentType);
  if (header) return { text: decodeWith(bytes, header), charset: header, evidence: 'header' };
  const declared = charsetFromDocument(bytes);
  if (declared)
    return { text: decodeWith(bytes, declared), charset: declared, evidence: 'document' };
  if (isValidUtf8(bytes))
    return { text: decodeWith(bytes, 'utf-8'), charset: 'utf-8', evidence: 'valid-utf8' };
  // A sample only: on a 20 MB body, reading it whole took 5 s.
  const guessed = normalizeCharset(chardet.detect(bytes.subarray(0, GUESS_BYTES)));
  if (guessed) return { text: decodeWith(bytes, guessed), charset: guessed, evidence: 'guess' };
  return { text: decodeWith(bytes, 'windows-1252'), charset: 'windows-1252', evidence: 'default' };
}
