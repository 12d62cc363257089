// Finds the standfirst (dek): the summary under a headline. Pages often repeat it as their
// description, and readability keeps it as if it were the first paragraph.
import { normalize } from './html-blocks.js';

/** Where a standfirst sits: in the article header, as a subheading, or under a telling class. */
const STANDFIRST_SELECTOR = [
  'header p',
  'header h2',
  'header h3',
  'header div',
  'h2',
  'h3',
  '[class*="dek"]',
  '[class*="standfirst"]',
  '[class*="subtitle"]',
  '[class*="subhead"]',
  '[class*="sub-head"]',
  '[class*="abstract"]',
  '[class*="teaser"]',
].join(', ');

const key = (s: string) => normalize(s).toLowerCase();

/**
 * Texts shown as the standfirst: elements placed like one whose text is the page's
 * description. A description that is simply the first paragraph sits in none of them.
 */
export function findStandfirsts(document: Document, description: string | null): string[] {
  if (!description || description.length < 20) return [];
  const want = key(description);
  const found: string[] = [];
  for (const el of document.querySelectorAll(STANDFIRST_SELECTOR)) {
    const text = el.textContent ?? '';
    if (text.length < want.length || text.length > want.length * 2) continue;
    if (key(text) === want) found.push(normalize(text));
  }
  return found;
}
