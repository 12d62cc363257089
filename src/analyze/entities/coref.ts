// Which mentions of one article are the same entity: same names, short and full person
// names, acronyms and expansions, an organisation's first word and its full name.
import type { EntityType } from '../../core/types.js';
import { type AliasTarget, canonicalKey } from './aliases.js';
import { acronymOf, initialsOf, nameTokens } from './names.js';
import { isPerson, type Work } from './work.js';

/** First words of organisation names too generic to stand for the whole name alone. */
const GENERIC_FIRST_WORDS = new Set(
  'national united federal international european american world general new royal central state first democratic republican people islamic south north east west great'.split(
    ' ',
  ),
);

/** Union-find over mentions, refusing to join two clusters sent to different entities. */
export class Clusters {
  private readonly parent: number[];
  private readonly target: (AliasTarget | null)[];
  constructor(works: readonly Work[]) {
    this.parent = works.map((_, i) => i);
    this.target = works.map((w) => w.target);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    this.parent[i] = root;
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const ta = this.target[ra];
    const tb = this.target[rb];
    if (ta && tb && (ta.name !== tb.name || (ta.type ?? null) !== (tb.type ?? null))) return;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[child] = root;
    this.target[root] = ta ?? tb ?? null;
  }
}

/** Joins mentions with the same name, or sent to the same entity by an alias table. */
export function joinSameNames(works: readonly Work[], clusters: Clusters): void {
  const first = new Map<string, number>();
  for (const [i, w] of works.entries()) {
    // One-word person names are left to joinPersons: two Kims may be two people.
    if (!w.target && isPerson(w) && nameTokens(w.name).length < 2) continue;
    const group = w.target
      ? `T:${w.target.name}|${w.target.type ?? ''}`
      : `K:${isPerson(w) ? 'P' : 'O'}:${w.key}`;
    const j = first.get(group);
    if (j === undefined) first.set(group, i);
    else clusters.union(j, i);
  }
}

/** Arabic articles fused to a surname: "al-Assad" is written "Assad" too. */
const SURNAME_ARTICLE = /^(?:al|el|ad|ud|ul|as|ash|at|an|ar|az) (?=\p{L}{3})/u;

/** A name token's key, with a fused article dropped. */
function personTokenKey(token: string): string {
  return canonicalKey(token).replace(SURNAME_ARTICLE, '');
}

/** Whether `tokens` ends with `tail`. */
function endsWith(tokens: readonly string[], tail: readonly string[]): boolean {
  const offset = tokens.length - tail.length;
  return offset >= 0 && tail.every((t, i) => tokens[offset + i] === t);
}

/** Joins a person's short name to a full name: "Putin" → "Vladimir Putin", "Yoon" → "Yoon Suk Yeol". */
export function joinPersons(works: readonly Work[], clusters: Clusters): void {
  const people = works.flatMap((w, i) =>
    isPerson(w) ? [{ i, w, tokens: nameTokens(w.name).map(personTokenKey) }] : [],
  );
  const signatures = new Map<string, number>();
  for (const p of people) {
    if (p.tokens.length < 2) continue;
    const signature = `${p.tokens[0]} ${p.tokens.at(-1)}`;
    const j = signatures.get(signature);
    if (j === undefined) signatures.set(signature, p.i);
    else clusters.union(j, p.i);
  }
  // A one-word name with no full name to join: the same word is the same person.
  const orphans = new Map<string, number>();
  for (const p of people) {
    const n = p.tokens.length;
    if (n === 0) continue;
    // The name's last words ("Putin", "von der Leyen"), else for one word its first ("Yoon").
    let candidates = people.filter((f) => f.tokens.length > n && endsWith(f.tokens, p.tokens));
    if (candidates.length === 0 && n === 1) {
      candidates = people.filter((f) => f.tokens.length > 1 && f.tokens[0] === p.tokens[0]);
    }
    const start = p.w.raw.start;
    const before = candidates.filter((c) => c.w.raw.start < start).at(-1);
    const chosen = before ?? candidates.find((c) => c.w.raw.start > start);
    if (chosen) {
      clusters.union(chosen.i, p.i);
      continue;
    }
    if (n !== 1) continue;
    const alone = orphans.get(p.tokens[0]!);
    if (alone === undefined) orphans.set(p.tokens[0]!, p.i);
    else clusters.union(alone, p.i);
  }
}

/** Joins acronyms to their expansions: "North Atlantic Treaty Organization (NATO)". */
export function joinAcronyms(text: string, works: readonly Work[], clusters: Clusters): void {
  const declared = new Map<string, number>();
  const initials = new Map<string, number[]>();
  for (const [i, w] of works.entries()) {
    if (isPerson(w)) continue;
    const paren = /^\s*\(\s*([^()]{2,14}?)\s*\)/.exec(text.slice(w.raw.end, w.raw.end + 20));
    const declaredAcronym = paren?.[1] ? acronymOf(paren[1]) : null;
    if (declaredAcronym && !acronymOf(w.name)) declared.set(declaredAcronym, i);
    for (const letters of initialsOf(w.name)) {
      const list = initials.get(letters);
      if (list) list.push(i);
      else initials.set(letters, [i]);
    }
  }
  for (const [i, w] of works.entries()) {
    const letters = isPerson(w) ? null : acronymOf(w.name);
    if (!letters) continue;
    const expansion = declared.get(letters);
    const guesses = [...new Set((initials.get(letters) ?? []).map((j) => works[j]!.key))];
    if (expansion !== undefined) clusters.union(expansion, i);
    else if (guesses.length === 1) clusters.union(initials.get(letters)![0]!, i);
  }
}

/** Joins an organisation's first word to its full name: "Goldman" → "Goldman Sachs". */
export function joinOrgHeads(works: readonly Work[], clusters: Clusters): void {
  const orgs = works.flatMap((w, i) =>
    w.type === 'ORG' ? [{ i, w, words: w.name.split(/\s+/) }] : [],
  );
  for (const o of orgs) {
    if (o.words.length !== 1 || o.w.target || acronymOf(o.w.name)) continue;
    if (GENERIC_FIRST_WORDS.has(o.w.key)) continue;
    const heads = orgs.filter((f) => f.words.length > 1 && canonicalKey(f.words[0]!) === o.w.key);
    if (new Set(heads.map((h) => h.w.key)).size === 1) clusters.union(heads[0]!.i, o.i);
  }
}

/** The type most of a cluster's mentions have; the earliest wins a tie. */
export function majorityType(members: readonly Work[]): EntityType {
  const counts = new Map<EntityType, number>();
  for (const m of members) counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
  let best = members[0]!.type;
  for (const [type, n] of counts) if (n > (counts.get(best) ?? 0)) best = type;
  return best;
}

/** The fullest name in a cluster: most words, the earliest among equals. */
export function fullestName(members: readonly Work[]): string {
  let best = members[0]!;
  const size = (w: Work): number =>
    isPerson(w) ? nameTokens(w.name).length : w.name.split(/\s+/).length;
  for (const m of members) if (size(m) > size(best)) best = m;
  return best.name;
}
