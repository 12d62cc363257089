// The working record of one mention while an article is resolved, and where the alias
// and country tables send a name.
import type { EntityType } from '../../core/types.js';
import { ALIASES, type AliasTable, type AliasTarget, lookupAlias } from './aliases.js';
import { findCountry } from './countries.js';

/** A span as the tagger gives it. */
export interface RawMention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
}

/** The article's mentions in text order, found by where they start or end. */
export interface SpanIndex {
  mentions: readonly RawMention[];
  byStart: Map<number, number>;
  byEnd: Map<number, number>;
}

/** One mention as it is being resolved. */
export interface Work {
  raw: RawMention;
  name: string;
  key: string;
  type: EntityType;
  /** Where the alias tables or the country table sent it; user aliases rank first. */
  target: AliasTarget | null;
  targetRank: number;
  role: string | null;
  roleSpan: { start: number; end: number } | null;
  /** The role's qualifier: another mention (by index) or a name found in the text. */
  qualifier: number | string | null;
}

/** Where a name leads in the tables: user aliases, then countries, then built-in aliases. */
export function targetOf(
  name: string,
  type: EntityType,
  user: AliasTable | undefined,
): [AliasTarget | null, number] {
  const mine = user ? lookupAlias(user, name, type) : null;
  if (mine) return [mine, 3];
  // Persons keep their names: "Jordan", "Kenya" and "Georgia" are people's names too.
  if (type === 'PER') return [null, 0];
  const country = findCountry(name);
  if (country) {
    const norp = country.form === 'demonym' || (country.form === 'both' && type === 'MISC');
    return [{ name: country.country.name, type: norp ? 'NORP' : 'LOC' }, 2];
  }
  const builtin = lookupAlias(ALIASES, name, type);
  return builtin ? [builtin, 1] : [null, 0];
}

/** Whether a mention is of a person. */
export const isPerson = (w: Work): boolean => w.type === 'PER';
