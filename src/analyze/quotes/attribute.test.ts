// The quote finder on hand-made and real news sentences, with the lexicon (no model) so the
// rules themselves are under test.
import { describe, expect, it } from 'vitest';
import { inflect } from './cues.js';
import { findAttributions } from './index.js';
import { toRelations } from './relations.js';

const show = (text: string) =>
  findAttributions(text).map((a) => ({
    kind: a.kind,
    content: text.slice(a.content.start, a.content.end),
    source: a.source ? text.slice(a.source.start, a.source.end) : null,
    cue: a.cue ? text.slice(a.cue.start, a.cue.end) : null,
  }));

describe('inflect', () => {
  it('makes every form of a cue verb', () => {
    expect(inflect('say').sort()).toEqual(['said', 'say', 'saying', 'says']);
    expect(inflect('admit').sort()).toEqual(['admit', 'admits', 'admitted', 'admitting']);
    expect(inflect('deny').sort()).toEqual(['denied', 'denies', 'deny', 'denying']);
    expect(inflect('note').sort()).toEqual(['note', 'noted', 'notes', 'noting']);
  });
});

describe('findAttributions (lexicon)', () => {
  it('finds "X said that …" and "…, X said" with their sources', () => {
    expect(
      show('The senator said that the bill would pass. The vote is close, a spokesman added.'),
    ).toEqual([
      { kind: 'indirect', content: 'the bill would pass', source: 'The senator', cue: 'said' },
      { kind: 'indirect', content: 'The vote is close', source: 'a spokesman', cue: 'added' },
    ]);
  });

  it('finds an inverted direct quote resumed after the source, with the appositive in the source', () => {
    const text =
      '“It is a difficult issue,” said Muhammad Babar, a spokesman for the center, “because it divides us.”';
    expect(show(text)).toEqual([
      {
        kind: 'direct',
        content:
          'It is a difficult issue,” said Muhammad Babar, a spokesman for the center, “because it divides us.',
        source: 'Muhammad Babar, a spokesman for the center',
        cue: 'said',
      },
    ]);
  });

  it('takes "according to X" with the content on either side', () => {
    expect(
      show(
        'According to Reuters, talks have stalled for weeks. Prices rose sharply, according to the agency.',
      ),
    ).toEqual([
      {
        kind: 'indirect',
        content: 'talks have stalled for weeks',
        source: 'Reuters',
        cue: 'According to',
      },
      {
        kind: 'indirect',
        content: 'Prices rose sharply',
        source: 'the agency',
        cue: 'according to',
      },
    ]);
  });

  it('gives a participle the main clause speaker and a quoted fragment its own partial quote', () => {
    expect(
      show(
        'Austin confirmed that troops are there, warning that it would be "very, very serious" if they fought.',
      ),
    ).toEqual([
      { kind: 'indirect', content: 'troops are there', source: 'Austin', cue: 'confirmed' },
      { kind: 'partial', content: 'very, very serious', source: null, cue: 'warning' },
    ]);
  });

  it('lets a floating quote inherit the last speaker, and ignores cues and pronouns inside quotes', () => {
    const text = '“We said no to them,” Warren said.\n“They did not listen, and I told them so.”';
    const found = findAttributions(text);
    expect(found).toHaveLength(2);
    expect(text.slice(found[0]!.source!.start, found[0]!.source!.end)).toBe('Warren');
    expect(found[1]!.cue).toBeNull();
    expect(found[1]!.sharesSourceWith).toBe(found[0]);
    // As corpus relations, the floating quote continues the first one.
    expect(toRelations(found).map((r) => r.content.length)).toEqual([2]);
  });

  it('does not take a noun for a cue: "the report", "Trump’s comments"', () => {
    expect(show('The report was released on Monday. Trump’s comments drew fire.')).toEqual([]);
  });

  it('takes evidence as a source: "the study found"', () => {
    expect(show('The study found that wages rose.')).toEqual([
      { kind: 'indirect', content: 'wages rose', source: 'The study', cue: 'found' },
    ]);
  });

  it('ends the content where a second predicate of the speaker starts', () => {
    expect(
      show('Ryan insists the GOP must be a party of ideas, and has championed an agenda of cuts.'),
    ).toEqual([
      {
        kind: 'indirect',
        content: 'the GOP must be a party of ideas',
        source: 'Ryan',
        cue: 'insists',
      },
    ]);
  });

  it('reads a name that is also a stopper ("Will", "May") as part of the source', () => {
    expect(show('“It is a pretty expensive model,” said Will Doyle, a professor.')).toEqual([
      {
        kind: 'direct',
        content: 'It is a pretty expensive model,',
        source: 'Will Doyle, a professor',
        cue: 'said',
      },
    ]);
  });

  it('takes the whole stretch after a quotation as its source, appositives and all', () => {
    const text = '“Both of them scare me,” Harry Bond, 30, of Raleigh, N.C., who was polled, said.';
    expect(show(text)[0]).toMatchObject({
      content: 'Both of them scare me,',
      source: 'Harry Bond, 30, of Raleigh, N.C., who was polled',
    });
  });

  it('gives the quotation before the speaker the cue, not a "that" in a later clause', () => {
    const text =
      '“That is a legitimate concern,” Sarandon told MSNBC when asked about fears that voters would stay home.';
    expect(show(text)[0]).toMatchObject({
      kind: 'direct',
      content: 'That is a legitimate concern,',
      source: 'Sarandon',
      cue: 'told',
    });
  });

  it('keeps the words running into a quotation in the content: "called X “…”"', () => {
    expect(show('Sanders called the political system “rotten to the core.”')).toEqual([
      {
        kind: 'mixed',
        content: 'the political system “rotten to the core.”',
        source: 'Sanders',
        cue: 'called',
      },
    ]);
  });

  it('ends an earlier content where a later speaker takes the floor after a comma', () => {
    const text =
      'Of the case where the management wants one car, and the government wants another, he stated that “I don’t think it is going to happen.”';
    const found = show(text);
    expect(found.at(-1)).toMatchObject({ source: 'he', cue: 'stated' });
    for (const a of found.slice(0, -1)) expect(a.content).not.toContain('going to happen');
  });

  it('gives a quotation after a colon alone, and ends a quotation whose mark the splitter moved', () => {
    const text =
      'Gates wrote on his blog: "The world rarely sees someone like him. I will miss Steve immensely. " ' +
      'Ballmer said in a statement: "I want to extend my deepest condolences." Later that day he left.';
    expect(show(text)).toEqual([
      {
        kind: 'direct',
        content: 'The world rarely sees someone like him. I will miss Steve immensely.',
        source: 'Gates',
        cue: 'wrote',
      },
      {
        kind: 'direct',
        content: 'I want to extend my deepest condolences.',
        source: 'Ballmer',
        cue: 'said',
      },
    ]);
  });

  it('does not take the subject of the next sentence as a quotation’s speaker', () => {
    const text =
      '“This is our top priority,” Medvedev said. “The market should be given all support.” Finance Minister Alexei Kudrin announced that banks would get money.';
    const found = findAttributions(text);
    const second = found.find((a) => text.slice(a.content.start).startsWith('The market'))!;
    expect(second.cue).toBeNull();
    expect(
      second.sharesSourceWith?.source &&
        text.slice(second.sharesSourceWith.source.start, second.sharesSourceWith.source.end),
    ).toBe('Medvedev');
  });

  it('never throws on junk and keeps every span inside the text', () => {
    for (const text of [
      '',
      '"',
      '“”',
      '\u0000\u0001 said said said',
      '"'.repeat(500),
      'said, “'.repeat(200),
      '“We won,” he said that',
      `He said the plan works. ${'“a b c d” '.repeat(2000)}`,
      'He said “a b” and '.repeat(3000),
    ]) {
      for (const a of findAttributions(text)) {
        expect(a.content.end).toBeLessThanOrEqual(text.length);
        expect(a.clause.start).toBeGreaterThanOrEqual(0);
      }
    }
  });
});
