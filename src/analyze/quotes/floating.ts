// Floating quotes: a quotation with no cue of its own belongs to the last speaker when it
// follows that speaker's words closely (the next sentence or paragraph), as news writing
// continues a speaker's quote without repeating "she said".
import type { RawAttribution, Span } from './attribute.js';
import { isSpeechWord } from './cues.js';
import type { Quotation } from './quotations.js';

/** Quotations shorter than this with no cue are scare quotes, titles or nicknames. */
const MIN_WORDS = 4;
/** A speakerless quotation is still kept when it is this long: it is someone's words. */
const MIN_WORDS_UNATTRIBUTED = 8;
/** How far (characters) a floating quote may be from the attribution it continues. */
const REACH = 600;

/**
 * "“…,” Trump spokesman Ron Lieberman told the Journal": a speaker named right after the
 * closing mark with a speech verb from the lexicon is the quotation's own source, even
 * when the cue detector passed the verb over.
 */
const NAMED_AFTER =
  /^[ \t]*[,—–-]?[ \t]*((?:\p{Lu}[\p{L}.'’-]*\s+){0,5}\p{Lu}[\p{L}.'’-]*|he|she)\s+(\p{Ll}+)\b/u;

function namedAfter(text: string, q: Quotation): { source: Span; cue: Span } | null {
  // “… support.” Kudrin announced …: a quotation closed by a full stop ends its sentence,
  // and the name after it starts the next one.
  if (/\.\W*$/.test(text.slice(q.innerEnd - 1, q.end))) return null;
  const m = NAMED_AFTER.exec(text.slice(q.end, q.end + 120));
  if (!m || !isSpeechWord(m[2]!)) return null;
  const sourceStart = q.end + m[0].indexOf(m[1]!);
  const cueStart = q.end + m[0].length - m[2]!.length;
  return {
    source: { start: sourceStart, end: sourceStart + m[1]!.length },
    cue: { start: cueStart, end: cueStart + m[2]!.length },
  };
}

const within = (inner: Span | null, outer: Span | null): boolean =>
  inner !== null && outer !== null && inner.start >= outer.start && inner.end <= outer.end;

/** Adds floating quotes to `found`, which stays in text order. */
export function attachFloatingQuotes(
  text: string,
  quotations: readonly Quotation[],
  found: RawAttribution[],
): void {
  // One sweep over clauses in text order marks the quotations some clause already holds.
  const byStart = [...found].sort((a, b) => a.clause.start - b.clause.start);
  let c = 0;
  let reach = -1;
  const claimed = (q: Quotation) => {
    while (c < byStart.length && byStart[c]!.clause.start < q.end)
      reach = Math.max(reach, byStart[c++]!.clause.end);
    return reach > q.start;
  };
  const added: RawAttribution[] = [];
  let k = 0;
  let last: RawAttribution | null = null;
  for (const q of quotations) {
    if (q.words < MIN_WORDS || claimed(q)) continue;
    while (k < found.length && found[k]!.clause.end <= q.start) {
      const f = found[k++]!;
      // "said Tom Rath, a GOP leader who had endorsed Kasich": a cue inside the last
      // speaker's description does not take the floor from that speaker.
      if (!within(f.cue, last?.source ?? null)) last = f;
    }
    const own = namedAfter(text, q);
    if (own) {
      const content = { start: q.innerStart, end: q.innerEnd };
      const clause = { start: q.start, end: q.end };
      const named: RawAttribution = {
        kind: 'direct',
        content,
        clause,
        ...own,
        sharesSourceWith: null,
        strength: 0.6,
      };
      added.push(named);
      last = named;
      continue;
    }
    const gap = last ? text.slice(last.clause.end, q.start) : '';
    const near = last !== null && gap.length <= REACH && gap.split('\n').length <= 3;
    if (!near && q.words < MIN_WORDS_UNATTRIBUTED) continue;
    const root = last?.sharesSourceWith && !last.cue ? last.sharesSourceWith : last;
    const floating: RawAttribution = {
      kind: 'direct',
      content: { start: q.innerStart, end: q.innerEnd },
      clause: { start: q.start, end: q.end },
      source: null,
      sharesSourceWith: near ? root : null,
      cue: null,
      strength: near ? root!.strength * 0.7 : 0.3,
    };
    added.push(floating);
    // The next quotation may continue this one: quotes run on paragraph after paragraph.
    if (near) last = floating;
  }
  if (added.length === 0) return;
  for (const a of added) found.push(a);
  found.sort((a, b) => a.clause.start - b.clause.start || a.content.start - b.content.start);
}
