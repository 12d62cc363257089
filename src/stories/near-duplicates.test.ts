// Near-duplicate detection on real Reuters wire stories: an edited copy is found, a
// different story on the same topic is not, and groups stay put when copies arrive late.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../test-support/index.js';
import { NearDuplicateIndex } from './near-duplicates.js';

const path = dataPath('reuters21578/articles.jsonl');

/** The Reuters stories with these ids, read without parsing the other 21,000 lines. */
function reuters(...ids: string[]): Map<string, { title: string; body: string }> {
  const found = new Map<string, { title: string; body: string }>();
  for (const line of readFileSync(path!, 'utf8').split('\n')) {
    const m = /^\{"newid": "(\d+)"/.exec(line);
    if (m && ids.includes(m[1]!)) found.set(m[1]!, JSON.parse(line));
  }
  return found;
}

/** How an outlet re-runs a wire story: its own headline, a byline and dateline, the last paragraph cut. */
function outletEdit(body: string): string {
  const paragraphs = body.split(/\n\s{2,}/);
  return [
    'House committee backs sweeping trade measure',
    'By Staff and Wire Reports',
    `WASHINGTON (Reuters) — ${paragraphs.slice(0, -1).join('\n\n')}`,
  ].join('\n\n');
}

describe.skipIf(!path)('NearDuplicateIndex on Reuters-21578', () => {
  // 4552 and 4595: "U.S. HOUSE PANEL APPROVES TRADE BILL", full story and shorter version;
  // 9315: "KEY U.S. HOUSE PANEL FINISHES MAJOR TRADE BILL", the same topic two weeks later.
  const docs = path ? reuters('4552', '4595', '9315') : new Map();
  const text = (id: string) => docs.get(id)!.body as string;

  it('finds an outlet-edited copy and not a different story on the same topic', () => {
    const index = new NearDuplicateIndex({ capacity: 100 });
    expect(
      index.add({ id: 'wire', text: text('4552'), published: '1987-03-12T10:00:00Z' }),
    ).toMatchObject({
      copyOf: null,
      nearest: null,
    });
    const copy = index.add({
      id: 'outlet',
      text: outletEdit(text('4552')),
      published: '1987-03-12T12:00:00Z',
    });
    expect(copy.copyOf).toBe('wire');
    expect(copy.similarity).toBeGreaterThan(0.7);
    const other = index.add({
      id: 'later-story',
      text: text('9315'),
      published: '1987-03-25T10:00:00Z',
    });
    expect(other.copyOf).toBeNull();
    expect(index.independentSources(['wire', 'outlet', 'later-story'])).toBe(2);
  });

  it('finds a shorter version that is mostly contained in the full story', () => {
    const index = new NearDuplicateIndex({ capacity: 100 });
    index.add({ id: 'full', text: text('4552') });
    const short = index.add({ id: 'short', text: text('4595') });
    expect(short.copyOf).toBe('full');
    expect(short.containment).toBeGreaterThan(0.75);
    expect(short.similarity).toBeLessThan(0.75);
  });

  it('counts a group once per originating outlet', () => {
    const index = new NearDuplicateIndex({ capacity: 100 });
    index.add({ id: 'r1', text: text('4552'), outlet: 'reuters', published: 1 });
    index.add({ id: 'p1', text: outletEdit(text('4552')), outlet: 'paper-a', published: 2 });
    index.add({ id: 'p2', text: outletEdit(text('4552')), outlet: 'paper-b', published: 3 });
    index.add({ id: 'r2', text: text('9315'), outlet: 'reuters', published: 4 });
    const ids = ['r1', 'p1', 'p2', 'r2'];
    expect(index.independentSources(ids)).toBe(2);
    expect(index.independentOutlets(ids)).toBe(1);
    expect(index.independentSources([...ids, 'never-seen'])).toBe(3);
  });

  it('names the group after the earliest published copy, also when it arrives late', () => {
    const index = new NearDuplicateIndex({ capacity: 100 });
    const edited = outletEdit(text('4552'));
    index.add({ id: 'b', text: edited, published: '1987-03-12T12:00:00Z' });
    expect(
      index.add({ id: 'c', text: text('4552'), published: '1987-03-12T13:00:00Z' }).copyOf,
    ).toBe('b');
    // The wire original arrives last but was published first: the group is renamed after it.
    const late = index.add({ id: 'a', text: text('4552'), published: '1987-03-12T10:00:00Z' });
    expect(late).toMatchObject({ copyOf: null, replaced: 'b' });
    expect(['a', 'b', 'c'].map((id) => index.groupOf(id))).toEqual(['a', 'a', 'a']);
    expect(index.add({ id: 'd', text: edited, published: '1987-03-13T00:00:00Z' }).copyOf).toBe(
      'a',
    );
    // Re-adding a known id changes nothing.
    expect(index.add({ id: 'b', text: 'unrelated' }).copyOf).toBe('a');
    expect(index.size).toBe(4);
  });

  it('forgets the oldest arrivals beyond its capacity', () => {
    const index = new NearDuplicateIndex({ capacity: 2 });
    index.add({ id: 'x', text: text('4552') });
    index.add({ id: 'y', text: text('9315') });
    index.add({ id: 'z', text: 'Wheat prices rose on Tuesday in thin trading.' });
    expect(index.groupOf('x')).toBeNull();
    expect(index.add({ id: 'w', text: text('4552') }).copyOf).toBeNull();
  });

  it('does not group texts without words', () => {
    const index = new NearDuplicateIndex({ capacity: 10 });
    index.add({ id: 'e1', text: '' });
    expect(index.add({ id: 'e2', text: ' \n ' }).copyOf).toBeNull();
  });
});
