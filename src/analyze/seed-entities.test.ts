// The seed article end to end: extraction, the committed tagger, and entity resolution
// must give the people, roles and countries of shared/seed/EXPECTED.md.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractText } from '../extract/index.js';
import { SEED_FILE } from '../test-support/index.js';
import { analyzeArticle, loadNerModel, type ResolvedMention } from './index.js';

describe('entities in the seed article', () => {
  const draft = extractText(readFileSync(SEED_FILE, 'utf8'), {});
  const found = analyzeArticle(draft, { ner: loadNerModel() }).entities as ResolvedMention[];
  const people = new Map(found.filter((m) => m.type === 'PER').map((m) => [m.entity, m]));

  it('finds the four people with their canonical names and roles', () => {
    expect([...people.keys()].sort()).toEqual(['John Kirby', 'Lloyd Austin', 'Vladimir Putin', 'Yoon Suk Yeol']);
    expect(people.get('Vladimir Putin')).toMatchObject({ role: 'President', affiliation: 'Russia' });
    expect(people.get('Lloyd Austin')).toMatchObject({ role: 'Defense Secretary', affiliation: 'United States' });
    expect(people.get('John Kirby')).toMatchObject({ role: 'spokesperson', affiliation: 'White House' });
    expect(people.get('Yoon Suk Yeol')).toMatchObject({ role: 'President', affiliation: 'South Korea' });
  });

  it('resolves "Putin" to Vladimir Putin', () => {
    const bare = found.filter((m) => m.text === 'Putin');
    expect(bare.length).toBeGreaterThanOrEqual(2);
    for (const m of bare) expect(m.entity).toBe('Vladimir Putin');
  });

  it('finds the countries, with DPRK merged into North Korea and U.S. into the United States', () => {
    const places = new Set(found.filter((m) => m.type === 'LOC').map((m) => m.entity));
    for (const country of ['Russia', 'North Korea', 'Ukraine', 'South Korea', 'United States']) expect(places).toContain(country);
    expect(found.find((m) => m.text === 'DPRK')?.entity).toBe('North Korea');
    expect(found.filter((m) => m.text === 'U.S.').every((m) => m.entity === 'United States')).toBe(true);
  });

  it('links nationality words to their country instead of making them entities', () => {
    const nationalities = found.filter((m) => /^(Russian|North Korean|South Korean)$/.test(m.text));
    expect(nationalities.length).toBeGreaterThan(0);
    for (const m of nationalities) {
      expect(m.type).toBe('NORP');
      expect(['Russia', 'North Korea', 'South Korea']).toContain(m.entity);
    }
  });

  it('takes nothing from the trailing headlines', () => {
    const names = found.map((m) => m.entity).join(' | ');
    expect(names).not.toMatch(/Fani Willis|Trump|World Of Dance|Educated States/);
  });
});
