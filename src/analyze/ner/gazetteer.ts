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
  for (let b = 0; b < 16; b++) {
    if (mask & (1 << b)) out.push(`${ENTITY_TYPES[b >> 2]}${POSITIONS[b & 3]}`);
  }
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

function hasUpper(word: string): boolean {
  return word !== word.toLowerCase();
}

/**
 * For each token, the gazetteer features it takes part in: "TYPE:POS" with POS one of
 * B/I/L/U. A phrase must begin and end with a capitalized token, so "us" is not "US".
 */
export function matchGazetteer(
  gaz: Gazetteer,
  lower: readonly string[],
  words: readonly string[],
): string[][] {
  const out: string[][] = words.map(() => []);
  for (let i = 0; i < words.length; i++) {
    if (!hasUpper(words[i]!)) continue;
    let key = '';
    for (let n = 1; n <= MAX_PHRASE && i + n <= words.length; n++) {
      key = n === 1 ? lower[i]! : `${key} ${lower[i + n - 1]}`;
      const mask = gaz.get(key);
      if (mask === undefined) break;
      if (mask === 0 || !hasUpper(words[i + n - 1]!)) continue;
      for (let t = 0; t < ENTITY_TYPES.length; t++) {
        if (!(mask & (1 << t))) continue;
        const type = ENTITY_TYPES[t];
        if (n === 1) out[i]!.push(`${type}U`);
        else {
          out[i]!.push(`${type}B`);
          for (let k = i + 1; k < i + n - 1; k++) out[k]!.push(`${type}I`);
          out[i + n - 1]!.push(`${type}L`);
        }
      }
    }
  }
  return out;
}
