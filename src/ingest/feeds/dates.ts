// Feed dates in the wild: RFC 822 (RSS), RFC 3339 (Atom, JSON Feed), and many broken
// variants of both. Parsing is done by hand rather than with Date.parse so that results
// do not depend on the machine's time zone or on V8's lenient guessing.

// biome-ignore format: a lookup table reads best packed
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Zone names seen in real feeds, in minutes east of UTC. IST is taken as India's. */
// biome-ignore format: a lookup table reads best packed
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0, BST: 60, IST: 330, WEST: 60, CET: 60, MET: 60,
  CEST: 120, MEST: 120, EET: 120, EEST: 180, MSK: 180, EST: -300, EDT: -240, CST: -360,
  CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420, AKST: -540, AKDT: -480, HST: -600,
  JST: 540, KST: 540, HKT: 480, SGT: 480, AWST: 480, ACST: 570, ACDT: 630, AEST: 600,
  AEDT: 660, NZST: 720, NZDT: 780,
};

/** Years outside this window are typos or placeholders ("0001-01-01"), not publish dates. */
const MIN_YEAR = 1970;
const MAX_YEAR = 2200;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  /** Minutes east of UTC; unknown zones count as UTC. */
  offset: number;
}

function zoneOffset(zone: string | undefined): number | null {
  if (!zone) return 0;
  const numeric = zone.match(/^([+-])(\d{1,2}):?(\d{2})?$/);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return minutes > 18 * 60 ? null : numeric[1] === '-' ? -minutes : minutes;
  }
  const named = ZONES[zone.toUpperCase()];
  // RFC 822 military letters and unknown names: the offset is unreliable, so use UTC.
  return named ?? 0;
}

function toIso(p: Parts): string | null {
  const year = p.year;
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.day > 31) return null;
  if (p.hour > 24 || p.minute > 59 || p.second > 60) return null;
  const local = Date.UTC(
    year,
    p.month - 1,
    p.day,
    p.hour,
    p.minute,
    Math.min(p.second, 59),
    p.millis,
  );
  // Date.UTC rolls 31 Feb into March; a date that moved was not a real date.
  const check = new Date(Date.UTC(year, p.month - 1, p.day));
  if (check.getUTCDate() !== p.day) return null;
  return new Date(local - p.offset * 60_000).toISOString();
}

const ISO =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{1,5})?$/i;

// "Wed, 02 Oct 2024 08:30:00 +0100", "2 Oct 24 8:30 EDT", "Wed 02-Oct-2024 08:30:00 GMT (BST)".
const RFC822 =
  /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?(\d{1,2})[\s-]+([a-z]+)\.?,?[\s-]+(\d{2,4}),?(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(?:([+-]\d{1,2}:?\d{2}|[a-z]{1,5})\b)?\s*(?:\(.*\))?$/i;

// "October 2, 2024 10:30 AM EST", "Wed, Oct 2 2024 08:30:00 GMT".
const MONTH_FIRST =
  /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}),?(?:\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?\s*([+-]\d{2}:?\d{2}|[a-z]{1,5})?$/i;

/** RFC 822 allows two-digit years; read them as the nearest century. */
function twoDigitYear(yy: number): number {
  return yy < 50 ? 2000 + yy : 1900 + yy;
}

function monthOf(name: string): number | null {
  return MONTHS[name.slice(0, 3).toLowerCase()] ?? null;
}

function parseIso(text: string): string | null {
  const m = text.match(ISO);
  if (!m) return null;
  const offset = zoneOffset(m[8]);
  if (offset === null) return null;
  return toIso({
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    millis: Math.round(Number(`0.${m[7] ?? 0}`) * 1000),
    offset,
  });
}

function parseRfc822(text: string): string | null {
  const m = text.match(RFC822);
  const month = m?.[2] ? monthOf(m[2]) : null;
  if (!m || !month) return null;
  const offset = zoneOffset(m[7]);
  if (offset === null) return null;
  return toIso({
    year: m[3]!.length === 2 ? twoDigitYear(Number(m[3])) : Number(m[3]),
    month,
    day: Number(m[1]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    millis: 0,
    offset,
  });
}

function parseMonthFirst(text: string): string | null {
  const m = text.match(MONTH_FIRST);
  const month = m?.[1] ? monthOf(m[1]) : null;
  if (!m || !month) return null;
  const offset = zoneOffset(m[8]);
  if (offset === null) return null;
  let hour = Number(m[4] ?? 0);
  const meridiem = m[7]?.toLowerCase();
  if (meridiem && (hour < 1 || hour > 12)) return null;
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  return toIso({
    year: Number(m[3]),
    month,
    day: Number(m[2]),
    hour,
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    millis: 0,
    offset,
  });
}

/** A feed date (RFC 822, ISO 8601 or a common broken variant) as ISO 8601 UTC, or null. */
export function parseFeedDate(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim().replace(/\s+/g, ' ');
  if (!text || text.length > 100) return null;
  return parseIso(text) ?? parseRfc822(text) ?? parseMonthFirst(text);
}
