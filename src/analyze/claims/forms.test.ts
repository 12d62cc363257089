// The written forms a figure takes, the numbers that are not figures, and subject keys.
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../core/types.js';
import { findClaims } from './index.js';
import { subjectKeyOf } from './subject-key.js';

const NO_CONTEXT = { attributions: [], times: [], reference: null, outlet: null };
const figures = (text: string) =>
  findClaims(text, NO_CONTEXT).map((c: Claim) => [c.text, c.value, c.low, c.high, c.hedge, c.unit]);
const subjects = (text: string) => findClaims(text, NO_CONTEXT).map((c) => c.subject);

describe('findClaims reads', () => {
  it('money with signs, abbreviations and currency words', () => {
    expect(figures('The EU pledged €20m in aid.')).toEqual([
      ['€20m', 20e6, null, null, null, 'EUR'],
    ]);
    expect(figures('Britain will spend £1.5bn on defence.')).toEqual([
      ['£1.5bn', 1.5e9, null, null, null, 'GBP'],
    ]);
    expect(figures('The firm paid $5bn for the site.')).toEqual([
      ['$5bn', 5e9, null, null, null, 'USD'],
    ]);
    expect(figures('He owed 3 million dollars.')).toEqual([
      ['3 million dollars', 3e6, null, null, null, 'USD'],
    ]);
    expect(subjects('The EU pledged €20m in aid.')).toEqual(['aid']);
    expect(subjects('The deal is worth $3 billion.')).toEqual(['deal']);
  });

  it('numbers in words, vague magnitudes and fractions', () => {
    expect(figures('Three thousand people marched.')).toEqual([
      ['Three thousand people', 3000, null, null, null, 'people'],
    ]);
    expect(figures('Twelve miners were rescued.')).toEqual([
      ['Twelve miners', 12, null, null, null, 'miner'],
    ]);
    expect(figures('Dozens of homes were destroyed by the fire.')).toEqual([
      ['Dozens of homes', 24, 24, null, 'at-least', 'home'],
    ]);
    expect(subjects('Dozens of homes were destroyed by the fire.')).toEqual([
      'homes destroyed by the fire',
    ]);
    expect(figures('A third of voters are undecided.')).toEqual([
      ['A third of voters', 33.3, null, null, null, '%'],
    ]);
    expect(figures('Half of the budget goes to defence.')).toEqual([
      ['Half of the budget', 50, null, null, null, '%'],
    ]);
    expect(figures('One in five Americans agree.')).toEqual([
      ['One in five Americans', 20, null, null, null, '%'],
    ]);
  });

  it('ranges, with the midpoint as value', () => {
    expect(figures('Officials expect 10,000 to 12,000 visitors.')).toEqual([
      ['10,000 to 12,000 visitors', 11000, 10000, 12000, 'range', 'visitor'],
    ]);
    expect(figures('They polled between 5 and 10 cities.')).toEqual([
      ['between 5 and 10 cities', 7.5, 5, 10, 'range', 'city'],
    ]);
    expect(figures('Each team has 5-10 members.')).toEqual([
      ['5-10 members', 7.5, 5, 10, 'range', 'member'],
    ]);
    expect(figures('Costs rose 3 to 5 million euros.')).toEqual([
      ['3 to 5 million euros', 4e6, 3e6, 5e6, 'range', 'EUR'],
    ]);
    expect(figures('Forecasts put growth at 10% to 12 this year.').map((f) => f[4])).toEqual([
      'range',
    ]);
  });

  it('a change and the level it reached are not a range', () => {
    // The level has no unit of its own, so only the change is a figure.
    const found = figures('The index fell 3.16% to 2,138.14 on Friday.');
    expect(found.map((f) => [f[1], f[4]])).toEqual([[3.2, null]]);
  });

  it('percentages, and the noun before a linking verb as their subject', () => {
    expect(figures('Turnout reached 45% in the city.')).toEqual([
      ['45%', 45, null, null, null, '%'],
    ]);
    expect(subjects('Turnout reached 45% in the city.')).toEqual(['Turnout']);
    expect(figures('About 45 percent of voters agree.')).toEqual([
      ['About 45 percent of voters', 45, null, null, 'about', '%'],
    ]);
    expect(figures('Inflation rose to 4.5 per cent.')).toEqual([
      ['4.5 per cent', 4.5, null, null, null, '%'],
    ]);
  });

  it('hedges before and after the number', () => {
    expect(figures('At least 50 people were killed.')).toEqual([
      ['At least 50 people', 50, 50, null, 'at-least', 'people'],
    ]);
    expect(figures('Fewer than 10 cases were reported.')).toEqual([
      ['Fewer than 10 cases', 10, null, 10, 'at-most', 'case'],
    ]);
    expect(figures('Exactly 7 votes separated them.')).toEqual([
      ['Exactly 7 votes', 7, 7, 7, 'exactly', 'vote'],
    ]);
    expect(figures('No more than 20 staff remain.')).toEqual([
      ['No more than 20 staff', 20, null, 20, 'at-most', 'staff'],
    ]);
    expect(figures('Police found 300 or more rifles.')).toEqual([
      ['300 or more rifles', 300, 300, null, 'at-least', 'rifle'],
    ]);
  });
});

describe('findClaims skips numbers that are not figures', () => {
  const none = [
    'Article 4 of the treaty applies.',
    'Section 230 protects platforms, and Title IX covers sports.',
    'The company filed for Chapter 11 protection after Flight 17 was shot down.',
    'He was ranked No. 5 in the world and drove along Route 66.',
    'COVID-19 cases rose as the F-35 jets arrived for the G7 summit.',
    'Windows 10 users must update.',
    'The war began in 2022; talks resumed in February 2022 and again on Nov. 8.',
    'Music of the 1990s returned.',
    'The meeting starts at 10:30 and ends at 3 p.m.',
    'She came 3rd in the first round of the second-largest city.',
    'Call (202) 555-0143 for details.',
    'John Smith, 45, was arrested. He is a 35-year-old teacher.',
    'No one was hurt, and one of the guards fled.',
    'The team won 3-2 on Sunday.',
    'Read John 3:16 and page 5 before the 9/11 memorial.',
    'Leaders of the two nations met.',
  ];
  it.each(none)('%s', (text) => {
    expect(findClaims(text, NO_CONTEXT)).toEqual([]);
  });

  it('skips numbers inside the time expressions it is given', () => {
    const text = 'Troops left three weeks ago.';
    const start = text.indexOf('three');
    const times = [
      {
        text: 'three weeks ago',
        start,
        end: start + 15,
        value: 'P-3W',
        grain: 'relative' as const,
      },
    ];
    expect(findClaims(text, { ...NO_CONTEXT, times })).toEqual([]);
  });
});

describe('subjectKeyOf', () => {
  it('gives paraphrases of one counted thing one key', () => {
    expect(subjectKeyOf('North Korean troops')).toBe('korea north troop');
    expect(subjectKeyOf('troops from North Korea')).toBe('korea north troop');
    expect(subjectKeyOf('soldiers in the United States')).toBe(subjectKeyOf('U.S. troops'));
  });

  it('keeps different counted things apart', () => {
    expect(subjectKeyOf('troops')).not.toBe(subjectKeyOf('dollars'));
    expect(subjectKeyOf('North Korean troops')).not.toBe(subjectKeyOf('North Korean tanks'));
  });
});

describe('findClaims on bad input', () => {
  it('returns nothing for empty or binary text, and does not throw on a huge one', () => {
    expect(findClaims('', NO_CONTEXT)).toEqual([]);
    const junk = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 65536));
    expect(() => findClaims(junk, NO_CONTEXT)).not.toThrow();
    const huge = 'Some 3,000 troops left. '.repeat(40_000) + 'one two three '.repeat(20_000);
    expect(findClaims(huge, NO_CONTEXT)).toHaveLength(40_000);
  });
});
