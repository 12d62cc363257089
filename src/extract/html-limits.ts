// Bounds on a parsed page before extraction, so a hostile or broken page costs what a real
// one does. Readability and our own passes walk each element's ancestors, and readability
// runs up to four times over a page that yields little text:
// - depth: a few thousand nested <div>s took minutes (43 s at 2,000 levels, 205 s at
//   5,000). Real news pages nest some 20 to 40 elements deep; past MAX_DEPTH, elements
//   are replaced by their children, which keeps every word in document order.
// - breadth: 20,000 empty <p> took 2.7 s, and 10,000 took 1.6 s. Real pages hold under
//   2,000 elements; past MAX_ELEMENTS, empty elements go first, then the page's tail (the
//   article comes early).
// - text: readability reads each candidate's whole text, and candidates nest, so a page
//   costs its text's weight: each character once for every element it sits in. A page
//   with 200,000 characters under 112 nested <div>s (a weight of 23 million) took 4 s.
//   Past MAX_TEXT_WEIGHT, the rest of the page's text is dropped.

/** Deeper elements are unwrapped. Browsers render far deeper; no article needs it. */
export const MAX_DEPTH = 100;
/**
 * Elements a page keeps: three times the most of 181 real news pages (the extraction
 * benchmark's, at most 1,596 elements).
 */
export const MAX_ELEMENTS = 5_000;
/**
 * The text weight a page keeps (scripts and styles not counted): five times the most of
 * the same 181 pages (1,028,784; their median is 110,249).
 */
export const MAX_TEXT_WEIGHT = 5_000_000;
/** Elements whose text is code, not reading. */
const NOT_READ = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
/** Elements that mean something with no text inside. */
const SELF_MEANING = new Set([
  'IMG',
  'BR',
  'HR',
  'VIDEO',
  'AUDIO',
  'SOURCE',
  'PICTURE',
  'IFRAME',
  'META',
  'LINK',
  'INPUT',
  'TD',
  'TH',
]);

/** Unwraps every element nested deeper than `max` below `root`; returns how many. */
export function flattenDeepNesting(root: Element, max = MAX_DEPTH): number {
  let unwrapped = 0;
  // Iterative, depth-first: recursion is what such a page would overflow.
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth < max) {
      for (const child of element.children) stack.push([child, depth + 1]);
      continue;
    }
    // At the limit, every element below gives way to its text, in order. Set in one step:
    // unwrapping one element at a time rescans the growing run of text (quadratic).
    const below = element.querySelectorAll('*').length;
    if (below > 0) {
      const text = element.textContent;
      element.textContent = text;
      unwrapped += below;
    }
  }
  return unwrapped;
}

/** Cuts a page down to `max` elements: empty ones first, then from the end; returns how many went. */
export function capElements(root: Element, max = MAX_ELEMENTS): number {
  let all = [...root.querySelectorAll('*')];
  if (all.length <= max) return 0;
  const before = all.length;
  // Children before parents, so a parent emptied by its children's removal goes too.
  for (let i = all.length - 1; i >= 0; i--) {
    const e = all[i]!;
    if (!SELF_MEANING.has(e.tagName) && !e.firstElementChild && !e.textContent?.trim()) e.remove();
  }
  all = [...root.querySelectorAll('*')];
  // Document order puts every element's descendants after it: the first `max` stay whole.
  for (let i = all.length - 1; i >= max; i--) all[i]!.remove();
  return before - root.querySelectorAll('*').length;
}

/**
 * Keeps a page's text, in document order, until its weight (each character counted once
 * per element it sits in) passes `max`; drops the rest and returns how many characters went.
 */
export function capText(root: Element, max = MAX_TEXT_WEIGHT): number {
  let weight = 0;
  let dropped = 0;
  // Iterative, in document order: the stack holds nodes still to visit, next on top.
  const stack: Array<[Node, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      const room = Math.max(0, Math.floor((max - weight) / Math.max(depth, 1)));
      if (text.length > room) {
        node.nodeValue = text.slice(0, room);
        dropped += text.length - room;
      }
      weight += Math.min(text.length, room) * depth;
    } else if (node.nodeType === 1 && !NOT_READ.has((node as Element).tagName)) {
      for (let child = node.lastChild; child; child = child.previousSibling)
        stack.push([child, depth + 1]);
    }
  }
  return dropped;
}
