// Subjects read before the number: the noun before a linking verb ("the death toll rose to
// 45"), and who sends what is counted ("North Korea may send as many as 12,000 personnel").
import { isNounWord, join, type Token, tokensFrom } from './tokens.js';
import { ADVERBS, AUXILIARIES, isVerbForm } from './word-lists.js';

/** How far back a subject is looked for: a noun, a verb and a hedge fit in 120 characters. */
const REACH = 120;
/** Longest noun before a link: "the total outstanding common stock". */
const MAX_WORDS = 5;
const LINK_BEFORE =
  /\b(?:(?:r[io]se|risen|fell|fallen|increased|decreased|grew|grown|jumped|dropped|climbed|declined|gained|slipped|surged|soared|plunged|tumbled)(?:\s+(?:to|by|above|below|from))?|of|is|was|were|are|reached|hit|totall?ed|topped|stood\s+at|(?:estimated|put|valued|set|pegged|stood|standing|stands)\s+at|worth|costs?|numbering|numbered|amounted\s+to)\s+$/i;
const SENDER_BEFORE =
  /((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*)\s+(?:(?:may|might|could|will|would|plans?\s+to|planned\s+to|is\s+set\s+to|has|had|have|reportedly|already|also|to)\s+)*(sent|send|deploy|dispatch|suppl|provid|commit|mobiliz)\w*\s+$/u;
const SENT: Readonly<Record<string, string>> = {
  sent: 'sent',
  send: 'sent',
  deploy: 'deployed',
  dispatch: 'dispatched',
  suppl: 'supplied',
  provid: 'provided',
  commit: 'committed',
  mobiliz: 'mobilized',
};

/** The noun before a linking verb: "the death toll rose to 45" → "death toll". */
export function subjectBefore(text: string, clauseStart: number, start: number): string {
  const before = text.slice(Math.max(clauseStart, start - REACH), start);
  const link = LINK_BEFORE.exec(before);
  if (!link) return '';
  const toks = tokensFrom(before, 0, link.index, false);
  let end = toks.length; // past an auxiliary: "the deal is worth", "the toll has risen to"
  while (end > 0 && (AUXILIARIES.has(toks[end - 1]!.low) || ADVERBS.has(toks[end - 1]!.low))) end--;
  const words: Token[] = [];
  for (let i = end - 1; i >= 0 && words.length < MAX_WORDS; i--) {
    const t = toks[i]!;
    if (!isNounWord(t, 'inside') || isVerbForm(t.low)) break;
    words.unshift(t);
  }
  return join(words);
}

/** Who sends the counted people: "North Korea may send as many as 12,000 personnel". */
export function senderBefore(text: string, clauseStart: number, start: number) {
  const m = SENDER_BEFORE.exec(text.slice(Math.max(clauseStart, start - REACH), start));
  const name = m?.[1];
  const participle = SENT[m?.[2] ?? ''];
  return name && participle ? { name, participle } : null;
}

/** Verbs whose object is what a count counts, and whose subject did it to them. */
const AGENT_VERB =
  /\b(killed|injured|wounded|won|raised|spent|lost|hired|fired|arrested|detained|evacuated|displaced|rescued|sold|bought|cut|added|created|collected|received|secured|earned|deported|admitted)\s+$/i;
/** Longest agent kept: "the floods in Valencia", "Hillary Clinton's campaign". */
const MAX_AGENT_WORDS = 6;
const AGENT_JOINERS = new Set(['of', 'in', 'the', "'s", '’s']);

/**
 * Who did it to the counted things: "The floods in Valencia killed 62 people" gives
 * "killed by the floods in Valencia"; "Clinton has won 1,200 delegates", "won by Clinton".
 */
export function agentBefore(text: string, clauseStart: number, start: number): string | null {
  const before = text.slice(Math.max(clauseStart, start - REACH), start);
  const verb = AGENT_VERB.exec(before);
  if (!verb) return null;
  const toks = tokensFrom(before, 0, verb.index, false);
  let end = toks.length;
  while (end > 0 && (AUXILIARIES.has(toks[end - 1]!.low) || ADVERBS.has(toks[end - 1]!.low))) end--;
  const words: Token[] = [];
  for (let i = end - 1; i >= 0 && words.length < MAX_AGENT_WORDS; i--) {
    const t = toks[i]!;
    if (!AGENT_JOINERS.has(t.low) && (!isNounWord(t, 'inside') || isVerbForm(t.low))) break;
    words.unshift(t);
  }
  while (words.length > 0 && AGENT_JOINERS.has(words[0]!.low)) words.shift();
  if (words.length === 0) return null;
  return `${verb[1]!.toLowerCase()} by ${join(words)}`;
}
