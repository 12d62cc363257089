// Joins what the finders saw into expressions: overlapping finds are settled, two ends become
// a range ("between 2019 and 2021"), and since/until/by turn a period into an interval or a
// deadline. The cue word stays in the text because it changes the value.
import { isEndpoint, makeRange, type Mention, type Spec, type Tense } from './spec.js';

/** Words (and the filler allowed after them) that make the next period a range end or deadline. */
const FILLER = String.raw`(?:(?:at\s+least|as\s+early\s+as|as\s+far\s+back\s+as|early|late|the)\s+|mid-)*`;
const SINCE = new RegExp(String.raw`\b(since)\s+${FILLER}$`, 'i');
const UNTIL = new RegExp(String.raw`\b(until|till|'til|through|thru|up\s+until)\s+${FILLER}$`, 'i');
const DEADLINE = new RegExp(
  String.raw`\b(by|before|no\s+later\s+than|not\s+later\s+than)\s+${FILLER}$`,
  'i',
);
/** Between two ends: a dash or "through" always joins them; "to" needs "from", "and" "between". */
const JOINER = /^\s*(?:([-–—]|through|thru)|(to|until|till)|(and))\s*$/i;
const FROM = /\bfrom\s+(?:the\s+)?$/i;
const BETWEEN = /\bbetween\s+(?:the\s+)?$/i;
/** How far back from a period to look for its cue word. */
const CUE_REACH = 40;
/** How far either side of a cue to look for the clause's tense. */
const CLAUSE_REACH = 150;
/**
 * Clause edges: "banks have until April 16" is not past because "talks had failed and". A
 * comma is not one: "By Monday morning, the ritual had begun".
 */
const CLAUSE_EDGE = /[.;:!?]\s|\s(?:and|but|while|whereas)\s/i;

/** Keeps preferred finds over others where they overlap, then the longest, in text order. */
function settleOverlaps(mentions: Mention[]): Mention[] {
  const ranked = [...mentions].sort(
    (a, b) =>
      Number(b.preferred) - Number(a.preferred) ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start,
  );
  const kept: Mention[] = [];
  for (const m of ranked) {
    if (!kept.some((k) => k.start < m.end && m.start < k.end)) kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function joinRanges(text: string, mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const a = mentions[i]!;
    const b = mentions[i + 1];
    const joiner = b && JOINER.exec(text.slice(a.end, b.start));
    if (!b || !joiner || !isEndpoint(a.spec) || !isEndpoint(b.spec)) {
      out.push(a);
      continue;
    }
    const before = text.slice(Math.max(0, a.start - CUE_REACH), a.start);
    const between = joiner[3] ? BETWEEN.exec(before) : null;
    if (joiner[1] || (joiner[2] && FROM.test(before)) || between) {
      const start = between ? a.start - (before.length - between.index) : a.start;
      out.push({ start, end: b.end, spec: makeRange(a.spec, b.spec), preferred: true });
      i++;
    } else out.push(a);
  }
  return out;
}

const FUTURE_CLAUSE =
  /\b(?:will|would|shall|could|should|must|may|might|won['’]t|expects?|expected|plans?|planned|aims?|hopes?|wants?|intends?|scheduled|set to|going to|to be|due|needs? to|deadline)\b/i;
/** Only auxiliaries: "-ed" words are as often participles ("delayed until July 1"). */
const PAST_CLAUSE = /\b(?:had|was|were|did)\b/i;

/**
 * The tense of the clause around a cue, or null when the wording does not show it:
 * "is expected to arrive by December", "By Monday morning, the ritual had begun".
 */
function clauseTense(text: string, start: number, end: number): Tense | null {
  const before = text
    .slice(Math.max(0, start - CLAUSE_REACH), start)
    .split(CLAUSE_EDGE)
    .at(-1);
  const after = text.slice(end, end + CLAUSE_REACH).split(CLAUSE_EDGE)[0];
  const clause = `${before ?? ''} ${after ?? ''}`;
  if (FUTURE_CLAUSE.test(clause)) return 'future';
  return PAST_CLAUSE.test(clause) ? 'past' : null;
}

function wrapWithCue(text: string, m: Mention): Mention {
  if (!isEndpoint(m.spec)) return m;
  const before = text.slice(Math.max(0, m.start - CUE_REACH), m.start);
  const cue = (re: RegExp) => re.exec(before);
  const at = (found: RegExpExecArray) => m.start - (before.length - found.index);
  let found = cue(SINCE);
  if (found) return { ...m, start: at(found), spec: { kind: 'since', from: m.spec } };
  found = cue(UNTIL);
  if (found) {
    const tense = clauseTense(text, at(found), m.end);
    return { ...m, start: at(found), spec: { kind: 'until', to: m.spec, tense } };
  }
  found = cue(DEADLINE);
  // "before Monday's vote" is usually past; only "by" makes a weekday a deadline.
  if (found && (m.spec.kind !== 'weekday' || found[1]?.toLowerCase() === 'by')) {
    const spec: Spec = { kind: 'deadline', by: m.spec, tense: clauseTense(text, at(found), m.end) };
    return { ...m, start: at(found), spec };
  }
  return m;
}

/** The expressions in a text, from every finder's mentions (offsets into that text). */
export function composeMentions(text: string, mentions: Mention[]): Mention[] {
  return joinRanges(text, settleOverlaps(mentions)).map((m) => wrapWithCue(text, m));
}
