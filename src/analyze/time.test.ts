import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TimeExpr } from '../core/types.js';
import { dataPath, readShared, SEED_FILE } from '../test-support/index.js';
import { analyzeArticle } from './index.js';
import { findTimes } from './time.js';

const seed = readShared(SEED_FILE);

/** Friday 25 October 2024, the seed article's publish date. */
const REF = new Date('2024-10-25T12:00:00Z');
const pick = (text: string, reference: Date | null) =>
  findTimes(text, { reference }).map((t) => [t.text, t.value, t.grain]);

describe.skipIf(!seed)('findTimes on the seed article', () => {
  const text = seed ?? '';

  it('keeps "today" relative without a publish date', () => {
    const times = findTimes(text, { reference: null });
    expect(times.map((t) => [t.text, t.value, t.grain])).toEqual([
      ['today', 'P0D', 'relative'],
      ['by December', 'XXXX-12', 'month'],
      ['February 2022', '2022-02', 'month'],
    ]);
    for (const t of times) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('resolves against the publish date, with "by December" as a deadline', () => {
    expect(pick(text, REF)).toEqual([
      ['today', '2024-10-25', 'day'],
      ['by December', '2024-12', 'month'],
      ['February 2022', '2022-02', 'month'],
    ]);
    // Published in December: the deadline is that December. In January: the next one.
    expect(pick(text, new Date('2024-12-03T00:00:00Z'))[1]).toEqual([
      'by December',
      '2024-12',
      'month',
    ]);
    expect(pick(text, new Date('2025-01-10T00:00:00Z'))[1]).toEqual([
      'by December',
      '2025-12',
      'month',
    ]);
  });

  it('never reports the figures, "may send" or "Article 4" as times', () => {
    const spans = findTimes(text, { reference: REF }).map((t) => t.text);
    expect(spans.some((s) => /3,000|12,000|Article 4|\b4\b|\bmay\b/.test(s))).toBe(false);
  });

  it('is what analyzeArticle returns as times', () => {
    const a = analyzeArticle({ text, published: '2024-10-25' });
    expect(a.times.map((t) => t.value)).toEqual(['2024-10-25', '2024-12', '2022-02']);
  });
});

describe('findTimes grains and values', () => {
  it.each([
    ['Officials met yesterday.', null, [['yesterday', '-P1D', 'relative']]],
    ['It happened two days ago.', REF, [['two days ago', '2024-10-23', 'day']]],
    ['Talks continue this week.', REF, [['this week', '2024-W43', 'week']]],
    ['Talks continue this week.', null, [['this week', 'P0W', 'relative']]],
    ['Prices rose last year.', REF, [['last year', '2023', 'year']]],
    ['The law passed in 1987.', null, [['1987', '1987', 'year']]],
    ['Rates held from 2019 to 2021.', null, [['2019 to 2021', '2019/2021', 'range']]],
    [
      'The fair runs March 3-5, 2024.',
      null,
      [['March 3-5, 2024', '2024-03-03/2024-03-05', 'range']],
    ],
    ['He spoke on Oct. 23.', null, [['Oct. 23', 'XXXX-10-23', 'day']]],
    ['He spoke on Monday.', REF, [['on Monday', '2024-10-21', 'day']]],
    ['He will speak on Monday.', REF, [['on Monday', '2024-10-28', 'day']]],
    ['The war began in 2022.', REF, [['2022', '2022', 'year']]],
    ['The war began in February 2022.', REF, [['February 2022', '2022-02', 'month']]],
    ['The vote is on Oct. 3.', REF, [['Oct. 3', '2024-10-03', 'day']]],
    ['They met at 3 p.m. Tuesday.', REF, [['at 3 p.m. Tuesday', '2024-10-22T15:00', 'instant']]],
    ['They will meet 3 p.m. Tuesday.', REF, [['3 p.m. Tuesday', '2024-10-29T15:00', 'instant']]],
    ['They met at 3 p.m. Tuesday.', null, [['at 3 p.m. Tuesday', 'XXXX-WXX-2T15:00', 'instant']]],
  ] as const)('%s (reference %s)', (text, reference, want) => {
    expect(pick(text, reference)).toEqual(want);
  });

  it('ignores counts, labels and vague words', () => {
    expect(
      pick('About 3,000 troops and 12,000 personnel; Article 4 of 2,019 cases, now.', REF),
    ).toEqual([]);
    expect(pick('', null)).toEqual([]);
  });
});

/** Hand-written sentences: each new form against REF (a Friday) and with no reference. */
describe('findTimes deadlines, since and until', () => {
  it.each([
    ['Most will arrive by the end of the year.', REF, [['by the end of the year', '2024', 'year']]],
    [
      'Most will arrive by the end of the year.',
      null,
      [['by the end of the year', 'P0Y', 'relative']],
    ],
    [
      'Talks must end by the end of the month.',
      REF,
      [['by the end of the month', '2024-10', 'month']],
    ],
    ['The plant will close by 2025.', REF, [['by 2025', '2025', 'year']]],
    ['The rule takes effect by next year.', REF, [['by next year', '2025', 'year']]],
    ['The rule takes effect by next year.', null, [['by next year', 'P1Y', 'relative']]],
    // A past clause takes the last March, a future one the next.
    [
      'The money had run out by the end of March.',
      REF,
      [['by the end of March', '2024-03', 'month']],
    ],
    [
      'The money will run out by the end of March.',
      REF,
      [['by the end of March', '2025-03', 'month']],
    ],
    ['He has lived there since 2014.', REF, [['since 2014', '2014/2024-10-25', 'range']]],
    ['He has lived there since 2014.', null, [['since 2014', '2014/..', 'range']]],
    ['Prices have risen since February.', REF, [['since February', '2024-02/2024-10-25', 'range']]],
    ['Prices have risen since February.', null, [['since February', 'XXXX-02/..', 'range']]],
    ['Rates have doubled since last year.', null, [['since last year', '-P1Y/P0D', 'range']]],
    ['Sales have fallen since Monday.', REF, [['since Monday', '2024-10-21/2024-10-25', 'range']]],
    [
      'It has been an ally since the invasion began in February 2022.',
      REF,
      [['February 2022', '2022-02', 'month']],
    ],
    ['The ban lasts until March.', REF, [['until March', '2024-10-25/2025-03', 'range']]],
    ['The ban lasts until March.', null, [['until March', '../XXXX-03', 'range']]],
    ['The show runs through June.', REF, [['through June', '2024-10-25/2025-06', 'range']]],
    ['The offer is open till 2026.', REF, [['till 2026', '2024-10-25/2026', 'range']]],
    ['He was governor until 2011.', REF, [['until 2011', '../2011', 'range']]],
    ['Rates stay fixed until next year.', null, [['until next year', 'P0D/P1Y', 'range']]],
  ] as const)('%s (reference %s)', (text, reference, want) => {
    expect(pick(text, reference)).toEqual(want);
  });
});

describe('findTimes periods counted from the publish date', () => {
  it.each([
    ['Officials met earlier this month.', REF, [['earlier this month', '2024-10', 'month']]],
    ['Officials met earlier this month.', null, [['earlier this month', 'P0M', 'relative']]],
    ['Output rose earlier this year.', REF, [['earlier this year', '2024', 'year']]],
    ['He will visit later this week.', REF, [['later this week', '2024-W43', 'week']]],
    ['Sales fell last month.', REF, [['last month', '2024-09', 'month']]],
    ['Sales fell last month.', null, [['last month', '-P1M', 'relative']]],
    ['Elections are due next year.', REF, [['next year', '2025', 'year']]],
    ['Protests grew in recent days.', REF, [['recent days', '2024-10-22/2024-10-25', 'range']]],
    ['Protests grew in recent days.', null, [['recent days', '-P3D/P0D', 'range']]],
    ['Clashes broke out last weekend.', REF, [['last weekend', '2024-10-19/2024-10-20', 'range']]],
    ['Clashes broke out last weekend.', null, [['last weekend', 'XXXX-WXX-6/XXXX-WXX-7', 'range']]],
    ['Talks resume this weekend.', REF, [['this weekend', '2024-10-26/2024-10-27', 'range']]],
    // Written on a Sunday, "over the weekend" is the weekend under way.
    [
      'Clashes broke out over the weekend.',
      new Date('2024-10-27T00:00:00Z'),
      [['weekend', '2024-10-26/2024-10-27', 'range']],
    ],
    ['The talks began two weeks ago.', REF, [['two weeks ago', '2024-W41', 'week']]],
    ['The talks began two weeks ago.', null, [['two weeks ago', '-P2W', 'relative']]],
    ['Talks collapsed three years ago.', REF, [['three years ago', '2021', 'year']]],
    [
      'Prices doubled over the past three years.',
      REF,
      [['past three years', '2021-10-25/2024-10-25', 'range']],
    ],
    [
      'Prices doubled over the past three years.',
      null,
      [['past three years', '-P3Y/P0D', 'range']],
    ],
    ['Output will grow over the next five years.', null, [['next five years', 'P0D/P5Y', 'range']]],
    [
      'It is the highest level in 30 years.',
      REF,
      [['in 30 years', '1994-10-25/2024-10-25', 'range']],
    ],
    ['The cut takes effect in six months.', REF, [['in six months', '2025-04', 'month']]],
    ['Sales fell last quarter.', REF, [['last quarter', '2024-Q3', 'quarter']]],
    ['Sales fell last quarter.', null, [['last quarter', '-P1Q', 'relative']]],
  ] as const)('%s (reference %s)', (text, reference, want) => {
    expect(pick(text, reference)).toEqual(want);
  });
});

describe('findTimes ranges, quarters and halves', () => {
  it.each([
    [
      'Output rose from March to May 2023.',
      REF,
      [['March to May 2023', '2023-03/2023-05', 'range']],
    ],
    [
      'Output rose from November to February 2023.',
      null,
      [['November to February 2023', '2022-11/2023-02', 'range']],
    ],
    [
      'Growth slowed between 2019 and 2021.',
      REF,
      [['between 2019 and 2021', '2019/2021', 'range']],
    ],
    [
      'Growth slowed between March and May.',
      null,
      [['between March and May', 'XXXX-03/XXXX-05', 'range']],
    ],
    ['The 2019–2021 plan failed.', REF, [['2019–2021', '2019/2021', 'range']]],
    // Both 2008 and 2012, not the years between them.
    [
      'He ran in 2008 and 2012.',
      REF,
      [
        ['2008', '2008', 'year'],
        ['2012', '2012', 'year'],
      ],
    ],
    ['The summit runs March 3-5.', REF, [['March 3-5', '2025-03-03/2025-03-05', 'range']]],
    [
      'Polls will be open Monday through Wednesday.',
      REF,
      [['Monday through Wednesday', '2024-10-28/2024-10-30', 'range']],
    ],
    [
      'Polls will be open Monday through Wednesday.',
      null,
      [['Monday through Wednesday', 'XXXX-WXX-1/XXXX-WXX-3', 'range']],
    ],
    ['Profit rose in the third quarter.', REF, [['third quarter', '2024-Q3', 'quarter']]],
    ['Profit rose in the third quarter.', null, [['third quarter', 'XXXX-Q3', 'quarter']]],
    ['Q3 2024 sales beat forecasts.', null, [['Q3 2024', '2024-Q3', 'quarter']]],
    ['It reported third-quarter earnings.', REF, [['third-quarter', '2024-Q3', 'quarter']]],
    [
      'Growth picked up in the second half of 2023.',
      REF,
      [['second half of 2023', '2023-07/2023-12', 'range']],
    ],
    [
      'It rose in the first half of this year.',
      REF,
      [['first half of this year', '2024-01/2024-06', 'range']],
    ],
    ['Crime fell in the 1990s.', REF, [['1990s', '1990/1999', 'range']]],
  ] as const)('%s (reference %s)', (text, reference, want) => {
    expect(pick(text, reference)).toEqual(want);
  });
});

describe('findTimes on words that are not times', () => {
  it.each([
    'North Korea may send as many as 12,000 troops.',
    'Thousands joined a march on Washington.',
    'Thousands joined the Women’s March.',
    'Theresa May said the talks had failed.',
    'The minister wrote to May on the matter.',
    'He sat down with reporters at the Sun-Times.',
    'The plan costs $37,000 a year.',
    'Cruz is at 20 percent.',
    'He served in the Senate for eight years.',
    'Two days after the vote, he resigned.',
    'He apologized the next day.',
    'The Patriots led in the third quarter of the game.',
    'Article 4 requires mutual defence.',
    'It was a year when everything changed.',
    'One day he will return.',
  ])('%s', (text) => {
    expect(pick(text, REF)).toEqual([]);
  });
});

interface Article {
  text: string;
  published: Date;
}

/** Each shared corpus as text and publish date, or null (and skipped) when it is missing. */
function loadCorpus(file: string, textField: string, dateField: string): Article[] | null {
  const path = dataPath(file);
  if (!path) return null;
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, string>)
    .map((o) => ({
      text: o[textField] ?? '',
      // Reuters writes "26-FEB-1987 15:01:01.79".
      published: new Date(
        (o[dateField] ?? '').replace(/^(\d+)-(\w+)-(\d+) (.*)$/, '$2 $1 $3 $4 UTC'),
      ),
    }));
}

const corpora = {
  polnear: loadCorpus('polnear/articles.jsonl', 'text', 'publication_date'),
  'open-news': loadCorpus('open-news/articles.jsonl', 'text', 'published'),
  reuters: loadCorpus('reuters21578/articles.jsonl', 'body', 'date'),
};

/** The times found in the article holding a snippet, anchored on its date, that touch the snippet. */
function timesAt(corpus: keyof typeof corpora, snippet: string): Array<[string, string, string]> {
  const article = corpora[corpus]?.find((a) => a.text.includes(snippet));
  if (!article) throw new Error(`no ${corpus} article holds ${JSON.stringify(snippet)}`);
  const at = article.text.indexOf(snippet);
  return findTimes(article.text, { reference: article.published })
    .filter((t) => t.start < at + snippet.length && at < t.end)
    .map((t) => [t.text, t.value, t.grain]);
}

describe('findTimes on real news sentences, anchored on their publish dates', () => {
  it.skipIf(!corpora.polnear).each([
    ['will finish his term by the end of the year', [['by the end of the year', '2016', 'year']]],
    ['for reducing carbon emissions by 2025', [['by 2025', '2025', 'year']]],
    ['a registered Republican since 2003', [['since 2003', '2003/2016-09-23', 'range']]],
    [
      'office openings and rallies since February',
      [['since February', '2016-02/2016-09-08', 'range']],
    ],
    ['where Democrats won’t vote until June', [['until June', '2016-04-06/2016-06', 'range']]],
    [
      'legal and tactical challenges through December',
      [['through December', '2015-12-01/2015-12', 'range']],
    ],
    [
      'From March through May, Anderson Cooper',
      [['March through May', '2016-03/2016-05', 'range']],
    ],
    ['I was in North Carolina earlier this week', [['earlier this week', '2016-W38', 'week']]],
    ['Earlier this month, Wells Fargo was fined', [['Earlier this month', '2016-09', 'month']]],
    ['more than 20 states in recent months', [['recent months', '2016-06-30/2016-09-30', 'range']]],
    ['Last weekend, America once again', [['Last weekend', '2016-09-17/2016-09-18', 'range']]],
    ['over the last 11 months', [['last 11 months', '2015-11-02/2016-10-02', 'range']]],
    ['overhaul healthcare in the 1990s', [['1990s', '1990/1999', 'range']]],
    ['protest march in Selma', []],
    ['continue her march toward Election Day', []],
    ['NYC Pride March', []],
  ] as const)('polnear: %s', (snippet, want) => {
    expect(timesAt('polnear', snippet)).toEqual(want);
  });

  it.skipIf(!corpora['open-news']).each([
    [
      'That decision is due by the end of next month',
      [['by the end of next month', '2009-03', 'month']],
    ],
    [
      'on medical leave since January of this year',
      [['since January of this year', '2011-01/2011-08-25', 'range']],
    ],
    ['barred him from working until April 2009', [['until April 2009', '../2009-04', 'range']]],
    ['will be delayed until October 2007', [['until October 2007', '2006-10-05/2007-10', 'range']]],
    ['originally due later this year', [['later this year', '2006', 'year']]],
    [
      'The festival runs through March 11 this year',
      [
        ['through March 11', '2007-03-05/2007-03-11', 'range'],
        ['this year', '2007', 'year'],
      ],
    ],
    [
      'from January 23 through March 9',
      [['January 23 through March 9', '2014-01-23/2014-03-09', 'range']],
    ],
    [
      'from 2009 to 2011, then between 2014 and 2016',
      [
        ['2009 to 2011', '2009/2011', 'range'],
        ['between 2014 and 2016', '2014/2016', 'range'],
      ],
    ],
    [
      'lost US$6 billion in the first quarter of 2009',
      [['first quarter of 2009', '2009-Q1', 'quarter']],
    ],
    ['in the third quarter of this year', [['third quarter of this year', '2009-Q3', 'quarter']]],
    ['In the fourth quarter, Ford brand sales', [['fourth quarter', '2009-Q4', 'quarter']]],
    ['in the second half of this year', [['second half of this year', '2006-07/2006-12', 'range']]],
    ['Steve Jobs 1955-2011', [['1955-2011', '1955/2011', 'range']]],
  ] as const)('open-news: %s', (snippet, want) => {
    expect(timesAt('open-news', snippet)).toEqual(want);
  });

  it.skipIf(!corpora.reuters).each([
    ['between 1991 and 1996', [['between 1991 and 1996', '1991/1996', 'range']]],
    ['Monday through Thursday', [['Monday through Thursday', '1987-03-09/1987-03-12', 'range']]],
    ['for shipment from May to July', [['May to July', '1987-05/1987-07', 'range']]],
    ['budget for 1987-1991', [['1987-1991', '1987/1991', 'range']]],
    ['in the second half of 1986', [['second half of 1986', '1986-07/1986-12', 'range']]],
  ] as const)('reuters: %s', (snippet, want) => {
    expect(timesAt('reuters', snippet)).toEqual(want);
  });
});

/** The value scheme: ISO dates, weeks, quarters, clock times, X for unknown parts, signed durations. */
const POINT = String.raw`(?:(?:\d{4}(?:-\d\d(?:-\d\d)?|-W\d\d|-Q[1-4])?|XXXX-(?:\d\d(?:-\d\d)?|Q[1-4]|WXX-[1-7]))(?:T\d\d:\d\d)?|XXXX-XX-XXT\d\d:\d\d|-?P\d+[DWMQY]|\.\.)`;
const VALUE = new RegExp(`^${POINT}(?:/${POINT})?$`);

describe.skipIf(!corpora.polnear)('findTimes over all PolNeAR articles', () => {
  it('never throws, and every time is a trimmed slice of the text with a well-formed value', () => {
    const bad: TimeExpr[] = [];
    let count = 0;
    for (const a of corpora.polnear ?? []) {
      for (const reference of [a.published, null]) {
        for (const t of findTimes(a.text, { reference })) {
          count++;
          const ok = a.text.slice(t.start, t.end) === t.text && t.text === t.text.trim();
          if (!ok || !VALUE.test(t.value)) bad.push(t);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(count).toBeGreaterThan(10_000);
  }, 20_000);
});
