// Quoted stretches of text: curly, straight, guillemet and low-high marks, nested quotes
// kept inside their outer quote, and quotes that run over several paragraphs (a paragraph
// that leaves its quote open and a next paragraph that opens again, the newsroom rule).

export interface Quotation {
  /** The opening mark. */
  start: number;
  /** Just after the closing mark. */
  end: number;
  /** The words inside the marks, trimmed. */
  innerStart: number;
  innerEnd: number;
  words: number;
}

const OPENERS: Record<string, string> = { '“': '”', '„': '“', '«': '»', '"': '"' };

function countWords(text: string, start: number, end: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

function quotation(
  text: string,
  start: number,
  end: number,
  closed: boolean,
  width: number,
): Quotation {
  let innerStart = start + width;
  let innerEnd = closed ? end - width : end;
  while (innerStart < innerEnd && /\s/.test(text[innerStart]!)) innerStart++;
  while (innerEnd > innerStart && /\s/.test(text[innerEnd - 1]!)) innerEnd--;
  return { start, end, innerStart, innerEnd, words: countWords(text, innerStart, innerEnd) };
}

/** The mark at i: '' (two apostrophes, the New York Times' style) reads as a straight quote. */
function markAt(text: string, i: number): { ch: string; width: number } {
  const ch = text[i]!;
  if (ch === "'" && text[i + 1] === "'" && text[i + 2] !== "'") return { ch: '"', width: 2 };
  return { ch, width: 1 };
}

/** Is this straight quote mark opening (before a word) rather than closing? */
function opensHere(text: string, i: number): boolean {
  const before = i > 0 ? text[i - 1]! : ' ';
  const after = text[i + (text[i] === "'" ? 2 : 1)] ?? ' ';
  if (/\s/.test(after)) return false;
  return /[\s([{—–-]/.test(before) || i === 0 || /[:,]/.test(before);
}

const DOUBLE_MARKS = new Set(['"', '“', '”']);

/** A mark right after a word or punctuation and before a space or the end closes a quote. */
function closesHere(text: string, i: number): boolean {
  const before = text[i - 1] ?? ' ';
  const after = text[i + 1] ?? ' ';
  return !/\s/.test(before) && /[\s.,;:!?)\]—–-]/.test(after);
}

/**
 * Finds top-level quotations in text order. A paragraph (a line) that ends inside a quote
 * continues it when the next paragraph starts with an opening mark; otherwise the quote
 * is dropped as unbalanced.
 */
export function findQuotations(text: string): Quotation[] {
  const out: Quotation[] = [];
  let open = -1;
  let closer = '';
  let width = 1;
  // Only quote marks and line breaks matter: jump from one to the next.
  const interesting = /["“”„«»'\n]/g;
  for (let i = 0; i < text.length; i++) {
    interesting.lastIndex = i;
    const hit = interesting.exec(text);
    if (!hit) break;
    i = hit.index;
    const { ch, width: w } = markAt(text, i);
    if (ch === '\n') {
      if (open >= 0) {
        // Look at the next non-empty line: does it open a continuation?
        let j = i + 1;
        while (j < text.length && /\s/.test(text[j]!)) j++;
        const next = text[j];
        const nextMark = next === undefined ? null : markAt(text, j);
        if (
          nextMark &&
          (nextMark.ch === closer || nextMark.ch === '“') &&
          nextMark.width === width
        ) {
          i = j + width - 1; // the continuation's opening mark belongs to the same quotation
          continue;
        }
        open = -1;
      }
      continue;
    }
    if (open < 0) {
      const close = OPENERS[ch];
      if (close === undefined) continue;
      if (ch === '"' && !opensHere(text, i)) continue;
      open = i;
      closer = close;
      width = w;
      i += w - 1;
    } else if (
      ch === closer &&
      w === width &&
      (ch !== '"' || !opensHere(text, i) || /[.,!?;]\s?$/.test(text.slice(i - 2, i)))
    ) {
      out.push(quotation(text, open, i + w, true, w));
      open = -1;
      i += w - 1;
    } else if (
      (ch === '”' && closer === '“') ||
      (ch === '"' && closer === '”' && !opensHere(text, i)) ||
      (DOUBLE_MARKS.has(ch) && DOUBLE_MARKS.has(closer) && closesHere(text, i))
    ) {
      // „German“ style and typographic mismatches ("…,” or “…,“ he said): a mark in
      // closing position closes, whichever way its glyph turns.
      out.push(quotation(text, open, i + 1, true, 1));
      open = -1;
    }
  }
  return out;
}

/** Index of the first quotation starting at or after `pos` (binary search, sorted input). */
export function firstQuotationFrom(quotes: readonly Quotation[], pos: number): number {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the quotation containing position `pos`, or -1 (binary search, sorted input). */
export function quotationAt(quotes: readonly Quotation[], pos: number): number {
  let lo = 0;
  let hi = quotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = quotes[mid]!;
    if (pos < q.start) hi = mid - 1;
    else if (pos >= q.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
