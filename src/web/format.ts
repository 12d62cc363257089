// Small formatting helpers the story pages share: times as people read them, counts with
// their nouns, and query strings that keep the current filters.
import { html } from 'hono/html';

/** "2016-06-09" for a date, "2016-06-09 14:30 UTC" for a time that is not midnight. */
export function shownTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const day = iso.slice(0, 10);
  const clock = iso.slice(11, 16);
  return clock && clock !== '00:00' ? `${day} ${clock} UTC` : day;
}

/** A <time> element for an ISO time. */
export function timeTag(iso: string | null | undefined) {
  return iso ? html`<time datetime="${iso}">${shownTime(iso)}</time>` : '';
}

/** "1 article", "12 articles". */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : plural}`;
}

/** A query string from the non-empty values, starting with "?" (or "" when all are empty). */
export function queryString(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A positive integer from a query or path value, or undefined. */
export function positiveInt(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
