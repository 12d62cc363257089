// Alias tables: the many ways news writes one entity ("DPRK", "U.S.", "UN") mapped to the
// name sitrep files it under. Built-in ones come from aliases.json and the country table;
// the store supplies the ones people add.
import { nameKey } from '../../core/name-key.js';
import type { EntityType } from '../../core/types.js';
import data from './aliases.json' with { type: 'json' };

/** Where an alias leads: a canonical name, and the entity type when it is known. */
export interface AliasTarget {
  name: string;
  type?: EntityType | null;
}

/** One alias as the store keeps it. */
export interface AliasEntry extends AliasTarget {
  alias: string;
}

/** Aliases by canonicalKey(alias); one key may lead to several entities of different types. */
export type AliasTable = ReadonlyMap<string, readonly AliasTarget[]>;

/** Keys already computed: an article asks for the same few names many times. */
const KEYS = new Map<string, string>();
/** Past this many names the memo starts afresh, so a long run's memory stays bounded. */
const MAX_KEYS = 50_000;

/** The lookup key of a name: case, accents, punctuation and possessives folded ("U.S." = "us"). */
export function canonicalKey(name: string): string {
  let key = KEYS.get(name);
  if (key === undefined) {
    if (KEYS.size >= MAX_KEYS) KEYS.clear();
    key = nameKey(name);
    KEYS.set(name, key);
  }
  return key;
}

/** Builds an alias table from entries such as the store's user-edited aliases. */
export function buildAliasTable(entries: Iterable<AliasEntry>): AliasTable {
  const table = new Map<string, AliasTarget[]>();
  for (const { alias, name, type } of entries) {
    const key = canonicalKey(alias);
    if (!key) continue;
    const targets = table.get(key) ?? [];
    targets.push({ name, type: type ?? null });
    table.set(key, targets);
  }
  return table;
}

/** Whether a mention of one type may take an alias of another: persons only match persons. */
export function typesMatch(mention: EntityType, target: EntityType | null | undefined): boolean {
  if (!target) return true;
  return mention === target || (mention !== 'PER' && target !== 'PER');
}

/** The target of a name in a table, preferring one of the mention's own type. */
export function lookupAlias(table: AliasTable, name: string, type: EntityType): AliasTarget | null {
  const targets = table.get(canonicalKey(name));
  if (!targets) return null;
  return (
    targets.find((t) => t.type === type) ?? targets.find((t) => typesMatch(type, t.type)) ?? null
  );
}

/** The built-in organisation and place aliases of aliases.json (countries are separate). */
export const ALIASES: AliasTable = buildAliasTable(
  data.entities.flatMap((e) =>
    [e.name, ...e.aliases].map((alias) => ({ alias, name: e.name, type: e.type as EntityType })),
  ),
);
