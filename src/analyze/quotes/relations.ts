// sitrep's attributions as attribution-corpus relations (PolNeAR, PARC): one relation per
// cue, whose Content is the whole reported clause. Partial quotes of one clause are one
// relation, and floating quotes join the relation they continue as further fragments.
import type { RawAttribution, Span } from './attribute.js';

export interface Relation {
  content: Span[];
  source: Span | null;
}

/** Groups sitrep's attributions into corpus relations, in text order. */
export function toRelations(found: readonly RawAttribution[]): Relation[] {
  const byRoot = new Map<RawAttribution, Relation>();
  const byClause = new Map<string, Relation>();
  const out: Relation[] = [];
  for (const a of found) {
    const root = !a.cue && a.sharesSourceWith ? byRoot.get(a.sharesSourceWith) : undefined;
    if (root) {
      root.content.push(a.clause);
      byRoot.set(a, root);
      continue;
    }
    const key = `${a.clause.start}:${a.clause.end}`;
    const same = byClause.get(key);
    if (same) {
      byRoot.set(a, same);
      continue;
    }
    const rel = { content: [a.clause], source: a.source ?? a.sharesSourceWith?.source ?? null };
    byClause.set(key, rel);
    byRoot.set(a, rel);
    out.push(rel);
  }
  return out;
}
