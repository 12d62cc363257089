// Turns the article element readability chose into body paragraphs, and moves what is not
// body out of it: captions, links to other stories, and the furniture readability keeps
// (bylines, date lines, promos, author bios, a repeated headline or standfirst).
import type { RelatedLink } from '../core/types.js';
import {
  type Block,
  collectBlocks,
  normalize,
  removeBlock,
  tagOf,
  wordCount,
} from './html-blocks.js';
import { takeCaptions } from './html-captions.js';
import { bylineNames, findBio, isBylineOf } from './html-bylines.js';
import { unsupportedBy } from './html-evidence.js';
import { furnitureKind } from './html-furniture.js';
import { findRelated, RELATED_LABEL } from './html-related.js';
import { takeTeasers } from './html-teasers.js';

/** A body split into paragraphs and the furniture found among them. */
export interface BodyParts {
  paragraphs: string[];
  relatedLinks: RelatedLink[];
  captions: string[];
  other: string[];
}

/** What the rest of the page says about the article, to tell its body from furniture. */
export interface BodyHints {
  /** Headlines the page gives (cleaned title, og:title, <title>). */
  titles: string[];
  /** The standfirst, when the page shows its description as one. */
  deks: string[];
  byline: string | null;
  /** JSON-LD articleBody, when the page has one. */
  articleBody: string | null;
}

/** A paragraph of at least this many words, ending like a sentence, starts the body. */
const PROSE_MIN_WORDS = 12;
/** Before the first prose paragraph, a line this short without a full stop is furniture. */
const HEAD_LINE_MAX_WORDS = 12;
/** Furniture before the body is looked for among this many leading blocks. */
const HEAD_ZONE = 12;
/** A repeated headline or standfirst is looked for among this many leading blocks. */
const TITLE_ZONE = 6;

const key = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\d+/g, '#')
    .trim();

/** Words, counting runs of Chinese, Japanese or Korean characters as about two per word. */
function weight(text: string): number {
  const cjk = text.match(/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/gu)?.length ?? 0;
  return wordCount(text) + cjk / 2;
}

/** Sentence-final punctuation, Western and CJK. */
const SENTENCE_END = /[.!?:;"”»。！？」』]$/;

function isProse(block: Block): boolean {
  return (
    !block.heading &&
    weight(block.text) >= PROSE_MIN_WORDS &&
    block.linkChars < block.text.length * 0.5
  );
}

/** The tag of the element a block came from, such as 'td' or 'li'. */
const tagOfBlock = (block: Block) => (block.nodes[0] ? tagOf(block.nodes[0]) : '');

/** Blocks that are furniture by their place: before the first prose paragraph. */
function headFurniture(blocks: Block[], hints: BodyHints): Set<Block> {
  const found = new Set<Block>();
  const titles = new Set([...hints.titles, ...hints.deks].map(key).filter(Boolean));
  for (let i = 0; i < Math.min(blocks.length, HEAD_ZONE); i++) {
    const block = blocks[i]!;
    if (i < TITLE_ZONE && titles.has(key(block.text))) {
      found.add(block);
      continue;
    }
    if (isProse(block)) break;
    // Table cells and list items are short by nature; a table may open the body.
    if (/^(?:td|th|li|dd|dt)$/.test(tagOfBlock(block))) continue;
    const short = weight(block.text) <= HEAD_LINE_MAX_WORDS;
    if (short && !SENTENCE_END.test(block.text)) found.add(block);
  }
  return found;
}

/** The page's own address printed on the page, as share widgets do. */
function isOwnUrl(text: string, base: string | null): boolean {
  if (!base || !/^https?:\/\/\S+$/.test(text)) return false;
  const bare = (u: string) => u.replace(/^https?:\/\/(?:www\.)?/, '').replace(/[?#].*$|\/$/g, '');
  return bare(text) === bare(base);
}

/** Splits an article element into paragraphs, related links and captions. Mutates `root`. */
export function splitBody(root: Element, base: string | null, hints: BodyHints): BodyParts {
  const teasers = takeTeasers(root, base);
  const captions = takeCaptions(root);
  const blocks = collectBlocks(root, base);
  const { related, labels } = findRelated(blocks);
  const furniture = new Set<Block>(labels);
  const names = bylineNames(hints.byline);
  for (const block of blocks) {
    if (related.has(block)) continue;
    const kind = furnitureKind(block.text);
    // Table cells hold numbers and labels ("Top 5") that read like buttons out of context.
    if (
      (kind && !(kind === 'ui' && /^t[dh]$/.test(tagOfBlock(block)))) ||
      isBylineOf(block.text, names) ||
      isOwnUrl(block.text, base)
    )
      furniture.add(block);
  }
  const kept = () => blocks.filter((b) => !related.has(b) && !furniture.has(b));
  for (const block of headFurniture(kept(), hints)) furniture.add(block);
  for (const block of findBio(kept(), names)) furniture.add(block);
  if (hints.articleBody) {
    for (const block of unsupportedBy(kept(), hints.articleBody)) furniture.add(block);
  }

  const relatedLinks: RelatedLink[] = [...teasers];
  const paragraphs: string[] = [];
  const other: string[] = [];
  const seen = new Set<string>();
  for (const block of blocks) {
    if (related.has(block)) {
      const label = RELATED_LABEL.exec(block.text);
      for (const link of block.links) {
        if (label && RELATED_LABEL.test(link.text) && link.text.length <= label[0].length) continue;
        const id = `${link.url ?? ''} ${link.text}`;
        if (seen.has(id)) continue;
        seen.add(id);
        relatedLinks.push(link);
      }
      removeBlock(block);
    } else if (furniture.has(block)) {
      other.push(block.text);
      removeBlock(block);
    } else {
      paragraphs.push(block.text);
    }
  }
  return { paragraphs, relatedLinks, captions, other };
}

/** The paragraphs of the element with the most paragraph text: a fallback body. */
export function findDensestBlock(document: Document): string[] {
  const totals = new Map<Element, string[]>();
  for (const p of document.querySelectorAll('p')) {
    if (p.closest('nav, footer, header, aside, form, script, style')) continue;
    const parent = p.parentElement;
    const text = normalize(p.textContent ?? '');
    if (!parent || !text) continue;
    totals.set(parent, [...(totals.get(parent) ?? []), text]);
  }
  let best: string[] = [];
  let bestLength = 0;
  for (const texts of totals.values()) {
    const length = texts.reduce((n, t) => n + t.length, 0);
    if (length > bestLength) {
      best = texts;
      bestLength = length;
    }
  }
  return best;
}
