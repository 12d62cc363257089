// Joining paragraphs into one text and keeping each one's range, so that every later span
// is an offset into that text.
import type { Range } from '../core/types.js';

/** Joins paragraphs with a blank line and returns the text with each paragraph's range. */
export function joinParagraphs(paragraphs: string[]): { text: string; ranges: Range[] } {
  const ranges: Range[] = [];
  let text = '';
  for (const p of paragraphs) {
    if (text) text += '\n\n';
    ranges.push([text.length, text.length + p.length]);
    text += p;
  }
  return { text, ranges };
}
