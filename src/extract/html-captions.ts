// Finds the captions and photo credits readability keeps inside the article, and takes
// them out of the tree so they never reach the body text.
import { normalize, tagOf, wordCount } from './html-blocks.js';

/** Longest text (characters) an element marked as a caption may hold and still be one. */
const MAX_CAPTION_CHARS = 500;
/** An untagged line next to an image is a caption only up to this many words. */
const MAX_LOOSE_CAPTION_WORDS = 40;

function isCaptionElement(el: Element): boolean {
  if (tagOf(el) === 'figcaption') return true;
  const label = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return (
    /caption|credit/i.test(label) &&
    !el.querySelector('img, picture, video') &&
    (el.textContent ?? '').length < MAX_CAPTION_CHARS
  );
}

const MEDIA = 'img, picture, video';

/** Removes every piece of text under `el`, keeping the pictures. */
function stripText(el: Element): void {
  for (const child of [...el.childNodes]) {
    if (child.nodeType === 3) child.remove();
    else if (child.nodeType === 1) {
      const inner = child as Element;
      if (inner.matches(MEDIA) || inner.querySelector(MEDIA)) stripText(inner);
      else inner.remove();
    }
  }
}

/** Removes captions from the tree and returns their text. Mutates `root`. */
export function takeCaptions(root: Element): string[] {
  const captions: string[] = [];
  const take = (el: Element) => {
    const text = normalize(el.textContent ?? '');
    if (text) captions.push(text);
    el.remove();
  };
  for (const el of [...root.querySelectorAll('figcaption, [class], [id]')]) {
    if (el.isConnected && isCaptionElement(el)) take(el);
  }
  // Whatever text is left in a <figure> with a picture is a caption or a credit.
  for (const figure of [...root.querySelectorAll('figure')]) {
    if (!figure.querySelector(MEDIA)) continue;
    const text = normalize(figure.textContent ?? '');
    if (text && wordCount(text) <= MAX_LOOSE_CAPTION_WORDS) {
      captions.push(text);
      stripText(figure);
    }
  }
  // An untagged caption: a short line right after an image-only paragraph in a small box.
  for (const img of [...root.querySelectorAll('img')]) {
    const holder = img.closest('p, div, figure');
    if (!holder || normalize(holder.textContent ?? '') !== '') continue;
    const next = holder.nextElementSibling;
    const box = holder.parentElement;
    if (!next || !box || box.children.length > 3 || tagOf(next) !== 'p') continue;
    // A quotation set under a picture is still a quotation.
    if (tagOf(box) === 'blockquote') continue;
    const text = normalize(next.textContent ?? '');
    if (text && wordCount(text) <= MAX_LOOSE_CAPTION_WORDS && !holder.previousElementSibling) {
      take(next);
    }
  }
  return captions;
}
