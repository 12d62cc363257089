import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRecord } from './record.js';
import { DATA_DIR, readShared } from '../test-support/index.js';

function firstRecords(path: string, n: number): Record<string, unknown>[] {
  const text = readShared(path);
  if (!text) return [];
  return text
    .slice(0, 2_000_000)
    .split('\n')
    .slice(0, n)
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

const reuters = firstRecords(join(DATA_DIR, 'reuters21578/articles.jsonl'), 3);
const polnear = firstRecords(join(DATA_DIR, 'polnear/articles.jsonl'), 3);

describe.skipIf(reuters.length === 0)('extractRecord on Reuters-21578', () => {
  it('keeps the dateline, parses the date and drops the sign-off', () => {
    const r = extractRecord(reuters[0], { origin: 'file:///reuters.jsonl#1' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value).toMatchObject({
      title: 'BAHIA COCOA REVIEW',
      published: '1987-02-26T15:01:01Z',
      dateline: 'SALVADOR, Feb 26 -',
      extractor: 'text/1',
    });
    expect(r.value.text.startsWith('Showers continued')).toBe(true);
    expect(r.value.text.trimEnd().endsWith('Reuter')).toBe(false);
    expect(r.value.paragraphs.length).toBeGreaterThan(5);
  });
});

describe.skipIf(polnear.length === 0)('extractRecord on PolNeAR', () => {
  it('maps publisher, author and date, and keeps the title line out of the body', () => {
    for (const record of polnear) {
      const r = extractRecord(record, { origin: 'file:///polnear.jsonl' });
      if (!r.ok) throw new Error(r.reason);
      const d = r.value;
      expect(d.title).toBe(record.title);
      expect(d.site).toBe(record.publisher);
      expect(d.published).toBe(record.publication_date);
      expect(d.text).toBe(record.text);
      expect(d.text.slice(...d.paragraphs[0]!)).not.toBe(`${record.title}.`);
    }
  });
});

describe('extractRecord field mapping', () => {
  it('reads HTML bodies, author arrays and "None" placeholders', () => {
    const body = `<p>${'The port reopened after the storm passed through the region. '.repeat(6)}</p><p>Ships queued.</p>`;
    const r = extractRecord(
      {
        headline: 'Port Reopens',
        content: body,
        authors: [{ name: 'Ann Lee' }, 'Bo Park'],
        outlet: { name: 'Harbor News' },
        pubDate: 'Tue, 10 Jun 2003 04:00:00 GMT',
        dateline: 'None',
      },
      { origin: 'test' },
    );
    if (!r.ok) throw new Error(r.reason);
    expect(r.value).toMatchObject({
      title: 'Port Reopens',
      byline: 'Ann Lee, Bo Park',
      site: 'Harbor News',
      published: '2003-06-10T04:00:00Z',
      dateline: null,
      extractor: 'html/3',
    });
    expect(r.value.text).toContain('Ships queued.');
  });

  it('keeps an http(s) url and drops any other scheme', () => {
    const text = 'The ferry service resumed on Tuesday after a week of repairs to the pier.';
    const urlOf = (url: string) => {
      const r = extractRecord({ title: 'Ferry', text, url }, { origin: 'test' });
      if (!r.ok) throw new Error(r.reason);
      return r.value.url;
    };
    expect(urlOf('https://news.example/ferry')).toBe('https://news.example/ferry');
    expect(urlOf('javascript:alert(document.cookie)')).toBeNull();
    expect(urlOf('data:text/html,hi')).toBeNull();
  });

  it('gives empty or unreadable for records without a body', () => {
    expect(extractRecord({ title: 'x' }, { origin: 't' })).toMatchObject({
      ok: false,
      reason: 'empty',
    });
    expect(extractRecord('a string', { origin: 't' })).toMatchObject({
      ok: false,
      reason: 'unreadable',
    });
    expect(extractRecord(null, { origin: 't' })).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(extractRecord({ text: 42, body: 'Real text here.' }, { origin: 't' }).ok).toBe(true);
  });
});
