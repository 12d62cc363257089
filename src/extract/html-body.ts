// Turns the article element readability chose into body paragraphs, and moves what is not
// body out of it: captions, and lists of links to other stories.
import type { RelatedLink } from '../core/types.js';
import { canonicalizeUrl } from '../core/url.js';

/** A body split into paragraphs and the furniture found among them. */
export interface BodyParts {
  paragraphs: string[];
  relatedLinks: RelatedLink[];
  captions: string[];
  other: string[];
}

interface Block {
  text: string;
  nodes: Node[];
  heading: boolean;
  links: RelatedLink[];
  linkChars: number;
}

/** Elements that make a paragraph of their own. */
const BLOCK_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'pre',
  'dd',
  'dt',
  'td',
  'th',
]);
/** Containers whose text, when they hold no blocks, is still a paragraph. */
const CONTAINER_TAGS = new Set([
  'div',
  'section',
  'article',
  'main',
  'figure',
  'table',
  'tbody',
  'tr',
  'ul',
  'ol',
  'dl',
  'aside',
  'header',
  'footer',
  'form',
  'center',
]);
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'button',
  'select',
  'input',
  'textarea',
  'svg',
  'iframe',
  'object',
  'embed',
  'nav',
]);
/** A related-stories item is a headline: a line this long or shorter. */
const LINK_ITEM_MAX_WORDS = 18;
/** Share of an item's characters inside links for it to count as link-only. */
const LINK_ITEM_MIN_SHARE = 0.8;
/** After a related-links label, a line this much inside links still belongs to the list. */
const LINK_HEAVY_MIN_SHARE = 0.6;
/** Unlabelled runs of link-only items shorter than this may be ordinary body links. */
const MIN_UNLABELLED_RUN = 3;
/** Labels that announce a block of links to other stories. */
const RELATED_LABEL =
  /^\s*\[?\s*(?:(?:other|more)\s+)?(?:related(?:\s+(?:stories|articles|coverage|content|news|links|posts|reading))?|read (?:more|also|next)|also read|see also|more (?:stories|news|coverage|on this|from|about|in|like this)\b.*|you may (?:also )?like|recommended(?: for you)?|further reading|most (?:read|popular|viewed)|top stories|latest (?:news|stories)|trending(?: now)?|what to read next|keep reading|don't miss)\s*[:.»›\]]*/i;

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

function tagOf(node: Node): string {
  return (node as Element).localName?.toLowerCase() ?? '';
}

function hasBlockDescendant(el: Element): boolean {
  for (const tag of BLOCK_TAGS) if (el.querySelector(tag)) return true;
  return false;
}

function linksOf(nodes: Node[], base: string | null): { links: RelatedLink[]; chars: number } {
  const links: RelatedLink[] = [];
  let chars = 0;
  for (const node of nodes) {
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const anchors = tagOf(el) === 'a' ? [el] : [...el.querySelectorAll('a')];
    for (const a of anchors) {
      const text = normalize(a.textContent ?? '');
      if (!text) continue;
      chars += text.length;
      const href = a.getAttribute('href');
      links.push({ text, url: href ? canonicalizeUrl(href, base ?? undefined) : null });
    }
  }
  return { links, chars };
}

function makeBlock(nodes: Node[], heading: boolean, base: string | null): Block | null {
  const text = normalize(nodes.map((n) => n.textContent ?? '').join(''));
  if (!text) return null;
  const { links, chars } = linksOf(nodes, base);
  return { text, nodes, heading, links, linkChars: chars };
}

function collectBlocks(root: Element, base: string | null): Block[] {
  const blocks: Block[] = [];
  let loose: Node[] = [];
  const flush = () => {
    const block = makeBlock(loose, false, base);
    if (block) blocks.push(block);
    loose = [];
  };
  const visit = (el: Element) => {
    for (const child of [...el.childNodes]) {
      if (child.nodeType === 3) {
        loose.push(child);
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = tagOf(child);
      const childEl = child as Element;
      if (SKIP_TAGS.has(tag)) continue;
      if (tag === 'br') {
        loose.push(child);
        continue;
      }
      const nested = hasBlockDescendant(childEl);
      if (BLOCK_TAGS.has(tag) && !nested) {
        flush();
        const block = makeBlock([child], /^h\d$/.test(tag), base);
        if (block) blocks.push(block);
      } else if (nested || CONTAINER_TAGS.has(tag)) {
        flush();
        if (nested) visit(childEl);
        else loose.push(child);
        flush();
      } else {
        loose.push(child);
      }
    }
  };
  visit(root);
  flush();
  return blocks;
}

function isCaptionElement(el: Element): boolean {
  if (tagOf(el) === 'figcaption') return true;
  const label = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return (
    /caption|credit/i.test(label) &&
    !el.querySelector('img, picture, video') &&
    (el.textContent ?? '').length < 500
  );
}

/** Removes captions from the tree and returns their text. */
function takeCaptions(root: Element): string[] {
  const captions: string[] = [];
  for (const el of [...root.querySelectorAll('figcaption, [class], [id]')]) {
    if (!el.isConnected || !isCaptionElement(el)) continue;
    const text = normalize(el.textContent ?? '');
    if (text) captions.push(text);
    el.remove();
  }
  // An untagged caption: a short line right after an image-only paragraph in a small box.
  for (const img of [...root.querySelectorAll('img')]) {
    const holder = img.closest('p, div, figure');
    if (!holder || normalize(holder.textContent ?? '') !== '') continue;
    const next = holder.nextElementSibling;
    const box = holder.parentElement;
    if (!next || !box || box.children.length > 3 || tagOf(next) !== 'p') continue;
    const text = normalize(next.textContent ?? '');
    if (text && text.split(' ').length <= 40 && !holder.previousElementSibling) {
      captions.push(text);
      next.remove();
    }
  }
  return captions;
}

function isLinkOnly(block: Block): boolean {
  return (
    block.links.length > 0 &&
    block.linkChars >= block.text.length * LINK_ITEM_MIN_SHARE &&
    block.text.split(' ').length <= LINK_ITEM_MAX_WORDS
  );
}

/** A line that only announces what follows ("Other related articles:"). */
function isLabel(block: Block, match: RegExpExecArray): boolean {
  return block.text.split(' ').length <= 8 && match[0].length >= block.text.length * 0.8;
}

/** A line that is mostly links, such as "Author - <headline>, <headline>". */
function isLinkHeavy(block: Block): boolean {
  return block.links.length > 0 && block.linkChars >= block.text.length * LINK_HEAVY_MIN_SHARE;
}

function removeBlock(block: Block): void {
  for (const node of block.nodes) (node as ChildNode).remove?.();
}

/** Splits an article element into paragraphs, related links and captions. Mutates `root`. */
export function splitBody(root: Element, base: string | null): BodyParts {
  const captions = takeCaptions(root);
  const blocks = collectBlocks(root, base);
  const related = new Set<Block>();
  const labels = new Set<Block>();
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const label = RELATED_LABEL.exec(block.text);
    if (label && isLabel(block, label)) {
      // A label ("Related stories:") followed by link-heavy lines: all of it is furniture.
      let end = i;
      while (end + 1 < blocks.length && isLinkHeavy(blocks[end + 1]!)) end++;
      if (end > i) {
        labels.add(block);
        for (let k = i + 1; k <= end; k++) related.add(blocks[k]!);
        i = end;
      }
      continue;
    }
    // "Read more: <headline>" on one line.
    const short = block.text.split(' ').length <= LINK_ITEM_MAX_WORDS + 6;
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
    }
    i = end;
  }
  const relatedLinks: RelatedLink[] = [];
  const paragraphs: string[] = [];
  const other: string[] = [];
  for (const block of blocks) {
    if (related.has(block)) {
      const label = RELATED_LABEL.exec(block.text);
      for (const link of block.links) {
        if (label && RELATED_LABEL.test(link.text) && link.text.length <= label[0].length) continue;
        relatedLinks.push(link);
      }
      removeBlock(block);
    } else if (labels.has(block)) {
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
