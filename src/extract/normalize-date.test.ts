import { describe, expect, it } from 'vitest';
import { cleanByline } from './clean-byline.js';
import { dateFromUrl, normalizeDate } from './normalize-date.js';

describe('normalizeDate', () => {
  it.each([
    ['26-FEB-1987 15:01:01.79', '1987-02-26T15:01:01Z'],
    ['2016-03-11', '2016-03-11'],
    ['2009-06-11 13:57:00', '2009-06-11T13:57:00Z'],
    ['2024-10-23T10:00:00+02:00', '2024-10-23T08:00:00Z'],
    ['Fri Apr 28 19:20:36 CEST 2023', '2023-04-28T17:20:36Z'],
    ['Thursday, June 11th, 2009 @ 10:57 UTC', '2009-06-11T10:57:00Z'],
    ['Tue, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00Z'],
  ])('%s → %s', (raw, iso) => expect(normalizeDate(raw)).toBe(iso));

  it('returns null for garbage and never throws', () => {
    for (const raw of [
      '',
      'garbage',
      '31-FEB-1987',
      '0000-00-00',
      'x'.repeat(10_000),
      null,
      {},
      Number.NaN,
    ]) {
      expect(normalizeDate(raw)).toBeNull();
    }
  });

  it('reads a day from a URL path', () => {
    expect(dateFromUrl('http://example.org/2009/06/11/slug/')).toBe('2009-06-11');
    expect(dateFromUrl('http://example.org/slug-2009')).toBeNull();
  });
});

describe('cleanByline', () => {
  it.each([
    ['By Jane Doe and John Roe The Associated Press', 'Jane Doe, John Roe'],
    ['von Anna Schmidt', 'Anna Schmidt'],
    ['BY MARY SMITH, REUTERS', 'MARY SMITH'],
    ['Jane Doe', 'Jane Doe'],
  ])('%s → %s', (raw, clean) => expect(cleanByline(raw)).toBe(clean));

  it('drops the outlet when the byline is the site', () => {
    expect(cleanByline('Sam Lee | Daily Planet', 'Daily Planet')).toBe('Sam Lee');
    expect(cleanByline(null)).toBeNull();
  });
});
