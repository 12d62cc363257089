// The data files stay coherent: one role per title form, real country codes, and no
// built-in alias that a country name or nationality word would also claim.
import { describe, expect, test } from 'vitest';
import aliases from './aliases.json' with { type: 'json' };
import news from './countries-news.json' with { type: 'json' };
import { COUNTRY_ALIASES, countryByCode, findCountry } from './countries.js';
import titles from './titles.json' with { type: 'json' };

describe('data files', () => {
  test('every title form belongs to one role', () => {
    const seen = new Map<string, string>();
    for (const { role, forms } of titles.roles) {
      for (const form of forms) {
        const key = form.toLowerCase();
        expect(seen.get(key) ?? role, form).toBe(role);
        seen.set(key, role);
      }
    }
    expect(seen.size).toBeGreaterThan(200);
  });

  test('every country code in countries-news.json exists', () => {
    const codes = [news.names, news.aliases, news.demonyms].flatMap((table) => Object.keys(table));
    for (const code of codes) expect(countryByCode(code), code).not.toBeNull();
  });

  test('news aliases lead to their own country', () => {
    for (const [code, forms] of Object.entries(news.aliases)) {
      for (const form of forms) expect(findCountry(form)?.country.cca2, form).toBe(code);
    }
  });

  test('built-in aliases do not name countries', () => {
    const clashes = aliases.entities
      .flatMap((e) => [e.name, ...e.aliases])
      .filter((alias) => findCountry(alias) !== null);
    expect(clashes).toEqual([]);
    expect(COUNTRY_ALIASES.size).toBeGreaterThan(1000);
  });
});
