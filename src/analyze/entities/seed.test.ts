// The seed article (../shared/seed) with the mentions a tagger would plausibly give,
// quirks included: "DPRK" as ORG, nationality words as MISC, "South Korea's" with its
// possessive, the second "U.S." as ORG.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { EntityType } from '../../core/types.js';
import { SEED_FILE } from '../../test-support/index.js';
import { type RawMention, type ResolvedMention, resolveEntities } from './index.js';

const present = existsSync(SEED_FILE);
if (!present) process.stderr.write(`skipping: ${SEED_FILE} is missing (set SITREP_SEED)\n`);

/** The article body: the page's trailing headlines are cut, as extraction does. */
function seedBody(): string {
  const page = readFileSync(SEED_FILE, 'utf8');
  const end = page.indexOf('as the situation unfolds.') + 'as the situation unfolds.'.length;
  return page.slice(0, end);
}

/** Every occurrence of each phrase as a mention; earlier (longer) phrases claim text first. */
function tag(text: string, phrases: Array<[string, EntityType]>): RawMention[] {
  const taken: RawMention[] = [];
  for (const [phrase, type] of phrases) {
    const pattern = new RegExp(`(?<![\\p{L}])${phrase.replace(/[.]/g, '\\.')}(?![\\p{L}])`, 'gu');
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + phrase.length;
      if (taken.some((t) => t.start < end && start < t.end)) continue;
      taken.push({ start, end, text: phrase, type });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Retypes the nth occurrence (0-based) of a mention's text. */
function retype(mentions: RawMention[], text: string, nth: number, type: EntityType): void {
  const m = mentions.filter((x) => x.text === text)[nth];
  if (!m) throw new Error(`no mention ${nth} of ${text}`);
  m.type = type;
}

const SEED_PHRASES: Array<[string, EntityType]> = [
  ['Vladimir Putin', 'PER'],
  ['Lloyd Austin', 'PER'],
  ['John Kirby', 'PER'],
  ['Yoon Suk Yeol', 'PER'],
  ['Putin', 'PER'],
  ["South Korea's", 'LOC'],
  ["North Korea's", 'LOC'],
  ["Russia's", 'LOC'],
  ['North Korean', 'MISC'],
  ['South Korean', 'MISC'],
  ['North Korea', 'LOC'],
  ['Russian', 'MISC'],
  ['Russia', 'LOC'],
  ['Ukraine', 'LOC'],
  ['DPRK', 'ORG'],
  ['White House', 'ORG'],
  ['U.S.', 'LOC'],
  ['Article 4', 'MISC'],
];

function seedMentions(text: string): RawMention[] {
  const mentions = tag(text, SEED_PHRASES);
  retype(mentions, 'U.S.', 1, 'ORG');
  return mentions;
}

const person = (out: ResolvedMention[], name: string): ResolvedMention => {
  const m = out.find((x) => x.type === 'PER' && x.entity === name);
  if (!m) throw new Error(`${name} not found`);
  return m;
};

describe.skipIf(!present)('the seed article', () => {
  const text = present ? seedBody() : '';
  const mentions = present ? seedMentions(text) : [];
  const out = present ? resolveEntities(text, mentions) : [];

  test('keeps every mention and its span', () => {
    expect(out).toHaveLength(mentions.length);
    for (const m of out) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  test('finds the four people with their roles', () => {
    const people = new Set(out.filter((m) => m.type === 'PER').map((m) => m.entity));
    expect([...people].sort()).toEqual([
      'John Kirby',
      'Lloyd Austin',
      'Vladimir Putin',
      'Yoon Suk Yeol',
    ]);
    const roles = Object.fromEntries(
      [...people].map((name) => {
        const m = person(out, name);
        return [name, [m.role, m.affiliation]];
      }),
    );
    expect(roles).toEqual({
      'Vladimir Putin': ['President', 'Russia'],
      'Lloyd Austin': ['Defense Secretary', 'United States'],
      'John Kirby': ['spokesperson', 'White House'],
      'Yoon Suk Yeol': ['President', 'South Korea'],
    });
    const phrases = out.flatMap((m) => (m.roleSpan ? [m.roleSpan.text] : []));
    expect(phrases).toEqual([
      'Russian President',
      'U.S. Defense Secretary',
      'White House spokesperson',
      'South Korean President',
    ]);
  });

  test('"Putin" is Vladimir Putin, with his role', () => {
    const putins = out.filter((m) => m.text === 'Putin');
    expect(putins).toHaveLength(2);
    for (const m of putins) {
      expect(m).toMatchObject({
        entity: 'Vladimir Putin',
        type: 'PER',
        role: 'President',
        affiliation: 'Russia',
      });
    }
  });

  test('DPRK is North Korea, and U.S. the United States', () => {
    expect(out.find((m) => m.text === 'DPRK')).toMatchObject({
      entity: 'North Korea',
      type: 'LOC',
    });
    const us = out.filter((m) => m.text === 'U.S.');
    expect(us.map((m) => [m.entity, m.type])).toEqual([
      ['United States', 'LOC'],
      ['United States', 'LOC'],
    ]);
  });

  test('nationality words link to their countries and are no PER or ORG', () => {
    const words = out.filter((m) => /^(?:Russian|North Korean|South Korean)$/.test(m.text));
    expect(words.length).toBeGreaterThan(8);
    for (const m of words) expect(m.type).toBe('NORP');
    expect(new Set(words.map((m) => m.entity))).toEqual(
      new Set(['Russia', 'North Korea', 'South Korea']),
    );
  });

  test('the countries and the organisation', () => {
    const of = (type: string): string[] =>
      [...new Set(out.filter((m) => m.type === type).map((m) => m.entity))].sort();
    expect(of('LOC')).toEqual(['North Korea', 'Russia', 'South Korea', 'Ukraine', 'United States']);
    expect(of('ORG')).toEqual(['White House']);
  });

  test('a tagger that types White House LOC and keeps titles in the span', () => {
    const quirky = seedMentions(text).filter((m) => m.text !== 'Russian' || m.start > 100);
    retype(quirky, 'White House', 0, 'LOC');
    const putin = quirky.find((m) => m.text === 'Vladimir Putin')!;
    const start = text.indexOf('Russian President');
    Object.assign(putin, { start, text: text.slice(start, putin.end) });
    const resolved = resolveEntities(text, quirky);
    const first = resolved.find((m) => m.start === start)!;
    expect(first).toMatchObject({
      text: 'Russian President Vladimir Putin',
      entity: 'Vladimir Putin',
      role: 'President',
      affiliation: 'Russia',
      roleSpan: { start, end: start + 'Russian President'.length, text: 'Russian President' },
    });
    expect(resolved.find((m) => m.text === 'White House')).toMatchObject({ entity: 'White House' });
    expect(person(resolved, 'John Kirby')).toMatchObject({
      role: 'spokesperson',
      affiliation: 'White House',
    });
  });
});
