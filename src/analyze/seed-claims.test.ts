// The seed article's two figures (shared/seed/EXPECTED.md), end to end: value, hedge, what
// is counted, who claims it and when; "Article 4" and "February 2022" are no figures.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractText } from '../extract/index.js';
import { SEED_FILE } from '../test-support/index.js';
import { analyzeArticle, loadCueModel, loadNerModel } from './index.js';

describe('claims in the seed article', () => {
  const draft = extractText(readFileSync(SEED_FILE, 'utf8'), {});
  const models = { ner: loadNerModel(), cues: loadCueModel() };
  const { claims } = analyzeArticle(draft, models);

  it('finds exactly the two figures, with hedges, subjects and sources', () => {
    expect(claims.map((c) => [c.value, c.hedge])).toEqual([
      [3000, 'about'],
      [12000, 'up-to'],
    ]);
    const [troops, personnel] = claims;
    expect(troops!.text).toBe('around 3,000 North Korean troops');
    expect(troops!.subject).toBe('North Korean troops being trained in Russia');
    // "the U.S. believes around 3,000 …", said by Kirby: the innermost attribution speaks.
    expect(['United States', 'John Kirby']).toContain(troops!.source);
    expect(personnel!.high).toBe(12000);
    expect(personnel!.subject).toMatch(/^personnel .*North Korea.*Russia$/);
    expect(personnel!.source).toBe('South Korean intelligence');
    expect(troops!.subjectKey).not.toBe(personnel!.subjectKey);
  });

  it('dates them: now for the troops in training, December for the deployment', () => {
    expect(claims.map((c) => c.time)).toEqual(['P0D', 'XXXX-12']);
    const dated = analyzeArticle({ ...draft, published: '2024-10-25T09:00:00Z' }, models).claims;
    expect(dated.map((c) => c.time)).toEqual(['2024-10-25', '2024-12']);
  });

  it('takes no label, year or date for a figure', () => {
    for (const c of claims) expect(c.text).not.toMatch(/Article 4|2022|December/);
    expect(
      claims.every((c) => c.start < c.end && draft.text.slice(c.start, c.end) === c.text),
    ).toBe(true);
  });
});
