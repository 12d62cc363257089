// The user's search syntax as FTS5 and tsquery expressions.
import { describe, expect, it } from 'vitest';
import { toFtsQuery, toTsQuery } from './search-query.js';

describe('search syntax', () => {
  it('keeps phrases, OR and exclusions, with the same precedence on both engines', () => {
    const q = '"North Korean" troops OR soldiers -parade';
    expect(toFtsQuery(q)).toBe('("North Korean" AND "troops" OR "soldiers") NOT "parade"');
    expect(toTsQuery(q)).toBe("(('North' <-> 'Korean') & ('troops') | ('soldiers')) & !('parade')");
  });

  it('reads a word repeated in a row once, whatever its case', () => {
    expect(toFtsQuery('weeks Weeks')).toBe('"weeks"');
    expect(toTsQuery('weeks weeks ago')).toBe("('weeks') & ('ago')");
    expect(toFtsQuery('week OR week')).toBe('"week" OR "week"');
  });

  it('passes no operator through (a word run with punctuation stays a phrase) and gives up on a query without words', () => {
    expect(toFtsQuery('NEAR(a b) * ^c')).toBe('"NEAR a" AND "b" AND "c"');
    expect(toTsQuery("a:* & !b | 'c'")).toBe("('a') & ('b') & ('c')");
    expect(toFtsQuery('  -- " ')).toBeNull();
    expect(toTsQuery('OR')).toBeNull();
  });
});
