// Speakers resolved to entities with the real tagger: gender agreement for pronouns, "who"
// after "X of Y", and floating quotes that stay with their speaker.
import { describe, expect, it } from 'vitest';
import { findEntityMentions, loadCueModel, loadNerModel, resolveEntities } from '../index.js';
import { personGenders } from './gender.js';
import { findAttributedQuotes } from './index.js';

const ner = loadNerModel();
const cues = loadCueModel();
const mentionsOf = (text: string) => resolveEntities(text, findEntityMentions(ner, text));
const speakers = (text: string) =>
  findAttributedQuotes(text, mentionsOf(text)).map((q) => [
    q.quote.content.text,
    q.quote.speaker.name,
  ]);

describe('speaker resolution', () => {
  it('learns genders from the article: honorifics and the pronoun that follows a name', () => {
    const text = 'Mrs. Kunin spoke first. Bernie Sanders arrived later, and he waved to the crowd.';
    const genders = personGenders(text, mentionsOf(text));
    expect(genders.get('Kunin')).toBe('f');
    expect(genders.get('Bernie Sanders')).toBe('m');
  });

  it('resolves "she" past a nearer man the article calls "he"', () => {
    const text =
      'Madeleine Kunin, a former governor, was asked about Bernie Sanders. He has run hard, ' +
      'and he knows it. “His normal demeanor is grumpy,” she said.';
    expect(speakers(text)).toContainEqual(['His normal demeanor is grumpy,', 'Madeleine Kunin']);
  });

  it('reads a possessive source as its owner, and a possessed one as not', () => {
    // A nominal attribution: the learned cue model finds "claim" as the cue.
    const claim =
      "Ted Cruz's claim Friday that more walls are needed on the border drew scorn from Democrats.";
    const [found] = findAttributedQuotes(claim, mentionsOf(claim), cues);
    expect(found?.quote.cue?.text).toBe('claim');
    expect(found?.quote.speaker.name).toBe('Ted Cruz');
    const aide = '“We will not comment,” Barack Obama’s press secretary said on Friday.';
    expect(speakers(aide)[0]?.[1]).not.toBe('Barack Obama');
  });

  it('takes "who" after "X of Maryland" as the person, not the place', () => {
    const text =
      '“Should delegates really vote their own seats away?” asked Sen. Barbara Mikulski of ' +
      'Maryland, who wants a review of the party rules. “I want to hear from the voters first.”';
    const found = speakers(text);
    expect(found[0]).toEqual([
      'Should delegates really vote their own seats away?',
      'Barbara Mikulski',
    ]);
    expect(found.at(-1)).toEqual(['I want to hear from the voters first.', 'Barbara Mikulski']);
  });

  it('looks past the organisation in a speaker’s description, and any distance back', () => {
    const text =
      '“The turnout has been huge,” said Julien Talavan, a spokesman for Force Ouvrière, ' +
      `the main union in France. ${'The plant employs many workers in the region. '.repeat(40)}` +
      '“We are only getting started,” he said.';
    expect(speakers(text).at(-1)).toEqual(['We are only getting started,', 'Julien Talavan']);
  });

  it('reads "Name, president and CEO of X said" as the person', () => {
    const text =
      'Scott Carson, president and CEO of Boeing Commercial Airplanes said, “This has been a wonderful day for the company.”';
    expect(speakers(text)).toEqual([
      ['This has been a wonderful day for the company.', 'Scott Carson'],
    ]);
  });

  it('gives a quotation one speaker when two cues reach it', () => {
    const text =
      'Of the case where General Motors wants one car and the government wants another, Fritz Henderson stated that “I don’t think it is going to happen.”';
    const found = speakers(text).filter(([content]) => content?.startsWith('I don’t think'));
    expect(found).toEqual([['I don’t think it is going to happen.', 'Fritz Henderson']]);
  });

  it('looks past the people a quotation speaks of when resolving the next "he"', () => {
    const text =
      '“He is ignorant,” said Daniel Benjamin, a former official. “Omar Mateen was clearly radicalized in the United States.” ' +
      '“The military is already striking every target it finds,” he added.';
    expect(speakers(text).at(-1)).toEqual([
      'The military is already striking every target it finds,',
      'Daniel Benjamin',
    ]);
  });

  it('takes quoted titles for names of works, not for anybody’s words', () => {
    const text =
      'Microsoft said it had launched a website, “The Internet Explorer 6 Countdown,” to urge users to upgrade. ' +
      '“We want people off the old browser,” said Amy Barzdukas, a Microsoft manager.';
    const found = speakers(text).map(([content]) => content);
    expect(found.some((c) => c?.includes('Countdown') && !c.includes('website'))).toBe(false);
    expect(found).toContain('We want people off the old browser,');
  });

  it('keeps a floating quote with the speaker, not a cue inside the speaker description', () => {
    const text =
      '“What the speaker did calls for a moment like that,” said Tom Rath, a veteran ' +
      'New Hampshire leader who had endorsed John Kasich. “Some pages of his record are still empty.”';
    expect(speakers(text).at(-1)).toEqual([
      'Some pages of his record are still empty.',
      'Tom Rath',
    ]);
  });
});
