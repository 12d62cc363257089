// "What changed since my last visit", remembered without accounts or scripts: one cookie
// lists, per story, how far the reader had seen (the story's last-seen time then). Pure
// functions over the cookie's value; the route reads and writes the cookie.

/** The cookie's name. */
export const VISITS_COOKIE = 'sitrep_visits';
/** Stories remembered: the most recent visits, small enough to stay under the 4 kB cookie limit. */
const MAX_STORIES = 150;

/** The latest time a JavaScript Date can hold. */
const MAX_DATE_MS = 8.64e15;

/** Parses "12:lq3x9k0.7:lq2a1b3" (story id : base-36 milliseconds) into a map. */
export function parseVisits(value: string | undefined): Map<number, number> {
  const out = new Map<number, number>();
  for (const part of (value ?? '').split('.')) {
    const [id, at] = part.split(':');
    const story = Number(id);
    const ms = Number.parseInt(at ?? '', 36);
    // A cookie is the browser's to change: only times a Date can hold are kept.
    if (Number.isInteger(story) && story > 0 && ms > 0 && ms <= MAX_DATE_MS) out.set(story, ms);
  }
  return out;
}

/** The cookie value after a visit to `storyId` that saw everything up to `seenUpTo` (ISO). */
export function recordVisit(value: string | undefined, storyId: number, seenUpTo: string): string {
  const visits = parseVisits(value);
  visits.delete(storyId);
  const ms = Date.parse(seenUpTo);
  if (!Number.isNaN(ms)) visits.set(storyId, ms);
  // Map order is insertion order: the newest visit is last, the oldest are dropped first.
  const kept = [...visits].slice(-MAX_STORIES);
  return kept.map(([id, at]) => `${id}:${at.toString(36)}`).join('.');
}

/**
 * When the reader last saw `storyId`, as the time from which anything is new: just after
 * the newest article they were shown. Null on a first visit.
 */
export function lastVisit(value: string | undefined, storyId: number): string | null {
  const ms = parseVisits(value).get(storyId);
  return ms === undefined ? null : new Date(ms + 1).toISOString();
}
