// The HTML report: a standalone page where hostile article text stays text, and every
// figure, quote and dated development links to the sentence that supports it.
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../core/escape-html.js';
import type { Claim } from '../core/types.js';
import { sentenceStartOf } from './anchors.js';
import { renderReportHtml } from './report-html.js';
import type { StoryArticle, StoryView } from './view.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

function article(
  id: number,
  source: string,
  text: string,
  figure: string,
  value: number,
): StoryArticle {
  const start = text.indexOf(figure);
  const claim: Claim = {
    text: figure,
    start,
    end: start + figure.length,
    value,
    low: null,
    high: null,
    hedge: null,
    unit: 'person',
    subject: 'people evacuated from the valley',
    subjectKey: 'people evacuated valley',
    source: null,
    time: '2024-10-24',
  };
  const said = text.indexOf('We are');
  return {
    id,
    title: id === 1 ? `Flood <script>alert("t")</script>` : null,
    source,
    url: id === 1 ? 'javascript:alert(1)' : `https://example.org/${id}?a=1&b=2`,
    published: `2024-10-2${4 + id}T10:00:00.000Z`,
    ingested: '2024-10-30T00:00:00.000Z',
    copyOf: id,
    text,
    claims: [claim],
    quotes:
      said < 0
        ? []
        : [
            {
              kind: 'direct',
              content: { start: said, end: said + 20, text: text.slice(said, said + 20) },
              speaker: { name: `Ana ${HOSTILE}`, start: null, end: null, text: 'Ana' },
              cue: null,
              confidence: 0.9,
            },
          ],
    times: [],
    mentions: [],
  };
}

const VIEW: StoryView = {
  id: 42,
  title: `Flood <script>alert("t")</script>`,
  firstSeen: '2024-10-25T10:00:00.000Z',
  lastSeen: '2024-10-26T10:00:00.000Z',
  articles: [
    article(
      1,
      'Valley Post',
      `Rain fell all night. Officials said 1,000 people were evacuated ${HOSTILE}. "We are safe for now," she said.`,
      '1,000 people',
      1000,
    ),
    article(
      2,
      `Evil "Outlet" ${HOSTILE}`,
      'The river rose fast. By noon 2,500 people were evacuated, rescuers said.',
      '2,500 people',
      2500,
    ),
  ],
};

describe('HTML report', () => {
  const html = renderReportHtml(VIEW, { baseUrl: 'https://sitrep.example/' });

  it('is one standalone document with inline CSS and no script', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<style>');
    // Escaped text may spell a tag out; no real tag or attribute may run anything.
    expect(html).not.toMatch(/<script|<link|<img|<[^>]*\son\w+=/i);
    expect(html).not.toContain('javascript:');
  });

  it('escapes every piece of article text', () => {
    expect(html).toContain('Flood &lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;');
    expect(html).toContain(escapeHtml(`Evil "Outlet" ${HOSTILE}`));
    expect(html).toContain(escapeHtml(`Ana ${HOSTILE}`));
  });

  it('links every figure and quote to the sentence that gives it', () => {
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    for (const a of VIEW.articles) {
      const claim = a.claims[0]!;
      const anchor = `https://sitrep.example/articles/${a.id}#s-${sentenceStartOf(a.text, claim.start)}`;
      expect(hrefs).toContain(anchor);
      expect(html).toContain(`<a href="${anchor}">${escapeHtml(claim.text)}</a>`);
    }
    const quote = VIEW.articles[0]!.quotes[0]!;
    const quoteAnchor = `https://sitrep.example/articles/1#s-${sentenceStartOf(VIEW.articles[0]!.text, quote.content.start)}`;
    expect(hrefs).toContain(quoteAnchor);
    // The figures' sentences are not the articles' first: the anchors point inside the text.
    expect(
      sentenceStartOf(VIEW.articles[0]!.text, VIEW.articles[0]!.claims[0]!.start),
    ).toBeGreaterThan(0);
    expect(hrefs).toContain('https://example.org/2?a=1&b=2');
  });

  it('marks figures that disagree', () => {
    expect(html).toContain('<tr class="disputed">');
    expect(html).toContain('class="flag disagreement"');
  });
});
