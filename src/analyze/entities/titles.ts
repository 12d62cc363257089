// Titles and roles around a person's name: "Russian President Vladimir Putin", "Gen. Mark
// Milley", "John Kirby, the White House spokesperson". The lists are data (titles.json);
// this file turns them into matchers.
import data from './titles.json' with { type: 'json' };

/** A title found in text: where it is and the role it gives (null for Mr., Dr. and such). */
export interface TitleMatch {
  /** Offsets into the string that was searched. */
  start: number;
  end: number;
  role: string | null;
  /** A title that stays in a one-word name: "King Charles", "Pope Francis". */
  regnal: boolean;
  /** The title as written, without its modifiers. */
  written: string;
}

/** How far before a name a title may start: the longest title with modifiers fits. */
const WINDOW = 120;

const lower = (s: string): string => s.toLowerCase();
const toPattern = (s: string): string =>
  s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

const ROLE_OF = new Map<string, string>();
for (const { role, forms } of data.roles) for (const form of forms) ROLE_OF.set(lower(form), role);
const HONORIFICS = new Set(data.honorifics.map(lower));
const REGNAL = new Set(data.regnal.map(lower));
/** Forms in capitals ("PM", "DA", "CEO") match only in capitals: "da Silva" is no DA. */
const CAPITALS = new Set(
  [...data.roles.flatMap((r) => r.forms), ...data.honorifics].filter((f) => /^[A-Z]{2,}$/.test(f)),
);

const TITLES = [...data.roles.flatMap((r) => r.forms), ...data.honorifics]
  .sort((a, b) => b.length - a.length)
  .map(toPattern)
  .join('|');
const MODIFIERS = data.modifiers
  .map((m) => (m.endsWith('-') ? `${toPattern(m)}\\s*` : `${toPattern(m)}\\s+`))
  .join('|');
const PHRASE = `((?:${MODIFIERS})*)(${TITLES})`;
const NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}'’.-])";
// Only whitespace between a title and the name it precedes.
const BEFORE = new RegExp(`${NOT_WORD_BEFORE}${PHRASE}\\s+$`, 'iu');
const OPENING = new RegExp(`^${PHRASE}\\s+(?=\\S)`, 'iu');
const AT = new RegExp(`^${PHRASE}(?![\\p{L}\\p{N}])`, 'iu');

function toMatch(m: RegExpExecArray, offset: number): TitleMatch | null {
  const modifiers = m[1] ?? '';
  const written = m[2] ?? '';
  if (
    /^[A-Z]{2,}$/i.test(written) &&
    !CAPITALS.has(written) &&
    CAPITALS.has(written.toUpperCase())
  ) {
    return null;
  }
  const key = lower(written);
  const base = HONORIFICS.has(key) ? null : (ROLE_OF.get(key) ?? null);
  const mods = modifiers
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => lower(w));
  const role = base === null ? null : [...mods, base].join(' ').replace(/- /g, '-');
  const start = offset + m.index;
  return {
    start,
    end: start + modifiers.length + written.length,
    role,
    regnal: REGNAL.has(key) || (base !== null && REGNAL.has(lower(base))),
    written,
  };
}

/** The last word of every title: most names follow no title, and this rules them out cheaply. */
const LAST_WORDS = new Set(
  [...data.roles.flatMap((r) => r.forms), ...data.honorifics].map((f) =>
    lower(f.split(/\s+/).at(-1)!),
  ),
);

/** The word before the whitespace that ends at `pos`, or null when no whitespace does. */
function wordBefore(text: string, pos: number): string | null {
  let end = pos;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  if (end === pos) return null;
  let start = end;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  return start < end ? text.slice(start, end) : null;
}

/** The title right before `pos` in `text` (only whitespace between), or null. */
export function findTitleBefore(text: string, pos: number): TitleMatch | null {
  const word = wordBefore(text, pos);
  if (!word || !LAST_WORDS.has(lower(word))) return null;
  const from = Math.max(0, pos - WINDOW);
  const m = BEFORE.exec(text.slice(from, pos));
  return m ? toMatch(m, from) : null;
}

/** A title opening a name as the tagger gave it ("President Putin"), or null. */
export function findTitleOpening(name: string): TitleMatch | null {
  const m = OPENING.exec(name);
  return m ? toMatch(m, 0) : null;
}

/** A title starting exactly at `pos` and ending at a word boundary, or null. */
export function findTitleAt(text: string, pos: number): TitleMatch | null {
  const m = AT.exec(text.slice(pos, pos + WINDOW));
  return m ? toMatch(m, pos) : null;
}

/** Roman numerals and suffixes that may follow a regnal name: "Charles III". */
export const REGNAL_SUFFIX = /^(?:[IVX]+|Jr\.?|Sr\.?)$/;
