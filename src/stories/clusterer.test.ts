// Story clustering on real articles: two ECB+ events of one topic (and a third topic) are
// told apart; merges keep the older id; late articles are placed by publish time.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeArticle, loadNerModel } from '../analyze/index.js';
import { dataPath } from '../test-support/index.js';
import { StoryClusterer } from './clusterer.js';
import { type ArticleFeatures, articleFeatures } from './features.js';
import { type LabeledRow, parseLabeledJsonl } from './labeled-jsonl.js';
import { loadStoryModel, type StoryModel } from './model.js';
import { scoreClustering } from './score.js';

const ecb = dataPath('ecbplus/docs.jsonl');
const news = dataPath('open-news/articles.jsonl');
const ner = loadNerModel();
const model = loadStoryModel();

function rowsOf(path: string): LabeledRow[] {
  return parseLabeledJsonl(readFileSync(path, 'utf8')).rows;
}

function featuresOf(row: LabeledRow, overrides: Partial<LabeledRow> = {}): ArticleFeatures {
  const r = { ...row, ...overrides };
  return articleFeatures(r, analyzeArticle(r, { ner }));
}

describe.skipIf(!ecb)('clustering ECB+ documents', () => {
  // Topic 1: Tara Reid enters rehab (ecb) vs Lindsay Lohan enters rehab (ecbplus); topic 20:
  // two earthquakes on Qeshm island. Six of each, interleaved as a stream would bring them.
  const rows = rowsOf(ecb!);
  const picked = ['1_ecb', '1_ecbplus', '20_ecb', '20_ecbplus'].flatMap((c) =>
    rows.filter((r) => r.cluster === c).slice(0, 6),
  );
  const stream = picked.map((_, i) => picked[(i * 7) % picked.length]!);

  it('keeps the two events of a topic apart and each event together', () => {
    const clusterer = new StoryClusterer({ model });
    for (const row of stream) clusterer.add(featuresOf(row));
    const predicted = picked.map((r) => String(clusterer.storyOf(r.id)));
    const scores = scoreClustering(
      predicted,
      picked.map((r) => r.cluster!),
    );
    expect(scores.pairwise_precision).toBeGreaterThanOrEqual(0.9);
    expect(scores.pairwise_f1).toBeGreaterThanOrEqual(0.75);
  });

  it('refines: moves only to stories that exist, and storyOf follows every move', () => {
    const clusterer = new StoryClusterer({ model });
    for (const row of stream) clusterer.add(featuresOf(row));
    const before = scoreClustering(
      picked.map((r) => String(clusterer.storyOf(r.id))),
      picked.map((r) => r.cluster!),
    );
    const moves = clusterer.refine();
    const live = new Set(clusterer.allStories().map((s) => s.id));
    for (const m of moves) {
      expect(m.from).not.toBe(m.to);
      expect(m.probability).toBeGreaterThanOrEqual(model.joinThreshold);
    }
    for (const r of picked) expect(live.has(clusterer.storyOf(r.id)!)).toBe(true);
    const sizes = clusterer.allStories().reduce((n, s) => n + s.size, 0);
    expect(sizes).toBe(picked.length);
    const after = scoreClustering(
      picked.map((r) => String(clusterer.storyOf(r.id))),
      picked.map((r) => r.cluster!),
    );
    expect(after.pairwise_f1).toBeGreaterThanOrEqual(before.pairwise_f1 - 0.05);
    // A second refine with nothing new has nothing left to move.
    expect(clusterer.refine()).toEqual([]);
  });

  it('links the two events of a topic into one thread, and not the other topic', () => {
    const clusterer = new StoryClusterer({ model });
    for (const row of stream) clusterer.add(featuresOf(row));
    const threadOf = new Map<number, number>();
    for (const t of clusterer.threads()) for (const id of t.storyIds) threadOf.set(id, t.id);
    const thread = (r: LabeledRow) => String(threadOf.get(clusterer.storyOf(r.id)!));
    const byTopic = scoreClustering(
      picked.map(thread),
      picked.map((r) => r.topic),
    );
    expect(byTopic.pairwise_precision).toBe(1);
    expect(byTopic.pairwise_recall).toBeGreaterThanOrEqual(0.5);
  });

  it('merges converging stories into the older id', () => {
    // A model that merges readily; the first two reports are forced apart, as when they
    // arrived before anything linked them.
    const eager: StoryModel = { ...model, mergeThreshold: 0.05, joinThreshold: 0.05 };
    const clusterer = new StoryClusterer({ model: eager });
    const [rowA, rowB] = rows.filter((r) => r.cluster === '1_ecb');
    const [a, b] = [featuresOf(rowA!), featuresOf(rowB!)];
    // A later report that retells both (here: their two texts together) links them.
    const c = featuresOf(rowA!, { id: 'both', text: `${rowA!.text}\n${rowB!.text}` });
    clusterer.scoreCandidates(a!);
    const first = clusterer.commit(a!, null);
    clusterer.scoreCandidates(b!);
    const second = clusterer.commit(b!, null);
    expect(second).toBeGreaterThan(first);
    const placed = clusterer.add(c!);
    expect(placed.storyId).toBe(first);
    expect(placed.merged).toEqual([second]);
    expect(clusterer.storyOf(a!.id)).toBe(first);
    expect(clusterer.storyOf(b!.id)).toBe(first);
    expect(clusterer.allStories().map((s) => s.id)).not.toContain(second);
  });
});

describe.skipIf(!news)('clustering by publish time', () => {
  const rows = rowsOf(news!);
  const apple = rows.filter((r) => r.cluster === 'apple');
  const base = apple[0]!;

  it('places a late-arriving article by when it was published, not when it arrived', () => {
    const clusterer = new StoryClusterer({ model });
    const original = clusterer.add(featuresOf(base));
    // Later news arrives first; then a copy of the first report, published the day before
    // it, arrives last: it still joins the story it belongs to.
    for (const r of rows.filter((r) => r.cluster !== 'apple').slice(0, 30))
      clusterer.add(featuresOf(r));
    const day = 86_400_000;
    const earlier = new Date(Date.parse(base.published!) - day).toISOString();
    const late = clusterer.add(featuresOf(base, { id: 'late', published: earlier }));
    expect(late.storyId).toBe(original.storyId);
  });

  it('trusts a report published years apart less than one published the same week', () => {
    const score = (published: string) => {
      const clusterer = new StoryClusterer({ model });
      clusterer.add(featuresOf(base));
      const doc = featuresOf(base, { id: 'probe', published });
      return Math.max(0, ...clusterer.scoreCandidates(doc).map((s) => s.probability));
    };
    const t = Date.parse(base.published!);
    const near = score(new Date(t + 2 * 86_400_000).toISOString());
    const far = score(new Date(t + 3 * 365 * 86_400_000).toISOString());
    expect(near).toBeGreaterThan(0);
    expect(far).toBeLessThan(near);
  });
});
