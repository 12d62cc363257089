// The sitrep command end to end, on the seed article and a real corpus.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../test-support/cli.js';
import { dataPath, SEED_FILE, tempDir } from '../test-support/index.js';

const polnear = dataPath('polnear/articles.jsonl');

describe.skipIf(!polnear)('sitrep CLI on the seed and PolNeAR', () => {
  const { dir, cleanup } = tempDir();
  const env = { SITREP_DATA_DIR: join(dir, 'data') };
  const cli = (...args: string[]) => runCliProcess(args, env);
  afterAll(cleanup);

  let firstIngest: Awaited<ReturnType<typeof cli>>;
  // Ingesting and analyzing 1,013 articles from sources under tsx takes tens of seconds on a
  // loaded 2-core machine; give it room rather than fail on a slow day.
  beforeAll(async () => {
    firstIngest = await cli('ingest', '--json', '--quiet', SEED_FILE, polnear!);
  }, 240_000);

  it('ingests the seed and every PolNeAR article with no failure', () => {
    expect(firstIngest.code).toBe(0);
    const report = JSON.parse(firstIngest.stdout);
    expect(report.failed).toBe(0);
    expect(report.added + report.duplicates).toBe(1013);
    expect(report.analyzed).toBe(report.added);
  });

  it('stores the seed with its body and related links apart', async () => {
    const found = await cli('search', '--json', 'North Korean troops');
    const hits = JSON.parse(found.stdout);
    expect(hits[0].source).toBe('seed');
    const shown = await cli('article', '--json', String(hits[0].id));
    const article = JSON.parse(shown.stdout);
    expect(article.text.trimEnd().endsWith('as the situation unfolds.')).toBe(true);
    expect(article.relatedLinks.map((l: { text: string }) => l.text)).toEqual([
      'World Of Dance Canceled: A Look At Its Journey And Impact',
      'Exploring Education: A Guide To The Most And Least Educated States In The U.S.',
      'Fani Willis Faces Ethics Complaint Amid Trump Indictment',
    ]);
    expect(article.text).not.toContain('Fani Willis');
  });

  it('adds nothing when the same inputs are ingested again', async () => {
    const again = await cli('ingest', '--json', '--quiet', SEED_FILE, polnear!);
    const report = JSON.parse(again.stdout);
    expect(report).toMatchObject({ added: 0, failed: 0 });
    expect(report.unchanged).toBeGreaterThanOrEqual(1013);
    const stats = JSON.parse((await cli('stats', '--json')).stdout);
    expect(stats.articles).toBe(JSON.parse(firstIngest.stdout).added);
  });

  it('lists and exports articles', async () => {
    const list = JSON.parse((await cli('articles', '--json', '--limit', '3')).stdout);
    expect(list).toHaveLength(3);
    const csv = await cli('export', '--format', 'csv');
    const jsonl = await cli('export', '--format', 'jsonl');
    const rows = jsonl.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.length).toBe(JSON.parse(firstIngest.stdout).added);
    expect(csv.stdout.startsWith('id,source,title,')).toBe(true);
    const quotes = await cli('export', '--what', 'quotes', '--format', 'csv', '--source', 'local/seed');
    expect(quotes.stdout.startsWith('article_id,story_id,source,')).toBe(true);
    expect(quotes.stdout).toContain('Vladimir Putin');
    const found = JSON.parse((await cli('search', '--json', '--source', 'local/seed', 'troops')).stdout);
    expect(found.map((h: { source: string }) => h.source)).toEqual(['seed']);
  });

  it('places every article in a story and reports a story covered by several outlets', async () => {
    const report = JSON.parse(firstIngest.stdout);
    expect(report.placed).toBe(report.added);
    const stories = JSON.parse((await cli('stories', '--json', '--limit', '200')).stdout);
    const wide = stories.find((s: { sources: number }) => s.sources >= 2);
    expect(wide).toBeDefined();
    const detail = JSON.parse((await cli('story', '--json', String(wide.id))).stdout);
    expect(new Set(detail.articles.map((a: { source: string }) => a.source)).size).toBe(
      wide.sources,
    );
    const markdown = (await cli('report', String(wide.id))).stdout;
    for (const section of [
      '## Summary',
      '## Timeline',
      '## Claims',
      '## Who said what',
      '## Sources',
    ]) {
      expect(markdown).toContain(section);
    }
    const html = (await cli('report', String(wide.id), '--format', 'html')).stdout;
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toMatch(/href="\/articles\/\d+#s-\d+"/);
    const bySource = JSON.parse(
      (await cli('stories', '--json', '--source', 'local/seed')).stdout,
    );
    expect(bySource).toHaveLength(1);
    const member = detail.articles.at(-1).id;
    const related = JSON.parse((await cli('related', '--json', String(member))).stdout);
    expect(related.storyId).toBe(wide.id);
    expect(related.inStory.length).toBeGreaterThan(0);
    expect(related.beyond.length).toBeGreaterThan(0);
    for (const r of related.beyond) expect(r.storyId).not.toBe(wide.id);
    const since = await cli('story', String(wide.id), '--since', wide.lastSeen);
    expect(since.stdout).toContain('changes since');
    expect((await cli('story', '99999')).code).toBe(1);
  });

  it('reports a bad file with a reason and still ingests the rest', async () => {
    const bad = await cli('ingest', '--json', '--quiet', join(dir, 'missing.txt'), SEED_FILE);
    expect(bad.code).toBe(2);
    const report = JSON.parse(bad.stdout);
    expect(report.failed).toBe(1);
    expect(report.failures[0].reason).toMatch(/cannot read/);
  });
});

describe('sitrep analyze', () => {
  it('prints the INTERFACES.md record for the seed, with real times', async () => {
    const out = await runCliProcess(
      ['analyze', '--json', '--published', '2024-10-24', SEED_FILE],
      {},
    );
    expect(out.code).toBe(0);
    const record = JSON.parse(out.stdout);
    expect(Object.keys(record)).toEqual([
      'file',
      'article',
      'entities',
      'quotes',
      'claims',
      'times',
    ]);
    expect(record.article.related_links).toHaveLength(3);
    expect(record.article.text.endsWith('as the situation unfolds.')).toBe(true);
    const times = record.times.map((t: { start: number; end: number; value: string }) => [
      record.article.text.slice(t.start, t.end),
      t.value,
    ]);
    expect(times).toContainEqual(['February 2022', '2022-02']);
    const stated = record.quotes.find(
      (q: { cue: { text: string } | null; speaker: { text: string | null } }) =>
        q.cue?.text === 'stated' && q.speaker.text === 'He',
    );
    expect(stated).toMatchObject({ kind: 'direct', speaker: { name: 'Vladimir Putin' } });
    expect(Object.keys(stated)).toEqual(['kind', 'content', 'speaker', 'cue', 'confidence']);
    const claim = record.claims[0];
    expect(Object.keys(claim).sort()).toEqual([
      'end',
      'hedge',
      'high',
      'low',
      'source',
      'start',
      'subject',
      'subject_key',
      'text',
      'time',
      'unit',
      'value',
    ]);
    expect(record.claims.map((c: { value: number; time: string }) => [c.value, c.time])).toEqual([
      [3000, '2024-10-24'],
      [12000, '2024-12'],
    ]);
  });
});
