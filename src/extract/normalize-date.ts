// Dates arrive in every format publishers ever invented. This turns any of them into ISO
// 8601, or null, and never throws.
import * as chrono from 'chrono-node';

/** Years outside this window are typos or epoch artefacts, not publish dates. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

// "26-FEB-1987 15:01:01.79" (Reuters-21578).
const REUTERS_DATE =
  /^(\d{1,2})-([A-Za-z]{3})-(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?$/;
// "2016-03-11" — a day with no time keeps its precision.
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
// "2009-06-11 13:57:00" or "2009-06-11T13:57" with no zone: read as UTC.
const ISO_NO_ZONE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;
// "20240501" or "20240501T120000Z"-ish compact forms used by some CMS metas.
const COMPACT_DAY = /^(\d{4})(\d{2})(\d{2})$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validYear(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

function toIso(date: Date): string | null {
  const time = date.getTime();
  if (Number.isNaN(time) || !validYear(date.getUTCFullYear())) return null;
  return date.toISOString().replace('.000Z', 'Z');
}

function isoDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || !validYear(year)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function parseReuters(m: RegExpMatchArray): string | null {
  const month = MONTHS[m[2]!.toLowerCase()];
  if (!month) return null;
  const day = isoDay(Number(m[3]), month, Number(m[1]));
  if (!day || m[4] === undefined) return day;
  return `${day}T${pad(Number(m[4]))}:${m[5]}:${m[6] ?? '00'}Z`;
}

/** Turns a date string in any common format into ISO 8601 (UTC, or a bare day), or null. */
export function normalizeDate(raw: unknown): string | null {
  if (typeof raw === 'number')
    return raw > 1e11 ? toIso(new Date(raw)) : toIso(new Date(raw * 1000));
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (!text || text.length > 200) return null;
  if (ISO_DAY.test(text)) {
    const [y, m, d] = text.split('-').map(Number);
    return isoDay(y!, m!, d!);
  }
  const compact = text.match(COMPACT_DAY);
  if (compact) return isoDay(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const reuters = text.match(REUTERS_DATE);
  if (reuters) return parseReuters(reuters);
  const noZone = text.match(ISO_NO_ZONE);
  if (noZone) return toIso(new Date(`${noZone[1]}T${noZone[2]}Z`));
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const iso = toIso(new Date(text));
    if (iso) return iso;
  }
  if (/^\d{9,13}$/.test(text)) return normalizeDate(Number(text));
  try {
    // chrono handles "Fri Apr 28 19:20:36 CEST 2023", "June 11th, 2009 @ 10:57 UTC", etc.
    const [result] = chrono.strict.parse(
      text.replace(/\s@\s/g, ' at '),
      new Date(Date.UTC(2000, 0, 1)),
    );
    if (!result?.start.isCertain('year')) return null;
    const { start } = result;
    if (!start.isCertain('hour')) {
      return isoDay(start.get('year')!, start.get('month')!, start.get('day')!);
    }
    return toIso(start.date());
  } catch {
    return null;
  }
}

/** The day a URL path names (/2009/06/11/slug), as "YYYY-MM-DD", or null. */
export function dateFromUrl(url: string | null | undefined): string | null {
  const m = url?.match(
    /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/-]|$)/,
  );
  return m ? isoDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}
