// The grammatical gender the article itself gives each person, so that "she said" skips
// the nearest man. Evidence, all from the article: honorifics ("Mrs. Clinton"), gendered
// role words ("the actress", "spokesman"), and the pronoun that first follows a mention
// before anyone else is named. No name list: first names say little about news subjects.
import type { Mention } from '../../core/types.js';

export type Gender = 'f' | 'm';

const HONORIFIC = /\b(Mrs?|Ms|Miss)\.?\s*$/;
const FEMININE = new Set(
  (
    'woman women actress wife mother daughter sister girl grandmother aunt queen lady ' +
    'spokeswoman congresswoman chairwoman businesswoman councilwoman anchorwoman widow ' +
    'mom niece princess duchess heiress'
  ).split(' '),
);
const MASCULINE = new Set(
  (
    'man men actor husband father son brother boy grandfather uncle king spokesman ' +
    'congressman chairman businessman councilman anchorman widower dad nephew prince duke'
  ).split(' '),
);
const PRONOUN = /\b(he|him|his|himself|she|her|hers|herself)\b/i;
const FEMININE_PRONOUN = /^(?:she|her|hers|herself)$/;
/** How far after a mention its pronoun may stand. */
const REACH = 200;

/** Each person entity's gender, where the article gives evidence for one. */
export function personGenders(text: string, mentions: readonly Mention[]): Map<string, Gender> {
  const votes = new Map<string, number>();
  const vote = (entity: string, g: Gender, weight: number) =>
    votes.set(entity, (votes.get(entity) ?? 0) + (g === 'f' ? weight : -weight));
  const people = mentions.filter((m) => m.type === 'PER');
  for (let k = 0; k < people.length; k++) {
    const m = people[k]!;
    const honorific = HONORIFIC.exec(text.slice(Math.max(0, m.start - 6), m.start))?.[1];
    if (honorific) vote(m.entity, honorific === 'Mr' ? 'm' : 'f', 3);
    const role = (m as Mention & { role?: string | null }).role?.toLowerCase().split(/\s+/) ?? [];
    if (role.some((w) => FEMININE.has(w))) vote(m.entity, 'f', 2);
    if (role.some((w) => MASCULINE.has(w))) vote(m.entity, 'm', 2);
    // The first pronoun before the next person is named most likely stands for this one.
    const next = people.slice(k + 1).find((n) => n.entity !== m.entity);
    const stop = Math.min(m.end + REACH, next ? next.start : text.length);
    // Words inside quotation marks speak of others: look only up to the first mark.
    const window = text.slice(m.end, stop).split(/["“”]/, 1)[0]!;
    const p = PRONOUN.exec(window)?.[1]?.toLowerCase();
    if (p) vote(m.entity, FEMININE_PRONOUN.test(p) ? 'f' : 'm', 1);
  }
  const out = new Map<string, Gender>();
  for (const [entity, v] of votes) if (v !== 0) out.set(entity, v > 0 ? 'f' : 'm');
  return out;
}

/** The gender a third-person pronoun asks for, or null ("they", "it"). */
export function pronounGender(word: string): Gender | null {
  const w = word.toLowerCase();
  if (w === 'she' || w === 'her') return 'f';
  if (w === 'he' || w === 'him') return 'm';
  return null;
}
