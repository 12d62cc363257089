// findClaims on the seed article and on real sentences from PolNeAR and Reuters-21578.
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../core/types.js';
import { dataPath, readShared, SEED_FILE } from '../../test-support/index.js';
import { findTimes } from '../time.js';
import { type ClaimAttribution, type ClaimContext, findClaims } from './index.js';

const REFERENCE = new Date('2024-10-25T12:00:00Z');
const seed = readShared(SEED_FILE);

/** An attribution running from the start of `from` to the end of `to`. */
function stretch(text: string, from: string, to: string, source: string): ClaimAttribution {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start) + to.length;
  if (start < 0 || end < start + to.length) throw new Error(`no stretch "${from}" … "${to}"`);
  return { start, end, source };
}

/** The parts of a claim a reader checks first. */
const figure = (c: Claim) => [c.text, c.value, c.low, c.high, c.hedge, c.unit];

describe.skipIf(!seed)('findClaims on the seed article', () => {
  const text = seed ?? '';
  const times = findTimes(text, { reference: REFERENCE });
  const ctx: ClaimContext = {
    attributions: [
      stretch(text, 'the U.S. believes', 'against Ukraine', 'John Kirby'),
      stretch(text, 'around 3,000', 'trained in Russia', 'United States'),
      stretch(text, 'North Korea may send', 'by December', 'South Korean intelligence'),
    ],
    times,
    reference: REFERENCE,
    outlet: 'seed.example',
  };
  const claims = findClaims(text, ctx);

  it('finds the two figures, with their hedges, and nothing else', () => {
    expect(claims.map(figure)).toEqual([
      ['around 3,000 North Korean troops', 3000, null, null, 'about', 'troop'],
      ['as many as 12,000 personnel', 12000, null, 12000, 'up-to', 'personnel'],
    ]);
    for (const c of claims) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('says what each figure counts, so the two are not merged', () => {
    const [troops, personnel] = claims;
    expect(troops?.subject).toBe('North Korean troops being trained in Russia');
    expect(personnel?.subject).toBe(
      'personnel from North Korea, including special operations forces, sent to Russia',
    );
    expect(troops?.subjectKey).toBe('korea north russia trained troop');
    expect(personnel?.subjectKey).not.toBe(troops?.subjectKey);
  });

  it('takes the source from the innermost attribution, else the outlet', () => {
    expect(claims.map((c) => c.source)).toEqual(['United States', 'South Korean intelligence']);
    const bare = findClaims(text, { ...ctx, attributions: [] });
    expect(bare.map((c) => c.source)).toEqual(['seed.example', 'seed.example']);
  });

  it('dates the present-tense figure to publication and the other to "by December"', () => {
    const december = times.find((t) => t.text === 'by December');
    expect(december?.value).toBe('2024-12');
    expect(claims.map((c) => c.time)).toEqual(['2024-10-25', december?.value]);
    const undated = findClaims(text, {
      ...ctx,
      times: findTimes(text, { reference: null }),
      reference: null,
    });
    // Without a publish date, "now" stays relative, as findTimes writes "today".
    expect(undated.map((c) => c.time)).toEqual(['P0D', 'XXXX-12']);
  });

  it('does not count "Article 4", "February 2022" or "one of"', () => {
    for (const label of ['Article 4', 'February 2022', 'one of Russia']) {
      const start = text.indexOf(label);
      expect(start).toBeGreaterThan(0);
      const end = start + label.length;
      expect(claims.filter((c) => c.start < end && start < c.end)).toEqual([]);
    }
  });
});

/** The sentence of `text` that holds `snippet`. */
function sentenceWith(text: string, snippet: string): string {
  const at = text.indexOf(snippet);
  const start = text.lastIndexOf('. ', at) + 1;
  const end = text.indexOf('. ', at);
  return text.slice(start, end < 0 ? undefined : end + 1).trim();
}

/** The line of a shared file that holds `snippet`, or null when the data is missing. */
function lineOf(relative: string, snippet: string): string | null {
  const path = dataPath(relative);
  const text = path ? readShared(path) : null;
  if (text === null) return null;
  const at = text.indexOf(snippet);
  if (at < 0) throw new Error(`"${snippet}" is not in ${relative}`);
  const start = text.lastIndexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  return text.slice(start, end < 0 ? undefined : end);
}

function claimsIn(text: string): Claim[] {
  const times = findTimes(text, { reference: null });
  return findClaims(text, { attributions: [], times, reference: null, outlet: 'polnear' });
}

describe('what a figure counts, from the clause around it', () => {
  const subjectsOf = (text: string) =>
    findClaims(text, { attributions: [], times: [], reference: null, outlet: null }).map((c) => [
      c.subject,
      c.subjectKey,
    ]);

  it('names who did it to the counted things', () => {
    expect(subjectsOf('The floods in Valencia killed 62 people on Tuesday.')).toEqual([
      ['people killed by floods in Valencia', 'flood killed people valencia'],
    ]);
    expect(subjectsOf('Clinton has won 1,200 pledged delegates so far.')[0]?.[0]).toBe(
      'pledged delegates won by Clinton',
    );
    expect(subjectsOf('North Korea has sent about 10,000 troops to Russia.')[0]?.[0]).toBe(
      'troops from North Korea sent to Russia',
    );
  });

  it("keeps the view a share of people holds, so poll questions don't merge", () => {
    const [worse] = subjectsOf('About 60 percent of Americans say the economy is getting worse.');
    const [better] = subjectsOf('About 30 percent of Americans say the economy is getting better.');
    expect(worse?.[0]).toBe('Americans who say the economy is getting worse');
    expect(worse?.[1]).not.toBe(better?.[1]);
  });
});

const WELLS = 'polnear/dev/text/huff-post_2016-09-20_elizabeth-warren-hammers-wells-f.txt';
const fined = lineOf(WELLS, 'Wells Fargo was fined');

describe.skipIf(fined === null)('findClaims on PolNeAR sentences', () => {
  const line = (file: string, snippet: string) => lineOf(`polnear/dev/text/${file}`, snippet) ?? '';

  it('reads money, and what a penalty is for', () => {
    const claims = claimsIn(fined ?? '');
    expect(claims.map(figure)).toEqual([
      ['$185 million', 185_000_000, null, null, null, 'USD'],
      ['$100 million penalty', 100_000_000, null, null, null, 'USD'],
    ]);
    expect(claims[1]?.subject).toBe('penalty imposed by the Consumer Financial Protection Bureau');
  });

  it('reads a "between … and" range with its midpoint, and dates a figure by its year', () => {
    const claims = claimsIn(lineOf(WELLS, 'making between $30,000') ?? '');
    expect(claims.map(figure)).toEqual([
      ['between $30,000 and $60,000', 45_000, 30_000, 60_000, 'range', 'USD'],
      ['$19.3 million', 19_300_000, null, null, null, 'USD'],
    ]);
    expect(claims[1]?.time).toBe('2015');
  });

  it('reads vague counts and hedged counts', () => {
    const claims = claimsIn(lineOf(WELLS, 'thousands of bankers') ?? '');
    expect(claims.map(figure)).toEqual([
      ['thousands of bankers', 2000, 2000, null, 'at-least', 'banker'],
      ['more than 2 million accounts', 2_000_000, 2_000_000, null, 'at-least', 'account'],
      ['at least five years', 5, 5, null, 'at-least', 'year'],
    ]);
  });

  it('reads a fraction as a share, and a trailing hedge', () => {
    const claims = claimsIn(
      line('breitbart_2016-09-21_only-percent-of-hillary-clinton-.txt', 'Less than a quarter'),
    );
    expect(claims.map(figure)).toEqual([
      ['Less than a quarter of Hillary Clinton’s campaign donors', 25, null, 25, 'at-most', '%'],
      ['$200 or less', 200, null, 200, 'at-most', 'USD'],
    ]);
    expect(claims[0]?.subjectKey).toBe('campaign clinton donor hillary');
  });

  it('skips dates, ages, votes and rulings but keeps the poll figures', () => {
    const poll = claimsIn(
      line('politico_2016-09-25_poll-clinton-and-trump-in-dead-h.txt', 'Sept. 19 to 22'),
    );
    expect(poll.map(figure)).toEqual([
      ['1,001 adults', 1001, null, null, null, 'adult'],
      ['834', 834, null, null, null, null],
      ['4 percentage points', 4, null, null, null, 'pp'],
      ['651', 651, null, null, null, null],
      ['4.5 points', 4.5, null, null, null, 'point'],
    ]);
    expect(poll[1]?.subject).toBe('voter sample');
    const none = [
      ['breitbart_2016-10-04_bill-clinton-calls-obamacare-cra.txt', 'ages 55 to 65'],
      ['politico_2016-09-22_house-panel-votes-to-hold-clinto.txt', 'voted 19-15'],
      ['huff-post_2016-09-27_obama-power-plant-rules-face-key.txt', 'A 4-4 ruling'],
    ];
    for (const [file = '', snippet = ''] of none) {
      const sentence = sentenceWith(line(file, snippet), snippet);
      expect(sentence).toContain(snippet);
      expect(claimsIn(sentence)).toEqual([]);
    }
  });
});

const reutersPath = dataPath('reuters21578/articles.jsonl');
const reuters = reutersPath ? readShared(reutersPath) : null;

describe.skipIf(reuters === null)('findClaims on Reuters-21578 articles', () => {
  const body = (id: string): string => {
    const line = (reuters ?? '').split('\n').find((l) => l.includes(`"newid": "${id}"`));
    return line ? (JSON.parse(line) as { body: string }).body : '';
  };

  it('reads "mln", approximate magnitudes and ranges across wrapped lines', () => {
    const text = body('1');
    const claims = claimsIn(text);
    const byText = new Map(claims.map((c) => [c.text.replace(/\s+/g, ' '), c]));
    expect(figure(byText.get('around 6.4 mln bags')!)).toEqual([
      'around 6.4 mln bags',
      6_400_000,
      null,
      null,
      'about',
      'bag',
    ]);
    expect(byText.get('almost 6.2 mln')?.subject).toBe('sales');
    expect(byText.get('a few hundred thousand bags')?.value).toBe(300_000);
    expect(byText.get('340 to 350 cruzados')).toMatchObject({
      value: 345,
      low: 340,
      high: 350,
      hedge: 'range',
    });
    const date = text.indexOf('February 22');
    expect(date).toBeGreaterThan(0);
    expect(claims.some((c) => c.start < date + 11 && date < c.end)).toBe(false);
  });

  it('reads percentages of a stake and number words with "mln"', () => {
    const claims = claimsIn(body('10'));
    expect(claims.map((c) => [c.text.replace(/\s+/g, ' '), c.value, c.unit])).toEqual([
      ['200,000 shares', 200_000, 'share'],
      ['one mln shares', 1_000_000, 'share'],
      ['50,000 dlrs', 50_000, 'USD'],
      ['five years', 5, 'year'],
      ["up to 40 pct of the Computer Terminal's outstanding common stock", 40, '%'],
      ["75 pct of its common stock's market price", 75, '%'],
      ['1.50 dlrs', 1.5, 'USD'],
      ['200,000 dlrs', 200_000, 'USD'],
    ]);
  });
});
