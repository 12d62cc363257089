import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_DIR, readShared } from '../test-support/index.js';
import { extractText } from './text.js';

const seed = readShared(join(SEED_DIR, '000_230bac5cbbd38f52.txt'));

describe.skipIf(!seed)('extractText on the seed article', () => {
  const input = seed ?? '';
  const draft = extractText(input);

  it('keeps the text a prefix of the file, ending with the body', () => {
    expect(input.startsWith(draft.text)).toBe(true);
    expect(draft.text.endsWith('as the situation unfolds.')).toBe(true);
  });

  it('moves exactly the three trailing headlines to related links', () => {
    expect(draft.relatedLinks).toEqual([
      { text: 'World Of Dance Canceled: A Look At Its Journey And Impact', url: null },
      {
        text: 'Exploring Education: A Guide To The Most And Least Educated States In The U.S.',
        url: null,
      },
      { text: 'Fani Willis Faces Ethics Complaint Amid Trump Indictment', url: null },
    ]);
    expect(draft.text).not.toContain('Fani Willis');
  });

  it('finds seven body paragraphs as ranges into the text', () => {
    expect(draft.paragraphs).toHaveLength(7);
    const first = draft.paragraphs[0]!;
    expect(draft.text.slice(first[0], first[1])).toMatch(
      /^In a striking development,.*situation\.$/,
    );
    expect(draft.title).toBeNull();
    expect(draft.extractor).toBe('text/1');
    expect(draft.language).toBe('en');
  });
});

const BODY =
  'The council voted on Tuesday to expand the city park, after months of debate among residents.\n' +
  'The mayor said the work would begin in spring and cost about 2 million dollars.\n';

describe('extractText keeps endings that belong to the article', () => {
  it('keeps a short one-line sign-off sentence', () => {
    const input = `${BODY}Residents can comment until Friday.\nThanks For Reading Our Coverage Today\n`;
    const draft = extractText(input);
    expect(draft.text).toBe(input);
    expect(draft.relatedLinks).toEqual([]);
  });

  it('keeps a bulleted list that is part of the article', () => {
    const input = `${BODY}The plan includes:\n- New Playground Equipment\n- Extended Opening Hours\n- Better Street Lighting\n`;
    const draft = extractText(input);
    expect(draft.text).toBe(input);
    expect(draft.relatedLinks).toEqual([]);
  });

  it('keeps Title Case lines that repeat the article vocabulary', () => {
    const input = `${BODY}Council Votes To Expand City Park\nMayor Says Park Work Begins In Spring\n`;
    expect(extractText(input).relatedLinks).toEqual([]);
  });

  it('keeps a wire sign-off with names', () => {
    const input = `${BODY}Reporting by Jane Doe; Editing by John Roe\n`;
    expect(extractText(input).text).toBe(input);
  });

  it('cuts trailing unrelated headlines from a blank-line separated text', () => {
    const input = `${BODY}\nCelebrity Chef Opens New Restaurant In Paris\n\nTen Best Hiking Trails For Families This Summer\n`;
    const draft = extractText(input);
    expect(draft.text).toBe(BODY.trimEnd());
    expect(draft.relatedLinks.map((l) => l.text)).toEqual([
      'Celebrity Chef Opens New Restaurant In Paris',
      'Ten Best Hiking Trails For Families This Summer',
    ]);
  });
});

describe('extractText title, byline and dateline', () => {
  it('reads a PolNeAR-style "Title.\\n\\n" opening without changing the text', () => {
    const input =
      'Senate Passes Budget Bill After Long Night.\n\nWASHINGTON (Reuters) - The Senate passed the bill early on Friday.\n\nIt now goes to the House.';
    const draft = extractText(input);
    expect(draft.text).toBe(input);
    expect(draft.title).toBe('Senate Passes Budget Bill After Long Night');
    expect(draft.dateline).toBe('WASHINGTON (Reuters) -');
    expect(draft.paragraphs).toHaveLength(2);
    expect(input.slice(...draft.paragraphs[0]!)).toMatch(/^WASHINGTON/);
  });

  it('reads a byline line and a dateline with a date', () => {
    const input =
      'Grain Exports Rise\n\nBy Jane Doe and John Roe\n\nBUENOS AIRES, Feb 26 - Grain exports rose sharply in the week.';
    const draft = extractText(input);
    expect(draft.byline).toBe('Jane Doe, John Roe');
    expect(draft.dateline).toBe('BUENOS AIRES, Feb 26 -');
    expect(draft.paragraphs).toHaveLength(1);
  });

  it('uses hints and does not take a lede sentence as a title', () => {
    const input = 'The storm hit the coast on Monday, officials said.\nThousands lost power.';
    const draft = extractText(input, { hints: { title: 'Storm Hits', published: '2024-05-02' } });
    expect(draft.title).toBe('Storm Hits');
    expect(draft.published).toBe('2024-05-02');
    expect(draft.paragraphs).toHaveLength(2);
  });

  it('splits hard-wrapped wire copy at indented lines', () => {
    const input =
      'Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary, the review said.\n' +
      '    The dry period means the temporao will be late this year.\n Reuter\n';
    const draft = extractText(input);
    expect(draft.paragraphs).toHaveLength(2);
    expect(draft.boilerplate.other).toEqual(['Reuter']);
    expect(draft.text.endsWith('late this year.')).toBe(true);
  });
});

describe('extractText on hostile input', () => {
  it('handles empty, blank and huge single-line input', () => {
    expect(extractText('').paragraphs).toEqual([]);
    expect(extractText('\n\n  \n').text).toBe('\n\n  \n');
    const huge = 'word '.repeat(200_000);
    const draft = extractText(huge);
    expect(draft.text).toBe(huge);
    expect(draft.paragraphs).toHaveLength(1);
  });
});
