// Small helpers on names as the tagger gives them: cleaning a span's words into a name,
// splitting a person's name into the tokens that identify them, and acronyms.

/** Words an acronym usually skips: "North Atlantic Treaty Organization" → NATO. */
const ACRONYM_SKIPS = new Set([
  'of',
  'the',
  'and',
  'for',
  'on',
  'in',
  'de',
  'du',
  'des',
  'la',
  'le',
  'to',
  'at',
  '&',
]);

/** A mention's words as a name: no quotes, possessive, trailing comma or leading "the". */
export function cleanName(text: string, person: boolean): string {
  let name = text
    .trim()
    .replace(/^["'“‘([]+|["'”’‘)\]]+$/g, '')
    .replace(/[,;:!?]+$/, '')
    // Some sites type the apostrophe as an opening quote: "Trump‘s".
    .replace(/(?:['’‘]s|s['’‘])$/, (m) => (m.startsWith('s') ? 's' : ''))
    .trim();
  if (!person) name = name.replace(/^the\s+/i, '');
  return name || text.trim();
}

/** The tokens that identify a person: no initials ("V."), no suffixes ("Jr."). */
export function nameTokens(name: string): string[] {
  return name
    .split(/\s+/)
    .filter((t) => t && !/^\p{L}\.?$/u.test(t) && !/^(?:Jr|Sr|II|III|IV)\.?,?$/.test(t))
    .map((t) => t.replace(/,$/, ''));
}

/** The letters of an acronym written in capitals ("NATO", "U.N.", "AT&T"), or null. */
export function acronymOf(name: string): string | null {
  const letters = name.replace(/[.&\s]/g, '');
  return /^[A-Z]{2,8}$/.test(letters) && /^[A-Z.&\s]+$/.test(name) ? letters : null;
}

/** The acronyms a multi-word name could be shortened to, with and without its small words. */
export function initialsOf(name: string): string[] {
  const words = name.split(/[\s-]+/).filter(Boolean);
  if (words.length < 2) return [];
  const all = words.map((w) => w[0]!.toUpperCase()).join('');
  const content = words
    .filter((w) => !ACRONYM_SKIPS.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return all === content ? [all] : [content, all];
}
