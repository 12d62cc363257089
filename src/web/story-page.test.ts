// The story page's pure parts: visits remembered in a cookie, the volume chart's bins, the
// filter form, and a story of hundreds of articles rendered quickly with its lists capped.
import { describe, expect, it } from 'vitest';
import type { Claim, Quote } from '../core/types.js';
import type { StoryArticle, StoryView } from '../stories/view.js';
import { binCounts } from './chart-timeline.js';
import { readStoryFilters } from './stories-page.js';
import { readShow, storyPage } from './story-page.js';
import { lastVisit, parseVisits, recordVisit } from './visits.js';

const TEXT =
  'Officials said 300 people were evacuated. "We are safe now," Ana Diaz said. Rain fell.';

function article(i: number, source: string): StoryArticle {
  const value = i % 2 === 0 ? 300 : 450;
  const claim: Claim = {
    text: `${value} people`,
    start: 15,
    end: 25,
    value,
    low: null,
    high: null,
    hedge: null,
    unit: 'person',
    subject: 'people evacuated',
    subjectKey: 'people evacuated',
    source: null,
    time: '2024-05-01',
  };
  const quote: Quote = {
    kind: 'direct',
    content: { start: 44, end: 58, text: 'We are safe now' },
    speaker: { name: 'Ana Diaz', start: 61, end: 69, text: 'Ana Diaz' },
    cue: { start: 70, end: 74, text: 'said' },
    confidence: 0.9,
  };
  const at = new Date(Date.UTC(2024, 4, 1, 6) + i * 600_000).toISOString();
  return {
    id: i + 1,
    title: `Report ${i + 1}`,
    source,
    url: null,
    published: at,
    ingested: at,
    copyOf: i % 5 === 4 ? i : i + 1,
    text: TEXT,
    quotes: [quote],
    claims: [claim],
    times: [],
    mentions: [],
  };
}

function bigStory(n: number): StoryView {
  const outlets = ['North Post', 'South Herald', 'East Wire', 'West Times'];
  const articles = Array.from({ length: n }, (_, i) => article(i, outlets[i % outlets.length]!));
  return {
    id: 7,
    title: 'Floods',
    firstSeen: articles[0]!.published!,
    lastSeen: articles.at(-1)!.published!,
    articles,
  };
}

describe('visits cookie', () => {
  it('remembers how far each story was seen, newest visits kept', () => {
    let value = recordVisit(undefined, 3, '2024-05-01T10:00:00.000Z');
    value = recordVisit(value, 9, '2024-05-02T10:00:00.000Z');
    expect(lastVisit(value, 3)).toBe('2024-05-01T10:00:00.001Z');
    expect(lastVisit(value, 4)).toBeNull();
    expect(parseVisits('junk.3:.-1:5.x:9')).toEqual(new Map());
    // A time past what a Date holds would crash the page that reads it.
    expect(parseVisits('7:zzzzzzzzzzzz')).toEqual(new Map());
    expect(lastVisit('7:zzzzzzzzzzzz', 7)).toBeNull();
    for (let id = 1; id <= 400; id++) value = recordVisit(value, id, '2024-05-03T00:00:00.000Z');
    expect(value.length).toBeLessThan(3800);
    expect(lastVisit(value, 400)).not.toBeNull();
    expect(lastVisit(value, 1)).toBeNull();
  });
});

describe('volume chart bins', () => {
  it('counts by hour for a short story and keeps empty bins', () => {
    const { grain, bins } = binCounts([
      '2024-05-01T06:10:00Z',
      '2024-05-01T06:50:00Z',
      '2024-05-01T09:00:00Z',
    ]);
    expect(grain).toBe('hour');
    expect(bins.map((b) => b.count)).toEqual([2, 0, 0, 1]);
  });
  it('counts by day over weeks', () => {
    expect(binCounts(['2024-05-01', '2024-05-20']).grain).toBe('day');
  });
});

describe('stories filter form', () => {
  it('turns the form into store filters and ignores what it cannot read', () => {
    const now = new Date('2024-05-10T00:00:00Z');
    expect(
      readStoryFilters({ window: '7d', source: 'bbc', entity: '12', outlets: '3' }, now).query,
    ).toEqual({
      limit: 30,
      since: '2024-05-03T00:00:00.000Z',
      sourceKey: 'bbc',
      entityId: 12,
      minSources: 3,
    });
    expect(
      readStoryFilters({ since: '2024-05-01', until: '2024-05-02', before: '123' }, now).query,
    ).toEqual({
      limit: 30,
      since: '2024-05-01T00:00:00.000Z',
      until: '2024-05-02T23:59:59.999Z',
    });
    expect(
      readStoryFilters({ window: 'forever', entity: 'x', since: 'May', outlets: '99' }, now).form,
    ).toEqual({
      window: '',
      since: '',
      until: '',
      source: '',
      entity: '',
      outlets: '',
    });
  });
});

describe('story page', () => {
  it('renders a story of 400 articles quickly, lists capped, every figure linked to its sentence', async () => {
    const view = bigStory(400);
    const started = performance.now();
    const page = String(await storyPage(view));
    // Nearly all of it is compareClaims pairing 400 figures of one quantity (its flagFigures
    // formats every pair); the page itself adds little. Generous for a shared CI machine.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(page).toContain('Show all 400 articles');
    expect(page.match(/<li><a href="\/articles\/\d+">Report/g)?.length).toBe(50);
    expect(page).toContain('<span class="badge disputed">Disputed</span>');
    const figures = [...page.matchAll(/<a class="figure" href="([^"]+)"/g)].map((m) => m[1]);
    expect(figures.length).toBeGreaterThan(0);
    for (const href of figures) expect(href).toMatch(/^\/articles\/\d+#s-0$/);
    expect(page).toContain('href="/articles/1#s-41"');
    const full = String(await storyPage(view, { show: readShow('articles,claims') }));
    expect(full.match(/<li><a href="\/articles\/\d+">Report/g)?.length).toBe(400);
  });

  it('says what is new since the last visit', async () => {
    const view = bigStory(6);
    const page = String(await storyPage(view, { lastVisit: view.articles[3]!.published! }));
    expect(page).toContain('New since your last visit');
    expect(page).toContain('3 new articles');
    expect(
      String(await storyPage(view, { lastVisit: lastVisit(recordVisit('', 7, view.lastSeen), 7) })),
    ).not.toContain('New since');
  });
});
