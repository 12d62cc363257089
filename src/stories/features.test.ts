// Article features from the analyze stage's annotations: entities and dates read from them,
// names the title repeats counted once more, and nothing analyzed here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeArticle, loadNerModel } from '../analyze/index.js';
import { dataPath } from '../test-support/index.js';
import { articleFeatures } from './features.js';
import { parseLabeledJsonl } from './labeled-jsonl.js';

const news = dataPath('open-news/articles.jsonl');

describe.skipIf(!news)('articleFeatures', () => {
  const rows = parseLabeledJsonl(readFileSync(news!, 'utf8')).rows;
  const row = rows.find((r) => r.title?.startsWith('Apple to lower UK iTunes prices'))!;
  const annotations = analyzeArticle(row, { ner: loadNerModel() });

  it('reads entities, years and the publish time from the article and its annotations', () => {
    const f = articleFeatures(row, annotations);
    expect(f.id).toBe(row.id);
    expect([...f.entities.keys()]).toContain('ORG:apple inc.');
    expect(f.years.has('2008')).toBe(true);
    expect(f.published).toBe(Date.parse(row.published!));
    expect(f.terms.get('itune')).toBeGreaterThan(0);
  });

  it('counts a name the title repeats from the body once more', () => {
    const titled = articleFeatures(row, annotations);
    const untitled = articleFeatures({ ...row, title: null }, annotations);
    for (const key of ['ORG:apple inc.', 'LOC:united kingdom']) {
      expect(titled.entities.get(key)).toBeGreaterThan(untitled.entities.get(key)!);
    }
    expect(titled.entities.get('ORG:european union')).toBe(
      untitled.entities.get('ORG:european union'),
    );
  });
});
