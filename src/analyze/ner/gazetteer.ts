// Name lists: lower-cased phrases → a bit mask of entity types, matched over a sentence's
// tokens to give each token its B/I/L/U membership of listed phrases.
import { createRequire } from 'node:module';
import type { ConllDocument } from './conll.js';
import { ENTITY_TYPES } from './conll.js';

/** Longest listed phrase, in tokens; longer names are rare and slow the matcher. */
const MAX_PHRASE = 6;

/** Phrase → type mask (bit t for ENTITY_TYPES[t]); prefixes of phrases map to 0. */
export type Gazetteer = Map<string, number>;

/** Adds a phrase (already tokenized) with one type to a gazetteer. */
export function addPhrase(gaz: Gazetteer, tokens: readonly string[], type: number): void {
  if (tokens.length === 0 || tokens.length > MAX_PHRASE) return;
  const lower = tokens.map((t) => t.toLowerCase());
  for (let n = 1; n < lower.length; n++) {
    const prefix = lower.slice(0, n).join(' ');
    if (!gaz.has(prefix)) gaz.set(prefix, 0);
  }
  const key = lower.join(' ');
  gaz.set(key, (gaz.get(key) ?? 0) | (1 << type));
}

/** Key prefix of single-word entries; a tab never occurs inside a token. */
const WORD_KEY = '\t';
const POSITIONS = 'BILU';

/**
 * Records where each word of a listed name sits (B/I/L/U) for its type, so an unseen name
 * still matches through its parts: "Randy" begins people's names, "Bancorp" ends companies'.
 */
export function addWords(gaz: Gazetteer, tokens: readonly string[], type: number): void {
  const n = tokens.length;
  tokens.forEach((t, i) => {
    const pos = n === 1 ? 3 : i === 0 ? 0 : i === n - 1 ? 2 : 1;
    const key = WORD_KEY + t.toLowerCase();
    gaz.set(key, (gaz.get(key) ?? 0) | (1 << (type * 4 + pos)));
  });
}

/** For a capitalized token, the TYPE+POS of listed names it has been part of. */
export function matchWords(gaz: Gazetteer, lower: string): string[] {
  const mask = gaz.get(WORD_KEY + lower);
  if (!mask) return [];
  const out: string[] = [];
  for (let b = 0; b < 16; b++) if (mask & (1 << b)) out.push(gazetteerCodeName(b));
  return out;
}

/** A copy of a gazetteer, to extend without touching the original. */
export function copyGazetteer(gaz: Gazetteer): Gazetteer {
  return new Map(gaz);
}

/** Splits a name from a list into CoNLL-like tokens ("Washington D.C." → 2 tokens). */
function tokenizeName(name: string): string[] {
  return name
    .replace(/([,()])/g, ' $1 ')
    .replace(/'s\b/g, " 's")
    .split(/\s+/)
    .filter(Boolean);
}

interface WorldCountry {
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  demonyms?: { eng?: { f: string; m: string } };
}

/** Country names (LOC), capitals (LOC) and demonyms (MISC) from world-countries. */
export function worldCountriesGazetteer(): Gazetteer {
  const require = createRequire(import.meta.url);
  const countries = require('world-countries/countries.json') as WorldCountry[];
  const gaz: Gazetteer = new Map();
  const loc = ENTITY_TYPES.indexOf('LOC');
  const misc = ENTITY_TYPES.indexOf('MISC');
  for (const c of countries) {
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length > 3)];
    for (const name of [...names, ...c.capital]) addPhrase(gaz, tokenizeName(name), loc);
    const dem = c.demonyms?.eng;
    if (dem) for (const d of new Set([dem.f, dem.m])) addPhrase(gaz, tokenizeName(d), misc);
  }
  return gaz;
}

/** Every entity string of the given documents, with its gold type. */
export function documentsGazetteer(docs: readonly ConllDocument[], base?: Gazetteer): Gazetteer {
  const gaz = base ? copyGazetteer(base) : new Map<string, number>();
  for (const doc of docs) {
    for (const s of doc.sentences) {
      let start = -1;
      let type = '';
      for (let i = 0; i <= s.labels.length; i++) {
        const label = s.labels[i] ?? 'O';
        if (start >= 0 && !label.startsWith('I-')) {
          const t = ENTITY_TYPES.indexOf(type as never);
          addPhrase(gaz, s.words.slice(start, i), t);
          addWords(gaz, s.words.slice(start, i), t);
          start = -1;
        }
        if (label.startsWith('B-')) {
          start = i;
          type = label.slice(2);
        }
      }
    }
  }
  return gaz;
}

/** A gazetteer match of one token: type index × 4 + position (B, I, L, U). */
export type GazetteerCode = number;

/** "PERU" for the code of PER, U: the string the features use. */
export function gazetteerCodeName(code: GazetteerCode): string {
  return `${ENTITY_TYPES[code >> 2]}${POSITIONS[code & 3]}`;
}

/**
 * For each token, the listed phrases it takes part in, as GazetteerCodes (null for none). A
 * phrase must begin and end with a capitalized token, so "us" is not "US".
 */
export function matchGazetteerCodes(
  gaz: Gazetteer,
  lower: readonly string[],
  capitalized: readonly boolean[],
): (GazetteerCode[] | null)[] {
  const n = lower.length;
  const out: (GazetteerCode[] | null)[] = new Array(n).fill(null);
  const push = (i: number, code: GazetteerCode): void => {
    const codes = out[i];
    if (codes) codes.push(code);
    else out[i] = [code];
  };
  for (let i = 0; i < n; i++) {
    if (!capitalized[i]) continue;
    let key = '';
    for (let len = 1; len <= MAX_PHRASE && i + len <= n; len++) {
      key = len === 1 ? lower[i]! : `${key} ${lower[i + len - 1]}`;
      const mask = gaz.get(key);
      if (mask === undefined) break;
      if (mask === 0 || !capitalized[i + len - 1]) continue;
      for (let t = 0; t < ENTITY_TYPES.length; t++) {
        if (!(mask & (1 << t))) continue;
        if (len === 1) push(i, t * 4 + 3);
        else {
          push(i, t * 4);
          for (let k = i + 1; k < i + len - 1; k++) push(k, t * 4 + 1);
          push(i + len - 1, t * 4 + 2);
        }
      }
    }
  }
  return out;
}

/** matchGazetteerCodes with the codes named ("PERB", "LOCU"), [] for none. */
export function matchGazetteer(
  gaz: Gazetteer,
  lower: readonly string[],
  words: readonly string[],
): string[][] {
  const capitalized = words.map((w) => w !== w.toLowerCase());
  return matchGazetteerCodes(gaz, lower, capitalized).map((codes) =>
    codes ? codes.map(gazetteerCodeName) : [],
  );
}
