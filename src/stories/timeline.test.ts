// A story's timeline and what changed since a time, on articles run through the real
// analyzers: a figure that grows is a change, a new voice is news, a wire copy adds nothing.
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../analyze/index.js';
import { sharedModels } from '../pipeline/analyze.js';
import { changesSince } from './since.js';
import { speakerIndex } from './speaker-index.js';
import { buildTimeline } from './timeline.js';
import type { StoryArticle, StoryView } from './view.js';

function article(
  id: number,
  source: string,
  published: string,
  title: string,
  text: string,
  copyOf = id,
): StoryArticle {
  const found = analyzeArticle({ text, published }, sharedModels());
  return {
    id,
    title,
    source,
    url: null,
    published,
    ingested: published,
    copyOf,
    text,
    quotes: found.quotes,
    claims: found.claims,
    times: found.times,
    mentions: found.entities,
  };
}

const FIRST =
  'Floods swept through Valencia on Tuesday. At least 62 people were killed in the floods, the regional government said. ' +
  '"We have never seen water like this," said Carlos Mazón, the regional president.';
const LATER =
  'The death toll from the floods in Valencia rose on Thursday. At least 158 people were killed in the floods, officials said. ' +
  '"The priority is to find the missing," said Pedro Sánchez, the prime minister, on a visit to Paiporta.';

const view: StoryView = {
  id: 1,
  title: 'Floods in Valencia',
  firstSeen: '2024-10-30T08:00:00.000Z',
  lastSeen: '2024-11-01T08:00:00.000Z',
  articles: [
    article(1, 'wire', '2024-10-30T08:00:00.000Z', 'Deadly floods hit Valencia', FIRST),
    article(2, 'outlet', '2024-10-30T09:00:00.000Z', 'Floods hit Valencia', FIRST, 1),
    article(3, 'paper', '2024-11-01T08:00:00.000Z', 'Valencia flood toll rises to 158', LATER),
  ],
};

describe('story timeline', () => {
  const timeline = buildTimeline(view);

  it('opens with the first report, and a wire copy adds no report of its own', () => {
    expect(timeline.find((e) => e.kind === 'first-report')).toMatchObject({ articleId: 1 });
    expect(timeline.filter((e) => e.articleId === 2)).toEqual([]);
    expect(timeline.find((e) => e.kind === 'report')).toMatchObject({ articleId: 3 });
  });

  it('records the rising toll as a changed figure and the new voice as news', () => {
    const changed = timeline.find((e) => e.kind === 'changed-figure');
    expect(changed).toMatchObject({ articleId: 3 });
    expect(changed!.text).toContain('158');
    expect(changed!.text).toContain('was 62');
    const voices = timeline.filter((e) => e.kind === 'new-speaker').map((e) => e.text);
    expect(voices.some((t) => t.startsWith('Carlos Mazón'))).toBe(true);
    expect(voices.some((t) => t.startsWith('Pedro Sánchez'))).toBe(true);
  });

  it('dates what the articles say happened on a day of its own', () => {
    const dated = timeline.filter((e) => e.kind === 'dated');
    expect(dated.map((e) => e.at)).toContain('2024-10-29');
  });

  it('says what changed since a time: the later article, its figure and its speaker only', () => {
    const changes = changesSince(view, '2024-10-31T00:00:00.000Z');
    expect(changes.articles.map((a) => a.id)).toEqual([3]);
    expect(changes.figures.map((e) => e.articleId)).toEqual([3]);
    expect(changes.speakers.map((e) => e.text.split(':')[0])).toContain('Pedro Sánchez');
    expect(changes.speakers.map((e) => e.text.split(':')[0])).not.toContain('Carlos Mazón');
  });

  it('indexes speakers with the outlets quoting them', () => {
    const mazon = speakerIndex(view).find((s) => s.speaker === 'Carlos Mazón')!;
    expect(mazon.quotes).toBe(2);
    expect(mazon.outlets.map((o) => o.outlet).sort()).toEqual(['outlet', 'wire']);
  });
});
