// Finding paragraphs in plain text without changing it: ranges into the original string.
// Handles blank-line paragraphs, one line per paragraph, and hard-wrapped wire copy whose
// paragraphs start with an indent (Reuters-21578).
import type { Range } from '../core/types.js';

/** A hard-wrapped line is at most this long; longer lines are whole paragraphs. */
const WRAP_MAX_CHARS = 100;
/** Lines shorter than this are headings or list items, never wrapped prose. */
const WRAP_MIN_CHARS = 30;

/** Share of a block's lines that must be prose-length for it to count as hard-wrapped. */
const WRAP_MIN_SHARE = 0.7;

interface Line {
  start: number;
  end: number;
  text: string;
}

const BULLET = /^\s*(?:[-*•–—▪·]|\d{1,2}[.)])\s+/;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\n]*(?:\n|$)/g;
  for (let m = re.exec(text); m && m[0] !== ''; m = re.exec(text)) {
    const raw = m[0].replace(/\r?\n$/, '');
    lines.push({ start: m.index, end: m.index + raw.length, text: raw });
    if (re.lastIndex >= text.length) break;
  }
  return lines;
}

function isWrapped(block: Line[]): boolean {
  if (block.length < 2) return false;
  if (block.some((l) => l.text.trim().length > WRAP_MAX_CHARS)) return false;
  // Paragraph ends (before an indented line, or last) are short; judge only the other lines.
  const inner = block.filter((_line, i) => {
    const next = block[i + 1];
    return next !== undefined && !/^[ \t]+\S/.test(next.text);
  });
  if (inner.length === 0) return block.slice(1).some((l) => /^[ \t]+\S/.test(l.text));
  const prose = inner.filter((l) => l.text.trim().length >= WRAP_MIN_CHARS).length;
  // Wrapped lines mostly break mid-sentence; lines that end sentences are paragraphs.
  const ended = inner.filter((l) => /[.!?]["'”’)]?\s*$/.test(l.text)).length;
  return prose >= inner.length * WRAP_MIN_SHARE && ended < inner.length / 2;
}

function trimmedRange(text: string, start: number, end: number): Range | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e > s ? [s, e] : null;
}

/** The paragraphs of a plain text as [start, end) ranges, without leading/trailing spaces. */
export function findTextParagraphs(text: string): Range[] {
  const lines = splitLines(text);
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  const ranges: Range[] = [];
  for (const block of blocks) {
    const wrapped = isWrapped(block);
    let start = block[0]!;
    let last = block[0]!;
    const flush = () => {
      const r = trimmedRange(text, start.start, last.end);
      if (r) ranges.push(r);
    };
    for (const line of block.slice(1)) {
      // In wrapped copy a new paragraph starts at an indent or a bullet; otherwise at every line.
      const breaks = !wrapped || BULLET.test(line.text) || /^[ \t]+\S/.test(line.text);
      if (breaks) {
        flush();
        start = line;
      }
      last = line;
    }
    flush();
  }
  return ranges;
}
