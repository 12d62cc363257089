// Raw tagger mentions → canonical entities within one article. A person's title becomes
// their role; "Putin" joins "Vladimir Putin"; "NATO" joins its expansion; nationality
// words ("Russian") link to their country; aliases ("DPRK", "U.S.") take their canonical
// names. Pure: text and mentions in, mentions out.
import type { EntityType, Mention, TextSpan } from '../../core/types.js';
import { type AliasTable, canonicalKey } from './aliases.js';
import {
  Clusters,
  fullestName,
  joinAcronyms,
  joinOrgHeads,
  joinPersons,
  joinSameNames,
  majorityType,
} from './coref.js';
import { cleanName } from './names.js';
import { findRole } from './roles.js';
import { isPerson, type RawMention, type SpanIndex, targetOf, type Work } from './work.js';

export type { RawMention } from './work.js';

/**
 * A mention with the entity it refers to. People also get the role the article gives them
 * ("President"), its affiliation as an entity name ("Russia"), and, on the mention where
 * the article writes it, the span of the whole role phrase ("Russian President").
 */
export interface ResolvedMention extends Mention {
  role?: string | null;
  affiliation?: string | null;
  roleSpan?: TextSpan | null;
}

/** Options for resolveEntities: aliases people added, which win over the built-in ones. */
export interface ResolveOptions {
  aliases?: AliasTable;
}

/** "Mr. King" is a person whatever the tagger says ("Dr." is not: Dr Pepper). */
const PERSONAL_HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+\p{Lu}/u;
const HONORIFIC_BEFORE = /\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+$/;

/**
 * Turns a tagger's mentions in one article into mentions of canonical entities: titles
 * stripped into roles, short names joined to full ones, acronyms to expansions,
 * nationality words typed NORP and linked to their country, aliases applied (the
 * caller's first). Returns every mention, in text order; spans are never changed.
 */
export function resolveEntities(
  text: string,
  mentions: readonly RawMention[],
  options: ResolveOptions = {},
): ResolvedMention[] {
  const user = options.aliases;
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const byStart = new Map<number, number>();
  const byEnd = new Map<number, number>();
  for (const [i, m] of sorted.entries()) {
    if (!byStart.has(m.start)) byStart.set(m.start, i);
    if (!byEnd.has(m.end)) byEnd.set(m.end, i);
  }
  const spans: SpanIndex = { mentions: sorted, byStart, byEnd };
  const works: Work[] = sorted.map((raw) => {
    // "Mrs. Kunin" is a person whether or not the tagger took the honorific in.
    const honored =
      PERSONAL_HONORIFIC.test(raw.text) ||
      HONORIFIC_BEFORE.test(text.slice(Math.max(0, raw.start - 6), raw.start));
    const type = honored ? 'PER' : raw.type;
    return {
      raw,
      name: cleanName(raw.text, type === 'PER'),
      key: '',
      type,
      target: null,
      targetRank: 0,
      role: null,
      roleSpan: null,
      qualifier: null,
    };
  });
  for (const w of works) {
    const written = w.name;
    if (isPerson(w)) findRole(w, text, spans, user);
    w.key = canonicalKey(w.name);
    [w.target, w.targetRank] = targetOf(w.name, w.type, user);
    // A user's alias may name a person with the title in it ("Dr. Dre").
    if (!w.target && user && written !== w.name)
      [w.target, w.targetRank] = targetOf(written, w.type, user);
  }

  const clusters = new Clusters(works);
  joinSameNames(works, clusters);
  joinPersons(works, clusters);
  joinAcronyms(text, works, clusters);
  joinOrgHeads(works, clusters);

  const members = new Map<number, Work[]>();
  for (const [i, w] of works.entries()) {
    const root = clusters.find(i);
    const group = members.get(root);
    if (group) group.push(w);
    else members.set(root, [w]);
  }
  const entityOf = new Map<Work, { entity: string; type: EntityType; owner: Work[] }>();
  for (const group of members.values()) {
    const best = group.reduce<Work | null>(
      (b, w) => (w.target && (!b || w.targetRank > b.targetRank) ? w : b),
      null,
    );
    const entity = best?.target?.name ?? fullestName(group);
    const type = best?.target?.type ?? majorityType(group);
    for (const w of group) entityOf.set(w, { entity, type, owner: group });
  }

  const affiliationOf = (w: Work): string | null => {
    if (typeof w.qualifier === 'string') return w.qualifier;
    if (w.qualifier === null) return null;
    return entityOf.get(works[w.qualifier]!)?.entity ?? null;
  };
  return works.map((w) => {
    const { entity, type, owner } = entityOf.get(w)!;
    const mention: ResolvedMention = {
      start: w.raw.start,
      end: w.raw.end,
      text: w.raw.text,
      type,
      entity,
    };
    if (type !== 'PER') return mention;
    // The role the article gives the person, wherever it is written, holds for every mention.
    const holder = owner.find((o) => o.role !== null);
    mention.role = holder?.role ?? null;
    mention.affiliation = holder ? affiliationOf(holder) : null;
    mention.roleSpan = w.roleSpan
      ? { ...w.roleSpan, text: text.slice(w.roleSpan.start, w.roleSpan.end) }
      : null;
    return mention;
  });
}
