// Cuts the article element readability chose into blocks, one per paragraph-like element,
// each with its links, so later passes can judge a line by its text and link density.
import type { RelatedLink } from '../core/types.js';
import { canonicalizeUrl } from '../core/url.js';

/** One paragraph-like run of the body, with the nodes it came from. */
export interface Block {
  text: string;
  nodes: Node[];
  heading: boolean;
  links: RelatedLink[];
  /** Characters of `text` that sit inside links, including links around the block. */
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
const BLOCK_SELECTOR = [...BLOCK_TAGS].join(',');

/** Collapses runs of whitespace and trims. */
export const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Counts the words of a line (runs of non-space characters). */
export const wordCount = (s: string) => (s ? s.split(' ').length : 0);

/** The lower-case tag name of a node, or '' for text. */
export function tagOf(node: Node): string {
  return (node as Element).localName?.toLowerCase() ?? '';
}

function linksOf(
  nodes: Node[],
  base: string | null,
  root: Element,
): { links: RelatedLink[]; chars: number } {
  const links: RelatedLink[] = [];
  let chars = 0;
  const add = (a: Element) => {
    const text = normalize(a.textContent ?? '');
    if (!text) return;
    chars += text.length;
    const href = a.getAttribute('href');
    links.push({ text, url: href ? canonicalizeUrl(href, base ?? undefined) : null });
  };
  // A whole teaser (kicker, headline, summary) is often wrapped in one link around the block.
  const outer = nodes[0]?.parentElement?.closest('a');
  if (outer && root.contains(outer)) {
    add(outer);
    return { links, chars: Number.POSITIVE_INFINITY };
  }
  for (const node of nodes) {
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    for (const a of tagOf(el) === 'a' ? [el] : el.querySelectorAll('a')) add(a);
  }
  return { links, chars };
}

/** The text of a node, with a space for each line break, which textContent drops. */
function textOf(node: Node): string {
  if (node.nodeType === 3) return node.textContent ?? '';
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  if (tagOf(el) === 'br') return ' ';
  if (!el.querySelector('br')) return el.textContent ?? '';
  let text = '';
  for (const child of el.childNodes) text += textOf(child);
  return text;
}

function makeBlock(nodes: Node[], heading: boolean, base: string | null, root: Element) {
  const text = normalize(nodes.map(textOf).join(''));
  if (!text) return null;
  const { links, chars } = linksOf(nodes, base, root);
  return { text, nodes, heading, links, linkChars: Math.min(chars, text.length) };
}

/** Splits an element into blocks in document order. */
export function collectBlocks(root: Element, base: string | null): Block[] {
  const blocks: Block[] = [];
  let loose: Node[] = [];
  const flush = () => {
    const block = makeBlock(loose, false, base, root);
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
      const nested = childEl.querySelector(BLOCK_SELECTOR) !== null;
      if (BLOCK_TAGS.has(tag) && !nested) {
        flush();
        const block = makeBlock([child], /^h\d$/.test(tag), base, root);
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

/** Detaches a block's nodes from the tree. */
export function removeBlock(block: Block): void {
  for (const node of block.nodes) (node as ChildNode).remove?.();
}
