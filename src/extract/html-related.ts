// Finds links to other stories among the body's blocks: labelled lists ("Related:",
// "Read more:"), runs of short link-only lines, and single shouted link lines.
import { type Block, wordCount } from './html-blocks.js';

/** A related-stories item is a headline: a line this long or shorter. */
const LINK_ITEM_MAX_WORDS = 18;
/** Share of an item's characters inside links for it to count as link-only. */
const LINK_ITEM_MIN_SHARE = 0.8;
/** After a related-links label, a line this much inside links still belongs to the list. */
const LINK_HEAVY_MIN_SHARE = 0.6;
/** Unlabelled runs of link-only items shorter than this may be ordinary body links. */
const MIN_UNLABELLED_RUN = 3;
/** A lone link line in capitals is a promo for another story once it has this many words. */
const SHOUTED_LINK_MIN_WORDS = 3;
/** Share of capitals among letters for a line to count as shouted. */
const SHOUTED_MIN_UPPER = 0.8;

/** Labels that announce a block of links to other stories, in several languages. */
export const RELATED_LABEL =
  /^\s*\[?\s*(?:(?:other|more)\s+)?(?:related(?:\s+(?:stories|articles|coverage|content|news|links|posts|reading|videos?))?|read (?:more|also|next)|also read|also on\b.*|see (?:also|more)|more (?:stories|news|coverage|on this|from|about|in|like this)\b.*|more|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|recommended(?: for you| stories)?|further reading|most (?:read|popular|viewed|shared)|popular (?:now|this week|today)|recent (?:articles|posts|stories)|top stories|(?:more|other|related|recommended|popular|top|latest|trending)\b[^.!?]{0,30}\b(?:stories|articles|news|reads|posts|coverage|videos)|latest (?:news|stories|videos)|trending(?: now)?|what to read next|keep reading|don'?t miss|leia (?:também|mais)|veja (?:também|mais)|lesen sie (?:auch|mehr)|mehr zum thema|(?:à )?lire (?:aussi|également)|voir aussi|leggi anche|(?:lea|ver|vea) también|te puede interesar|читайте также|смотрите также)\s*[:.»›\]]*/i;

/** Share of letters in capitals. */
function upperShare(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  return (
    letters.filter((c) => c === c.toUpperCase() && c !== c.toLowerCase()).length / letters.length
  );
}

function isLinkOnly(block: Block): boolean {
  return (
    block.links.length > 0 &&
    block.linkChars >= block.text.length * LINK_ITEM_MIN_SHARE &&
    wordCount(block.text) <= LINK_ITEM_MAX_WORDS
  );
}

/** A line that only announces what follows ("Other related articles:"). */
function isLabel(block: Block, match: RegExpExecArray): boolean {
  return wordCount(block.text) <= 8 && match[0].length >= block.text.length * 0.8;
}

/** A line that is mostly links, such as "Author - <headline>, <headline>". */
function isLinkHeavy(block: Block): boolean {
  return block.links.length > 0 && block.linkChars >= block.text.length * LINK_HEAVY_MIN_SHARE;
}

/** Blocks that are links to other stories, and the labels that announced them. */
export function findRelated(blocks: Block[]): { related: Set<Block>; labels: Set<Block> } {
  const related = new Set<Block>();
  const labels = new Set<Block>();
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const label = RELATED_LABEL.exec(block.text);
    if (label && isLabel(block, label)) {
      // A label ("Related stories:") followed by link-heavy lines: all of it is furniture.
      let end = i;
      while (end + 1 < blocks.length && isLinkHeavy(blocks[end + 1]!)) end++;
      // A label alone is furniture too: its list may have been a widget readability dropped.
      labels.add(block);
      for (let k = i + 1; k <= end; k++) related.add(blocks[k]!);
      i = end;
      continue;
    }
    // "Read more: <headline>" on one line.
    const short = wordCount(block.text) <= LINK_ITEM_MAX_WORDS + 6;
    if (
      label &&
      short &&
      block.links.length > 0 &&
      block.linkChars >= (block.text.length - label[0].length) * 0.6
    ) {
      related.add(block);
      continue;
    }
    if (!isLinkOnly(block)) continue;
    let end = i;
    while (end + 1 < blocks.length && isLinkOnly(blocks[end + 1]!)) end++;
    if (end - i + 1 >= MIN_UNLABELLED_RUN) {
      for (let k = i; k <= end; k++) related.add(blocks[k]!);
    } else if (end === i && !block.heading) {
      // A lone headline in capitals, all of it a link, between paragraphs: a promo.
      const words = wordCount(block.text);
      if (words >= SHOUTED_LINK_MIN_WORDS && upperShare(block.text) >= SHOUTED_MIN_UPPER) {
        related.add(block);
      }
    }
    i = end;
  }
  return { related, labels };
}
