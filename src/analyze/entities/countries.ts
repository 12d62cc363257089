// Countries and nationality words, from world-countries plus the news forms it lacks
// (countries-news.json): "DPRK" and "North Korean" both lead to North Korea.
import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';
import { canonicalKey } from './aliases.js';
import news from './countries-news.json' with { type: 'json' };

/** A country under the name news gives it. */
export interface Country {
  name: string;
  cca2: string;
  cca3: string;
}

/** How a word names a country: as the country, as its people, or (U.S., UK) as either. */
export type CountryForm = 'name' | 'demonym' | 'both';

export interface CountryMatch {
  country: Country;
  form: CountryForm;
}

interface Entry {
  country: Country;
  name: boolean;
  demonym: boolean;
  /** Higher wins a key two countries share ("Congolese", "Dominican"). */
  rank: number;
}

// The news file outranks world-countries; among world-countries forms, official names and
// demonyms outrank alternative spellings; ties go to independent, then larger, countries.
const RANK_NEWS = 3e9;
const RANK_PRIMARY = 2e9;
const RANK_INDEPENDENT = 1e9;

// The package's entry is CommonJS typed as an ES default export, so load its JSON directly
// (require, not an import: typing 1.4 MB of JSON slows every type-check).
const worldCountries = createRequire(import.meta.url)(
  'world-countries/countries.json',
) as Countries;

const newsNames: Record<string, string> = news.names;
const newsAliases: Record<string, string[]> = news.aliases;
const newsDemonyms: Record<string, string[]> = news.demonyms;
const CODE_STOPLIST = new Set(news.codeStoplist);

/** Every country, under its news name. */
export const COUNTRIES: readonly Country[] = worldCountries.map((c) => ({
  name: newsNames[c.cca2] ?? c.name.common,
  cca2: c.cca2,
  cca3: c.cca3,
}));

const byKey = new Map<string, Entry>();
const byCode = new Map<string, Country>();

function add(text: string, country: Country, form: 'name' | 'demonym', rank: number): void {
  const key = canonicalKey(text);
  if (!key) return;
  const entry = byKey.get(key);
  if (!entry || (entry.country !== country && entry.rank < rank)) {
    byKey.set(key, { country, name: form === 'name', demonym: form === 'demonym', rank });
  } else if (entry.country === country) {
    entry[form] = true;
    entry.rank = Math.max(entry.rank, rank);
  }
}

/** "Iraqi" → "Iraqis"; "Chinese", "British", "Swiss" have no plural in -s. */
function plural(demonym: string): string | null {
  return /(?:ese|sh|ch|ss|s|x|z)$/i.test(demonym) ? null : `${demonym}s`;
}

for (const [i, c] of worldCountries.entries()) {
  const country = COUNTRIES[i]!;
  const base = (c.independent ? RANK_INDEPENDENT : 0) + c.area / 1e3;
  byCode.set(c.cca2, country);
  byCode.set(c.cca3, country);
  for (const name of [country.name, c.name.common, c.name.official]) {
    add(name, country, 'name', RANK_PRIMARY + base);
  }
  // Two-letter alternative spellings are the ISO codes: too ambiguous in text ("IT", "AI").
  for (const alt of c.altSpellings) if (alt.length > 2) add(alt, country, 'name', base);
  const eng = c.demonyms.eng;
  for (const word of new Set(eng ? [eng.m, eng.f] : [])) {
    for (const demonym of word.split(' or ')) {
      add(demonym, country, 'demonym', RANK_PRIMARY + base);
      const many = plural(demonym);
      if (many) add(many, country, 'demonym', RANK_PRIMARY + base);
    }
  }
}
for (const [code, aliases] of Object.entries(newsAliases)) {
  const country = byCode.get(code);
  if (country) for (const alias of aliases) add(alias, country, 'name', RANK_NEWS);
}
for (const [code, demonyms] of Object.entries(newsDemonyms)) {
  const country = byCode.get(code);
  if (country) for (const demonym of demonyms) add(demonym, country, 'demonym', RANK_NEWS);
}

/**
 * The country a name or nationality word refers to, or null. Alpha-3 codes count only when
 * written in capitals and not a common word or acronym ("CAN", "PER").
 */
export function findCountry(text: string): CountryMatch | null {
  const trimmed = text.trim();
  if (/^[A-Z]{3}$/.test(trimmed) && !CODE_STOPLIST.has(trimmed)) {
    const country = byCode.get(trimmed);
    if (country) return { country, form: 'name' };
  }
  const entry =
    byKey.get(canonicalKey(trimmed)) ?? byKey.get(canonicalKey(trimmed.replace(/^the\s+/i, '')));
  if (!entry) return null;
  const form: CountryForm = entry.name && entry.demonym ? 'both' : entry.name ? 'name' : 'demonym';
  return { country: entry.country, form };
}

/** A country by its ISO 3166 alpha-2 or alpha-3 code. */
export function countryByCode(code: string): Country | null {
  return byCode.get(code.toUpperCase()) ?? null;
}

/** Every key (see canonicalKey) that names a country or its people, with the country's news name. */
export const COUNTRY_ALIASES: ReadonlyMap<string, string> = new Map(
  [...byKey].map(([key, entry]) => [key, entry.country.name]),
);
