// Uses the article text a page declares in JSON-LD (articleBody) as evidence: when it is
// long enough to trust, body lines it does not contain are furniture.
import { type Block, wordCount } from './html-blocks.js';

/** Trust articleBody only when it has at least this many words… */
const MIN_EVIDENCE_WORDS = 80;
/** …and at least this share of the body's words (shorter ones are teasers, cut off). */
const MIN_EVIDENCE_SHARE = 0.6;
/** A line whose word trigrams are found in articleBody less than this is not body. */
const MIN_SUPPORT = 0.3;

const wordsOf = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function trigrams(words: string[]): string[] {
  if (words.length < 3) return [words.join(' ')];
  const out: string[] = [];
  for (let i = 0; i + 3 <= words.length; i++) out.push(words.slice(i, i + 3).join(' '));
  return out;
}

/** Body blocks that a trusted articleBody does not contain; none when it is not trusted. */
export function unsupportedBy(blocks: Block[], articleBody: string): Set<Block> {
  const found = new Set<Block>();
  const evidence = wordsOf(articleBody);
  const bodyWords = blocks.reduce((n, b) => n + wordCount(b.text), 0);
  if (evidence.length < MIN_EVIDENCE_WORDS || evidence.length < bodyWords * MIN_EVIDENCE_SHARE)
    return found;
  const known = new Set(trigrams(evidence));
  const joined = ` ${evidence.join(' ')} `;
  for (const block of blocks) {
    // Subheadings and embedded posts (quoted tweets) are often left out of articleBody.
    if (block.heading || block.nodes[0]?.parentElement?.closest('blockquote')) continue;
    const words = wordsOf(block.text);
    if (words.length === 0) continue;
    if (words.length < 3) {
      if (!joined.includes(` ${words.join(' ')} `)) found.add(block);
      continue;
    }
    const grams = trigrams(words);
    const hits = grams.filter((g) => known.has(g)).length;
    if (hits < grams.length * MIN_SUPPORT) found.add(block);
  }
  return found;
}
