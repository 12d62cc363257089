// A person's role from the words around their name: a title opening the span ("President
// Putin"), one right before it ("Russian President Vladimir Putin"), or an appositive after
// it ("John Kirby, the White House spokesperson"), with the country or organisation that
// qualifies it.
import type { AliasTable } from './aliases.js';
import { cleanName } from './names.js';
import { findTitleAt, findTitleBefore, findTitleOpening, REGNAL_SUFFIX } from './titles.js';
import { type SpanIndex, targetOf, type Work } from './work.js';

/**
 * Words that cannot qualify a title as one phrase: they hold a clause break, or end a
 * sentence ("…in Russia. President Putin"); "U.S." ends in an abbreviation, not a sentence.
 */
const CLAUSE_BREAK = /[,;:!?()"“”]|\p{Ll}{2}\.(?:\s|$)/u;
/** How many words before a title may name its country or organisation ("South Korean"). */
const MAX_QUALIFIER_WORDS = 3;

/** The entity name a few words stand for when they qualify a title ("U.S.", "Kremlin"). */
function qualifierName(words: string, user: AliasTable | undefined): string | null {
  if (!/^[\p{Lu}]/u.test(words)) return null;
  const [target] = targetOf(cleanName(words, false), 'ORG', user);
  return target?.name ?? null;
}

/** Finds the qualifier ending at `end`: a mention, or up to three words naming one. */
function qualifierBefore(
  text: string,
  end: number,
  spans: SpanIndex,
  user: AliasTable | undefined,
): { start: number; qualifier: number | string } | null {
  const before = text.slice(Math.max(0, end - 80), end);
  const gap = /(?:['’]s)?\s*$/.exec(before)?.[0].length ?? 0;
  const at = end - gap;
  const mention = spans.byEnd.get(at);
  if (mention !== undefined) return { start: spans.mentions[mention]!.start, qualifier: mention };
  const words = text.slice(Math.max(0, at - 60), at).split(/(?<=\s)/);
  for (let n = Math.min(MAX_QUALIFIER_WORDS, words.length); n >= 1; n--) {
    const phrase = words.slice(-n).join('');
    if (CLAUSE_BREAK.test(phrase)) continue;
    const name = qualifierName(phrase.trim(), user);
    if (name) return { start: at - phrase.length, qualifier: name };
  }
  return null;
}

/** A role written after the name: "John Kirby, the White House spokesperson". */
function roleAfter(
  text: string,
  end: number,
  spans: SpanIndex,
  user: AliasTable | undefined,
): { role: string; start: number; end: number; qualifier: number | string | null } | null {
  const lead = /^,\s+(?:the\s+|a\s+|an\s+)?/i.exec(text.slice(end, end + 12));
  if (!lead) return null;
  const start = end + lead[0].length;
  let pos = start;
  let qualifier: number | string | null = null;
  const mention = spans.byStart.get(pos);
  if (mention !== undefined) {
    const end = spans.mentions[mention]!.end;
    const gap = /^(?:['’]s)?\s+/.exec(text.slice(end, end + 8));
    qualifier = mention;
    pos = end + (gap?.[0].length ?? 0);
  } else {
    const words = text.slice(pos, pos + 60).split(/(?<=\s)/);
    for (let n = Math.min(MAX_QUALIFIER_WORDS, words.length - 1); n >= 1; n--) {
      const phrase = words.slice(0, n).join('');
      if (CLAUSE_BREAK.test(phrase.trim())) continue;
      const name = qualifierName(phrase.trim().replace(/['’]s$/, ''), user);
      if (name && findTitleAt(text, pos + phrase.length)) {
        qualifier = name;
        pos += phrase.length;
        break;
      }
    }
  }
  const title = findTitleAt(text, pos);
  if (!title?.role) return null;
  if (qualifier === null) {
    const of = /^\s+(?:of|for|at)\s+(?:the\s+)?/i.exec(text.slice(title.end, title.end + 12));
    const owner = of ? spans.byStart.get(title.end + of[0].length) : undefined;
    if (owner !== undefined) qualifier = owner;
  }
  return { role: title.role, start, end: title.end, qualifier };
}

/** Roles' modifiers written before their qualifier: "former U.S. President". */
const LEADING_MODIFIER = /(?<![\p{L}\p{N}])(former|then-|ex-|acting|outgoing|late)\s*$/iu;

/** Strips the titles a person's span opens with ("President Putin"); records the first role. */
function stripTitles(w: Work, user: AliasTable | undefined): void {
  let name = w.name;
  // Where `name` starts in the text: the span stays as tagged, only the name shrinks.
  let at = w.raw.start + Math.max(0, w.raw.text.indexOf(name));
  for (;;) {
    let title = findTitleOpening(name);
    let qualifier: string | null = null;
    if (!title) {
      // A qualifier inside the span: "Russian President Vladimir Putin" tagged as one.
      const words = name.split(/(?<=\s)/);
      for (let n = 1; n <= MAX_QUALIFIER_WORDS && n < words.length; n++) {
        const phrase = words.slice(0, n).join('');
        const q = qualifierName(phrase.trim().replace(/['’]s$/, ''), user);
        const t = q ? findTitleOpening(name.slice(phrase.length)) : null;
        if (t) {
          title = { ...t, start: t.start + phrase.length, end: t.end + phrase.length };
          qualifier = q;
          break;
        }
      }
    }
    if (!title) break;
    const restAt = name.length - name.slice(title.end).trimStart().length;
    const rest = name.slice(restAt).trim();
    if (title.role && !w.role) {
      w.role = title.role;
      w.roleSpan = { start: at, end: at + title.end };
      w.qualifier = qualifier;
    }
    const words = rest.split(/\s+/);
    if (
      title.regnal &&
      (words.length === 1 || (words.length === 2 && REGNAL_SUFFIX.test(words[1]!)))
    ) {
      // "King Charles" stays whole: "Charles" alone is too bare a name.
      name = `${title.written} ${rest}`;
      break;
    }
    name = rest;
    at += restAt;
  }
  w.name = name;
}

/** Finds a person's role: in the span, right before it, or in an appositive after it. */
export function findRole(
  w: Work,
  text: string,
  spans: SpanIndex,
  user: AliasTable | undefined,
): void {
  const nameAt = w.raw.start + Math.max(0, w.raw.text.indexOf(w.name));
  stripTitles(w, user);
  let titleStart: number | null = null;
  if (w.roleSpan) {
    if (w.qualifier === null && w.roleSpan.start === nameAt) titleStart = w.roleSpan.start;
  } else if (!/^[\p{Ll}]/u.test(w.name)) {
    const title = findTitleBefore(text, w.raw.start);
    if (title) {
      const words = w.name.split(/\s+/);
      if (title.regnal && words.length === 1) w.name = `${title.written} ${w.name}`;
      if (title.role) {
        w.role = title.role;
        w.roleSpan = { start: title.start, end: title.end };
        titleStart = title.start;
      }
    }
  }
  if (titleStart !== null && w.roleSpan) {
    const q = qualifierBefore(text, titleStart, spans, user);
    if (q) {
      w.qualifier = q.qualifier;
      w.roleSpan.start = q.start;
    }
    const mod = LEADING_MODIFIER.exec(
      text.slice(Math.max(0, w.roleSpan.start - 20), w.roleSpan.start),
    );
    if (mod?.[1] && w.role && !w.role.startsWith(mod[1].toLowerCase())) {
      w.role = `${mod[1].toLowerCase()}${mod[1].endsWith('-') ? '' : ' '}${w.role}`;
      w.roleSpan.start -= mod[0].length;
    }
  }
  if (!w.role) {
    const after = roleAfter(text, w.raw.end, spans, user);
    if (after) {
      w.role = after.role;
      w.roleSpan = { start: after.start, end: after.end };
      w.qualifier = after.qualifier;
    }
  }
}
