// What a figure counts, as a noun phrase chunked from the words around it without a tagger:
// the counted noun after the number ("3,000 North Korean troops"), an aside ("including
// special operations forces"), a participle and one place ("being trained in Russia"); or,
// when nothing is counted after it, the noun before a linking verb ("the death toll rose to").
import type { Quantity } from './quantity.js';
import { agentBefore, senderBefore, subjectBefore } from './subject-before.js';
import { isNounWord, join, type Place, type Token, tokensFrom } from './tokens.js';
import { ADVERBS, AUXILIARIES, isPlural, isVerbForm, singular, words } from './word-lists.js';

/** The subject found for a quantity. */
export interface SubjectRead {
  subject: string;
  /** Where the counted noun ends, so the claim's text runs to it; null when none follows. */
  headEnd: number | null;
  /** The counted noun's singular: the unit of a count ("troops" → "troop"). */
  noun: string | null;
}

/** Longest counted noun: "three State Supreme Court justices". */
const MAX_HEAD_WORDS = 5;
/** Longest place, with preposition and article: "by the Consumer Financial Protection Bureau". */
const MAX_PLACE_WORDS = 6;
/** Longest aside between commas; longer ones are clauses of their own. */
const MAX_ASIDE_TOKENS = 10;
const ASIDE_OPENERS = words('including mostly mainly chiefly largely among');
const PLACE_PREPOSITIONS = words('in at on from inside near into across to');
/** Forms of "be": with a participle they make the passive that describes what is counted. */
const BE = words('is are was were be been being');
const DETERMINERS = words('the a an its their his her our all those these');

/**
 * The counted noun right after the number: modifiers up to the first plural. After a unit a
 * common verb is a verb ("45 percent support"); right after a count it is the noun ("7 votes").
 */
function headAt(toks: Token[], i: number, afterUnit: boolean): Token[] {
  const head: Token[] = [];
  while (head.length < MAX_HEAD_WORDS) {
    const t = toks[i + head.length];
    const place: Place = head.length > 0 ? 'inside' : afterUnit ? 'after-unit' : 'after-count';
    if (!isNounWord(t, place)) break;
    const nextIsNoun = isNounWord(toks[i + head.length + 1], 'inside');
    // An -ed or -ing word is an adjective before a noun ("trained soldiers"), else a verb.
    if (isVerbForm(t.low) && !nextIsNoun) break;
    head.push(t);
    // A possessive qualifies the noun after it: "the state's population".
    if (/['’]s$/.test(t.low) && nextIsNoun) continue;
    // A plural ends the noun, unless it is a name going on ("Marines Corps" but "Americans agree").
    const capital = /^\p{Lu}/u.test(t.text);
    if (isPlural(t.low) && (!capital || !isNounWord(toks[i + head.length], 'after-unit'))) break;
  }
  return head;
}

/** A place after the noun or participle ("in Russia", "to the front"), or an agent ("by NATO"). */
function placeAt(toks: Token[], i: number, afterParticiple: boolean): Token[] {
  const prep = toks[i];
  if (!prep || !(PLACE_PREPOSITIONS.has(prep.low) || (afterParticiple && prep.low === 'by')))
    return [];
  const first = toks[i + 1];
  if (
    prep.low === 'to' &&
    !(first && (/^\p{Lu}/u.test(first.text) || DETERMINERS.has(first.low)))
  ) {
    return []; // "to vote" is a verb, "to Russia" a place
  }
  const words: Token[] = [prep];
  let named = false;
  for (let j = i + 1; words.length <= MAX_PLACE_WORDS; j++) {
    const t = toks[j];
    if (t && words.length === 1 && DETERMINERS.has(t.low)) words.push(t);
    // A name ends the place: "farmers in East Africa increase their yields".
    else if (isNounWord(t, 'inside') && !isVerbForm(t.low) && !(named && /^\p{Ll}/u.test(t.text))) {
      words.push(t);
      named ||= /^\p{Lu}/u.test(t.text);
    } else break;
  }
  return words.some((t, k) => k > 0 && isNounWord(t)) ? words : [];
}

/**
 * A participle describing the counted things: after an auxiliary a past participle ("were
 * killed"); without one, an -ed or -ing word only before a place ("troops stationed in"),
 * since "voters backed Clinton" and "PACs are trying to" are finite verbs.
 */
function participleAt(toks: Token[], k: number, afterAuxiliary: boolean): Token | undefined {
  const t = toks[k];
  if (!t || !/^\p{Ll}/u.test(t.text) || !isVerbForm(t.low)) return undefined;
  if (afterAuxiliary) return t.low.endsWith('ing') ? undefined : t;
  const next = toks[k + 1]?.low ?? '';
  return PLACE_PREPOSITIONS.has(next) || next === 'by' ? t : undefined;
}

/** An aside set off by commas: ", including special operations forces,". */
function asideAt(toks: Token[], i: number): number {
  if (toks[i]?.text !== ',' || !ASIDE_OPENERS.has(toks[i + 1]?.low ?? '')) return i;
  for (let j = i + 2; j < Math.min(toks.length, i + MAX_ASIDE_TOKENS); j++) {
    const t = toks[j];
    if (t?.text === ',') return j + 1;
    if (!t || !/^\p{L}/u.test(t.text)) return i;
  }
  return i;
}

/** Verbs by which a share of people holds a view: "60% of Americans say …". */
const OPINION_VERBS = words(
  'say says said think thinks believe believes support supports oppose opposes approve approves disapprove disapprove favor favors want wants prefer prefers back backs expect expects plan plans',
);
/** Words of the view kept in the subject: enough to tell one poll question from another. */
const MAX_VIEW_WORDS = 8;

/** "who say the economy is getting worse": the view a counted share of people holds. */
function opinionAt(toks: Token[], j: number): string {
  if (!OPINION_VERBS.has(toks[j]?.low ?? '')) return '';
  const view: Token[] = [];
  for (let k = j; k < toks.length && view.length < MAX_VIEW_WORDS; k++) {
    if (!/^[\p{L}\p{N}'’-]/u.test(toks[k]!.text)) break;
    view.push(toks[k]!);
  }
  return `who ${join(view)}`;
}

/** The phrase naming what the quantity counts, read from the clause around it. */
export function subjectOf(
  text: string,
  q: Quantity,
  clauseStart: number,
  clauseEnd: number,
): SubjectRead {
  const toks = tokensFrom(text, q.end, clauseEnd);
  let i = 0;
  // "of" introduces what is counted ("45% of voters"); "in" does after money ("$3bn in aid").
  const lead = toks[0]?.low;
  if (lead === 'of' || (lead === 'in' && q.unitKind === 'money') || q.first.kind === 'fraction') {
    i = 1;
    while (toks[i] && DETERMINERS.has(toks[i]!.low)) i++;
  }
  let head = headAt(toks, i, q.unit !== null);
  // A count of a name is a table row or a label ("4.05 Duluth"); names counted are plural.
  const last = head.at(-1);
  if (!q.unit && last && /^\p{Lu}/u.test(last.text) && !isPlural(last.low)) head = [];
  if (head.length === 0 && i > 0) i = 0; // "of" led nowhere: read on from the number
  let j = i + head.length;
  const asideEnd = asideAt(toks, j);
  const aside = asideEnd > j ? text.slice(toks[j]!.end, toks[asideEnd - 1]!.start).trim() : '';
  j = asideEnd;

  let k = j;
  let being = false;
  let passive = false;
  while (k < j + 4 && toks[k] && (AUXILIARIES.has(toks[k]!.low) || ADVERBS.has(toks[k]!.low))) {
    being ||= toks[k]!.low === 'being';
    passive ||= BE.has(toks[k]!.low);
    k++;
  }
  // "have helped" is the counted things acting, not a description of them.
  const verb = k > j && !passive ? undefined : participleAt(toks, k, k > j);
  const place = verb ? placeAt(toks, k + 1, true) : placeAt(toks, k, false);
  // Without a counted noun, only a count takes its subject from a participle ("45 were killed").
  const hasPost =
    (head.length > 0 || !q.unit) &&
    (verb !== undefined || (place.length > 0 && (head.length > 0 || k > j)));

  const sender = head.length > 0 && !q.unit ? senderBefore(text, clauseStart, q.start) : null;
  // Counted things something was done to take the doer: "people killed by the floods".
  const agent =
    head.length > 0 && !sender && !hasPost ? agentBefore(text, clauseStart, q.start) : null;
  const parts: string[] = [join(head)];
  if (sender) parts.push(`from ${sender.name}`);
  if (agent) parts.push(agent);
  if (aside) parts.push(`, ${aside},`);
  if (hasPost && verb && being) parts.push('being');
  if (hasPost && verb) parts.push(verb.text);
  else if (sender && place.length > 0) parts.push(sender.participle);
  if (hasPost) parts.push(join(place));

  const view = head.length > 0 && !hasPost ? opinionAt(toks, j) : '';
  if (view) parts.push(view);

  let subject = parts.filter(Boolean).join(' ').replace(/\s+,/g, ',').replace(/,$/, '').trim();
  if (head.length === 0 && !hasPost) subject = subjectBefore(text, clauseStart, q.start);
  const noun = head.at(-1);
  return {
    subject,
    // The claim's text runs to the counted noun, not through "in" ("$3bn", not "$3bn in aid").
    headEnd: noun && lead !== 'in' ? noun.end : null,
    noun: noun && !q.unit ? singular(noun.low) : null,
  };
}
