// Article text as HTML with its annotations marked, built from the stored offsets so every
// mark lands exactly on the words the analyzers saw. Paragraphs hold sentences (each with
// id="s-START", the anchor story pages link to), which hold the marks. Marks that cross a
// sentence, a paragraph or each other are split into pieces, so the HTML always nests.
import { escapeHtml } from '../core/escape-html.js';
import type { Range } from '../core/types.js';

export type MarkKind = 'quote' | 'claim' | 'entity' | 'time';

/** One annotation to show: where it is, what it is, and what its tooltip says. */
export interface Mark {
  start: number;
  end: number;
  kind: MarkKind;
  /** The tooltip, one fact a line. */
  tip: string;
  /** A link for the mark (entities lead to their page). */
  href?: string;
  /** Extra class names, such as the entity type. */
  className?: string;
}

/** Wider marks of these kinds sit outside narrower ones that start at the same place. */
const KIND_RANK: Record<MarkKind, number> = { quote: 0, claim: 1, entity: 2, time: 3 };

/** Paragraphs to use when the article stored none: blocks between blank lines. */
export function fallbackParagraphs(text: string): Range[] {
  const out: Range[] = [];
  for (const m of text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g)) {
    if (m[0].trim()) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

type Layer =
  | { type: 'p'; index: number }
  | { type: 's'; start: number }
  | { type: 'm'; mark: Mark; index: number };

function sameLayer(a: Layer, b: Layer): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'p' && b.type === 'p') return a.index === b.index;
  if (a.type === 's' && b.type === 's') return a.start === b.start;
  return a.type === 'm' && b.type === 'm' && a.index === b.index;
}

/**
 * The article's text as HTML paragraphs with sentence anchors and nested marks. `starts`
 * are sentence starts (sentenceStarts); text between paragraphs is not shown.
 */
export function highlightText(
  text: string,
  paragraphs: readonly Range[],
  starts: readonly number[],
  marks: readonly Mark[],
): string {
  const valid = marks
    .filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end)
    .sort((a, b) => a.start - b.start || b.end - a.end || KIND_RANK[a.kind] - KIND_RANK[b.kind]);
  const paras = (paragraphs.length > 0 ? paragraphs : fallbackParagraphs(text)).filter(
    ([s, e]) => s < e,
  );
  const cuts = new Set<number>([0, text.length]);
  for (const [s, e] of paras) cuts.add(s).add(e);
  for (const s of starts) cuts.add(s);
  for (const m of valid) cuts.add(m.start).add(m.end);
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);

  const stack: Layer[] = [];
  const anchored = new Set<number>();
  const opened = new Set<number>();
  let out = '';
  let para = 0;
  let sentence = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    while (para < paras.length && paras[para]![1] <= from) para++;
    const p = paras[para];
    const inPara = p !== undefined && p[0] <= from && to <= p[1];
    while (sentence + 1 < starts.length && starts[sentence + 1]! <= from) sentence++;
    const want: Layer[] = [];
    if (inPara) {
      want.push({ type: 'p', index: para }, { type: 's', start: starts[sentence] ?? 0 });
      valid.forEach((mark, index) => {
        if (mark.start <= from && to <= mark.end) want.push({ type: 'm', mark, index });
      });
    }
    let keep = 0;
    while (keep < stack.length && keep < want.length && sameLayer(stack[keep]!, want[keep]!)) {
      keep++;
    }
    while (stack.length > keep) out += close(stack.pop()!, stack);
    for (const layer of want.slice(keep)) {
      if (layer.type === 's') out += skippedAnchors(starts, layer.start, anchored);
      out += open(layer, stack, anchored, opened);
      stack.push(layer);
    }
    if (inPara) out += escapeHtml(text.slice(from, to));
  }
  while (stack.length > 0) out += close(stack.pop()!, stack);
  return out + skippedAnchors(starts, Number.POSITIVE_INFINITY, anchored);
}

/**
 * Empty anchors for sentences that start before `start` but never showed (blank lines
 * between paragraphs), so a link to any sentence start lands somewhere.
 */
function skippedAnchors(starts: readonly number[], start: number, anchored: Set<number>): string {
  let out = '';
  for (const s of starts) {
    if (s >= start) break;
    if (anchored.has(s)) continue;
    anchored.add(s);
    out += `<span id="s-${s}"></span>`;
  }
  return out;
}

/** An entity inside another link is shown as a span: links may not nest. */
function insideLink(stack: readonly Layer[]): boolean {
  return stack.some((l) => l.type === 'm' && l.mark.href !== undefined);
}

function open(layer: Layer, stack: readonly Layer[], anchored: Set<number>, opened: Set<number>) {
  if (layer.type === 'p') return '<p>';
  if (layer.type === 's') {
    // Only the first piece of a sentence carries its anchor.
    if (anchored.has(layer.start)) return '<span class="s">';
    anchored.add(layer.start);
    return `<span class="s" id="s-${layer.start}">`;
  }
  const { mark, index } = layer;
  const cont = opened.has(index) ? ' cont' : '';
  opened.add(index);
  const cls = `hl ${mark.kind}${mark.className ? ` ${mark.className}` : ''}${cont}`;
  const tip = escapeHtml(mark.tip);
  if (mark.href && !insideLink(stack)) {
    return `<a class="${cls}" href="${escapeHtml(mark.href)}" title="${tip}" data-tip="${tip}">`;
  }
  // Focusable so keyboard users get the tooltip too, except where a link already is.
  const focus = insideLink(stack) ? '' : ' tabindex="0"';
  return `<span class="${cls}"${focus} title="${tip}" data-tip="${tip}">`;
}

function close(layer: Layer, below: readonly Layer[]): string {
  if (layer.type === 'p') return '</p>';
  if (layer.type === 's') return '</span>';
  return layer.mark.href && !insideLink(below) ? '</a>' : '</span>';
}
