// Finds teasers for other stories by their shape rather than their words: a row of three or
// more alike boxes (same class), each a picture with a short headline, and hover cards
// (a picture and links tucked inside a paragraph) that only show on mouse-over.
import type { RelatedLink } from '../core/types.js';
import { canonicalizeUrl } from '../core/url.js';
import { normalize, wordCount } from './html-blocks.js';

/** Alike boxes needed before a row counts as a teaser rail rather than a pair of pictures. */
const MIN_TEASERS = 3;
/** A teaser is a kicker, a headline and a line of summary at most. */
const MAX_TEASER_WORDS = 60;
/** A linked headline has at least this many words. */
const HEADLINE_MIN_WORDS = 4;
/** A hover card is nearly all links. */
const CARD_MIN_LINK_SHARE = 0.7;
const MEDIA = 'img, picture, video';
const BLOCKS = 'p, li, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, table';

function linksIn(el: Element, base: string | null): RelatedLink[] {
  const links: RelatedLink[] = [];
  for (const a of el.querySelectorAll('a')) {
    const text = normalize(a.textContent ?? '');
    const href = a.getAttribute('href');
    if (text) links.push({ text, url: href ? canonicalizeUrl(href, base ?? undefined) : null });
  }
  return links;
}

function isTeaser(el: Element): boolean {
  if (el.querySelector(MEDIA) === null) return false;
  if (el.localName !== 'a' && el.querySelector('a') === null) return false;
  if (wordCount(normalize(el.textContent ?? '')) > MAX_TEASER_WORDS) return false;
  // It carries a headline: a heading, or a link of a few words.
  return (
    el.querySelector('h2, h3, h4, h5, h6') !== null ||
    linksIn(el, null).some((l) => wordCount(l.text) >= HEADLINE_MIN_WORDS)
  );
}

/** Removes teaser rails and hover cards from the tree; returns their links. Mutates `root`. */
export function takeTeasers(root: Element, base: string | null): RelatedLink[] {
  const links: RelatedLink[] = [];
  for (const parent of [root, ...root.querySelectorAll('*')]) {
    if (!parent.isConnected) continue;
    const groups = new Map<string, Element[]>();
    for (const child of parent.children) {
      const cls = child.getAttribute('class')?.trim();
      if (!cls) continue;
      groups.set(cls, [...(groups.get(cls) ?? []), child]);
    }
    for (const group of groups.values()) {
      if (group.length < MIN_TEASERS || !group.every(isTeaser)) continue;
      for (const el of group) {
        links.push(...linksIn(el, base));
        el.remove();
      }
    }
  }
  // A hover card: a picture with links inside a paragraph's inline element.
  for (const p of [...root.querySelectorAll('p, li')]) {
    for (const card of [...p.querySelectorAll('span, div')]) {
      if (!card.isConnected || !card.querySelector(MEDIA)) continue;
      if (card.querySelectorAll('a').length < 2 || card.querySelector(BLOCKS)) continue;
      const text = normalize(card.textContent ?? '');
      const linked = linksIn(card, null).reduce((n, l) => n + l.text.length, 0);
      // A card is links around a picture, inside a paragraph that has prose of its own.
      if (linked < text.length * CARD_MIN_LINK_SHARE) continue;
      if (text.length > normalize(p.textContent ?? '').length * 0.9) continue;
      card.remove();
    }
  }
  return links;
}
