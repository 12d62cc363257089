// Canonical entities within one article, and the alias tables the store builds on.
export {
  ALIASES,
  type AliasEntry,
  type AliasTable,
  type AliasTarget,
  buildAliasTable,
  canonicalKey,
  lookupAlias,
  typesMatch,
} from './aliases.js';
export {
  COUNTRIES,
  COUNTRY_ALIASES,
  type Country,
  type CountryForm,
  type CountryMatch,
  countryByCode,
  findCountry,
} from './countries.js';
export {
  type RawMention,
  type ResolvedMention,
  type ResolveOptions,
  resolveEntities,
} from './resolve.js';
