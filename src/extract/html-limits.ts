// Bounds on a parsed page before extraction, so a hostile or broken page costs what a real
// one does. Readability and our own passes walk each element's ancestors, and readability
// runs up to four times over a page that yields little text:
// - depth: a few thousand nested <div>s took minutes (43 s at 2,000 levels, 205 s at
//   5,000). Real news pages nest some 20 to 40 elements deep; past MAX_DEPTH, elements
//   are replaced by their children, which keeps every word in document order.
// - breadth: 20,000 empty <p> took 2.7 s, and 10,000 took 1.6 s. Real pages hold under
//   2,000 elements; past MAX_ELEMENTS, empty elements go first, then the page's tail (the
//   article comes early).

/** Deeper elements are unwrapped. Browsers render far deeper; no article needs it. */
export const MAX_DEPTH = 100;
/**
 * Elements a page keeps: three times the most of 181 real news pages (the extraction
 * benchmark's, at most 1,596 elements).
 */
export const MAX_ELEMENTS = 5_000;
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
    // At the limit: every element below gives way to its children, until only text is left.
    for (let child = element.firstElementChild; child; child = element.firstElementChild) {
      child.replaceWith(...child.childNodes);
      unwrapped++;
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
