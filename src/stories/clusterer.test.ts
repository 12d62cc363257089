// Story clustering on real articles: two ECB+ events of one topic (and a third topic) are
// told apart; refine merges the halves of one event into the older id; late articles are placed by publish time.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeArticle, loadNerModel } from '../analyze/index.js';
import { dataPath } from '../test-support/index.js';
import { StoryClusterer } from './clusterer.js';
import { type ArticleFeatures, articleFeatures } from './features.js';
import { type LabeledRow, parseLabeledJsonl } from './labeled-jsonl.js';
import { loadStoryModel } from './model.js';
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

  it('refines: moves and merges only into stories that exist, and storyOf follows each', () => {
    const clusterer = new StoryClusterer({ model });
    for (const row of stream) clusterer.add(featuresOf(row));
    const before = scoreClustering(
      picked.map((r) => String(clusterer.storyOf(r.id))),
      picked.map((r) => r.cluster!),
    );
    const { moves, merges } = clusterer.refine();
    const live = new Set(clusterer.allStories().map((s) => s.id));
    for (const m of moves) {
      expect(m.from).not.toBe(m.to);
      expect(m.probability).toBeGreaterThanOrEqual(model.joinThreshold);
    }
    for (const m of merges) {
      expect(m.into).toBeLessThan(m.gone);
      expect(live.has(m.gone)).toBe(false);
      expect(m.probability).toBeGreaterThanOrEqual(model.mergeThreshold);
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
    expect(clusterer.refine()).toEqual({ moves: [], merges: [] });
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

  it('refine merges two halves of one event into the older id, and not the other event', () => {
    // No single report clears this join threshold, so whatever refine changes it changes by
    // merging. The merge threshold is half the trained one: nine reports give thin word
    // statistics. Even so, the other event's story must stay apart.
    const clusterer = new StoryClusterer({
      model: { ...model, joinThreshold: 0.999, mergeThreshold: 0.3 },
    });
    // Forced placements, as when the first reports of an event arrived before anything
    // linked them: two stories of Tara Reid's rehab, and one of Lindsay Lohan's.
    const place = (docs: ArticleFeatures[]) => {
      let id: number | null = null;
      for (const doc of docs) {
        clusterer.scoreCandidates(doc);
        id = clusterer.commit(doc, id);
      }
      return id!;
    };
    const reid = rows
      .filter((r) => r.cluster === '1_ecb')
      .slice(0, 6)
      .map((r) => featuresOf(r));
    const lohan = rows
      .filter((r) => r.cluster === '1_ecbplus')
      .slice(0, 3)
      .map((r) => featuresOf(r));
    const first = place(reid.slice(0, 3));
    const second = place(reid.slice(3));
    const other = place(lohan);
    expect(second).toBeGreaterThan(first);
    const { merges, moves } = clusterer.refine();
    expect(moves).toEqual([]);
    expect(merges.map((m) => [m.into, m.gone])).toEqual([[first, second]]);
    for (const doc of reid) expect(clusterer.storyOf(doc.id)).toBe(first);
    for (const doc of lohan) expect(clusterer.storyOf(doc.id)).toBe(other);
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
