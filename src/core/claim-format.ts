// How a claim's unit is shown beside its figure: counts carry their noun in the subject
// already ("3,000 North Korean troops"), so only units the subject lacks are written.
import type { Claim } from './types.js';

/** The unit to print after the value, or null when the subject already says it. */
export function shownUnit(claim: Pick<Claim, 'unit' | 'subject'>): string | null {
  const unit = claim.unit;
  if (!unit) return null;
  return claim.subject.toLowerCase().includes(unit.toLowerCase()) ? null : unit;
}
