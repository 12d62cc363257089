import { describe, expect, test } from 'vitest';
import type { EntityType } from '../../core/types.js';
import {
  buildAliasTable,
  canonicalKey,
  findCountry,
  type RawMention,
  resolveEntities,
} from './index.js';

/** Mentions of phrases in text, each at its nth occurrence (default the first). */
function at(
  text: string,
  specs: Array<[phrase: string, type: EntityType, nth?: number]>,
): RawMention[] {
  return specs.map(([phrase, type, nth = 0]) => {
    let start = -1;
    for (let i = 0; i <= nth; i++) start = text.indexOf(phrase, start + 1);
    if (start < 0) throw new Error(`"${phrase}" #${nth} not in text`);
    return { start, end: start + phrase.length, text: phrase, type };
  });
}

const resolve = (text: string, specs: Array<[string, EntityType, number?]>) =>
  resolveEntities(text, at(text, specs));

describe('titles and roles', () => {
  test.each([
    ['Gen. Mark Milley said.', 'Mark Milley', 'General', 'Gen.'],
    ['Sen. Elizabeth Warren said.', 'Elizabeth Warren', 'Senator', 'Sen.'],
    [
      'British Prime Minister Rishi Sunak said.',
      'Rishi Sunak',
      'Prime Minister',
      'British Prime Minister',
    ],
    [
      'Russian Foreign Minister Sergei Lavrov said.',
      'Sergei Lavrov',
      'Foreign Minister',
      'Russian Foreign Minister',
    ],
    [
      'Kremlin spokeswoman Maria Zakharova said.',
      'Maria Zakharova',
      'spokesperson',
      'Kremlin spokeswoman',
    ],
    ['Lt. Gen. Jane Doe said.', 'Jane Doe', 'Lieutenant General', 'Lt. Gen.'],
    [
      'former U.S. President Donald Trump said.',
      'Donald Trump',
      'former President',
      'former U.S. President',
    ],
  ])('%s', (text, entity, role, phrase) => {
    const name = entity;
    const [m] = resolve(text, [[name, 'PER']]);
    expect(m).toMatchObject({ entity, role, roleSpan: { text: phrase } });
  });

  test('a title inside the span is stripped from the name, not from the span', () => {
    const text = 'President Biden met Gen. Mark Milley.';
    const out = resolve(text, [
      ['President Biden', 'PER'],
      ['Gen. Mark Milley', 'PER'],
    ]);
    expect(out.map((m) => [m.text, m.start, m.entity, m.role])).toEqual([
      ['President Biden', 0, 'Biden', 'President'],
      ['Gen. Mark Milley', 20, 'Mark Milley', 'General'],
    ]);
  });

  test('the qualifier: a tagged mention, or words naming a country or organisation', () => {
    const text =
      'U.S. Defense Secretary Lloyd Austin and White House spokesperson John Kirby spoke.';
    const tagged = resolve(text, [
      ['U.S.', 'LOC'],
      ['Lloyd Austin', 'PER'],
      ['White House', 'ORG'],
      ['John Kirby', 'PER'],
    ]);
    const untagged = resolve(text, [
      ['Lloyd Austin', 'PER'],
      ['John Kirby', 'PER'],
    ]);
    for (const out of [tagged, untagged]) {
      const people = out.filter((m) => m.type === 'PER');
      expect(people.map((m) => [m.entity, m.role, m.affiliation])).toEqual([
        ['Lloyd Austin', 'Defense Secretary', 'United States'],
        ['John Kirby', 'spokesperson', 'White House'],
      ]);
    }
  });

  test('a role in an appositive after the name', () => {
    const text =
      'John Kirby, the White House spokesperson, said. Lloyd Austin, U.S. defense secretary, agreed.';
    const out = resolve(text, [
      ['John Kirby', 'PER'],
      ['White House', 'ORG'],
      ['Lloyd Austin', 'PER'],
    ]);
    expect(
      out
        .filter((m) => m.type === 'PER')
        .map((m) => [m.entity, m.role, m.affiliation, m.roleSpan?.text]),
    ).toEqual([
      ['John Kirby', 'spokesperson', 'White House', 'White House spokesperson'],
      ['Lloyd Austin', 'Defense Secretary', 'United States', 'U.S. defense secretary'],
    ]);
  });

  test('honorifics are stripped without a role; regnal titles stay on a one-word name', () => {
    const text = 'Mr. Putin met King Charles and Pope Francis.';
    const out = resolve(text, [
      ['Mr. Putin', 'PER'],
      ['Charles', 'PER'],
      ['Pope Francis', 'PER'],
    ]);
    expect(out.map((m) => [m.entity, m.role])).toEqual([
      ['Putin', null],
      ['King Charles', 'King'],
      ['Pope Francis', 'Pope'],
    ]);
  });

  test('a capitalized short form matches only in capitals: "da Silva" has no DA', () => {
    const text = 'Luiz Inácio Lula da Silva spoke. DA Alvin Bragg spoke.';
    const out = resolve(text, [
      ['Silva', 'PER'],
      ['Alvin Bragg', 'PER'],
    ]);
    expect(out.map((m) => m.role)).toEqual([null, 'District Attorney']);
  });
});

describe('coreference within an article', () => {
  test('a last or first name joins the full name, before or after it', () => {
    const text = 'Putin spoke. Vladimir Putin and Yoon Suk Yeol met. Putin and Yoon agreed.';
    const out = resolve(text, [
      ['Putin', 'PER'],
      ['Vladimir Putin', 'PER'],
      ['Yoon Suk Yeol', 'PER'],
      ['Putin', 'PER', 2],
      ['Yoon', 'PER', 1],
    ]);
    expect(out.map((m) => m.entity)).toEqual([
      'Vladimir Putin',
      'Vladimir Putin',
      'Yoon Suk Yeol',
      'Vladimir Putin',
      'Yoon Suk Yeol',
    ]);
  });

  test('a shared name goes to the nearest full name before it', () => {
    const text = 'Kim Jong Un spoke. Kim said. Kim Yo Jong replied. Kim added.';
    const out = resolve(text, [
      ['Kim Jong Un', 'PER'],
      ['Kim', 'PER', 1],
      ['Kim Yo Jong', 'PER'],
      ['Kim', 'PER', 3],
    ]);
    expect(out.map((m) => m.entity)).toEqual([
      'Kim Jong Un',
      'Kim Jong Un',
      'Kim Yo Jong',
      'Kim Yo Jong',
    ]);
  });

  test('last names do not cross types', () => {
    const text = 'Gerald Ford drove a Ford. Ford said the Ford plant would stay.';
    const out = resolve(text, [
      ['Gerald Ford', 'PER'],
      ['Ford', 'ORG', 1],
      ['Ford', 'PER', 2],
      ['Ford', 'ORG', 3],
    ]);
    expect(out.map((m) => [m.type, m.entity])).toEqual([
      ['PER', 'Gerald Ford'],
      ['ORG', 'Ford'],
      ['PER', 'Gerald Ford'],
      ['ORG', 'Ford'],
    ]);
  });

  test('an acronym joins its expansion, declared in brackets or by its initials', () => {
    const text =
      'The Korea Institute for Defense Analyses (KIDA) said. KIDA warned. The International Energy Forum met; IEF data.';
    const out = resolve(text, [
      ['Korea Institute for Defense Analyses', 'ORG'],
      ['KIDA', 'ORG'],
      ['KIDA', 'ORG', 1],
      ['International Energy Forum', 'ORG'],
      ['IEF', 'ORG'],
    ]);
    expect(out.map((m) => m.entity)).toEqual([
      'Korea Institute for Defense Analyses',
      'Korea Institute for Defense Analyses',
      'Korea Institute for Defense Analyses',
      'International Energy Forum',
      'International Energy Forum',
    ]);
  });

  test('a known acronym takes the name the alias table gives it', () => {
    const text = 'The North Atlantic Treaty Organization (NATO) met. NATO said.';
    const out = resolve(text, [
      ['North Atlantic Treaty Organization', 'ORG'],
      ['NATO', 'ORG'],
      ['NATO', 'ORG', 1],
    ]);
    expect(out.map((m) => m.entity)).toEqual(['NATO', 'NATO', 'NATO']);
  });

  test('the White House, tagged ORG or LOC, with or without "the", is one organisation', () => {
    const text = 'the White House said; at the White House, officials.';
    const out = resolve(text, [
      ['the White House', 'ORG'],
      ['White House', 'LOC', 1],
    ]);
    expect(out.map((m) => [m.type, m.entity])).toEqual([
      ['ORG', 'White House'],
      ['ORG', 'White House'],
    ]);
  });

  test('an organisation first word joins its full name', () => {
    const text = 'Goldman Sachs said. Goldman added. National Grid said. National agreed.';
    const out = resolve(text, [
      ['Goldman Sachs', 'ORG'],
      ['Goldman', 'ORG', 1],
      ['National Grid', 'ORG'],
      ['National', 'ORG', 1],
    ]);
    expect(out.map((m) => m.entity)).toEqual([
      'Goldman Sachs',
      'Goldman Sachs',
      'National Grid',
      'National',
    ]);
  });
});

describe('countries, nationality words and aliases', () => {
  test('aliases and nationality words', () => {
    const text =
      "DPRK, N. Korea, the U.S., USA, America, Britain, UK, Russian Federation, ROK, Americans, Britons, Ukraine's army";
    const out = resolve(text, [
      ['DPRK', 'ORG'],
      ['N. Korea', 'LOC'],
      ['U.S.', 'LOC'],
      ['USA', 'LOC'],
      ['America', 'LOC'],
      ['Britain', 'LOC'],
      ['UK', 'ORG'],
      ['Russian Federation', 'LOC'],
      ['ROK', 'ORG'],
      ['Americans', 'MISC'],
      ['Britons', 'MISC'],
      ["Ukraine's", 'LOC'],
    ]);
    expect(out.map((m) => `${m.entity}/${m.type}`)).toEqual([
      'North Korea/LOC',
      'North Korea/LOC',
      'United States/LOC',
      'United States/LOC',
      'United States/LOC',
      'United Kingdom/LOC',
      'United Kingdom/LOC',
      'Russia/LOC',
      'South Korea/LOC',
      'United States/NORP',
      'United Kingdom/NORP',
      'Ukraine/LOC',
    ]);
  });

  test('"U.S." as an adjective tagged MISC is a nationality word', () => {
    const out = resolve('U.S. officials said.', [['U.S.', 'MISC']]);
    expect(out[0]).toMatchObject({ type: 'NORP', entity: 'United States' });
  });

  test('country names follow news style', () => {
    expect(findCountry("Democratic People's Republic of Korea")?.country.name).toBe('North Korea');
    expect(findCountry('Republic of Korea')?.country.name).toBe('South Korea');
    expect(findCountry('United States of America')?.country.name).toBe('United States');
    expect(findCountry('Türkiye')?.country.name).toBe('Turkey');
    expect(findCountry('Congolese')?.country.name).toBe('Democratic Republic of the Congo');
    expect(findCountry('the States')?.country.name).toBe('United States');
    expect(findCountry('CAN')).toBeNull();
    expect(findCountry('PRK')?.country.name).toBe('North Korea');
  });

  test('a person named like a country word is left alone', () => {
    const text =
      'Jordan Peterson met Chad Smith and Kenya Moore in Jordan. Georgia said. Jordan replied.';
    const out = resolve(text, [
      ['Jordan Peterson', 'PER'],
      ['Chad Smith', 'PER'],
      ['Kenya Moore', 'PER'],
      ['Jordan', 'LOC', 1],
      ['Georgia', 'PER'],
      ['Jordan', 'PER', 2],
    ]);
    expect(out.map((m) => `${m.entity}/${m.type}`)).toEqual([
      'Jordan Peterson/PER',
      'Chad Smith/PER',
      'Kenya Moore/PER',
      'Jordan/LOC',
      'Georgia/PER',
      'Jordan Peterson/PER',
    ]);
    expect(out.filter((m) => m.type === 'PER').every((m) => m.role === null)).toBe(true);
  });

  test('user aliases win over built-in ones and reach short names', () => {
    const aliases = buildAliasTable([
      { alias: 'Vladimir Putin', name: 'Vladimir V. Putin', type: 'PER' },
      { alias: 'DPRK', name: 'Korea, North', type: 'LOC' },
    ]);
    const text = 'Vladimir Putin and the DPRK. Putin said.';
    const out = resolveEntities(
      text,
      at(text, [
        ['Vladimir Putin', 'PER'],
        ['DPRK', 'ORG'],
        ['Putin', 'PER', 1],
      ]),
      { aliases },
    );
    expect(out.map((m) => m.entity)).toEqual([
      'Vladimir V. Putin',
      'Korea, North',
      'Vladimir V. Putin',
    ]);
  });
});

test('canonicalKey folds case, accents, punctuation and possessives', () => {
  expect(canonicalKey('U.S.')).toBe(canonicalKey('US'));
  expect(canonicalKey('u.s')).toBe('us');
  expect(canonicalKey('Türkiye')).toBe(canonicalKey('Turkiye'));
  expect(canonicalKey("South Korea's")).toBe(canonicalKey('south korea'));
  expect(canonicalKey('Yoon Suk-yeol')).toBe(canonicalKey('Yoon Suk Yeol'));
});

test('a country ending the previous sentence does not qualify a title', () => {
  const text = 'Troops moved into Russia. President Joe Biden said.';
  const [m] = resolve(text, [['Joe Biden', 'PER']]);
  expect(m).toMatchObject({
    role: 'President',
    affiliation: null,
    roleSpan: { text: 'President' },
  });
});

test('a user alias may keep a title in a name', () => {
  const text = 'Dr. Dre and Mr. Putin.';
  const aliases = buildAliasTable([{ alias: 'Dr. Dre', name: 'Dr. Dre', type: 'PER' }]);
  const out = resolveEntities(
    text,
    at(text, [
      ['Dr. Dre', 'PER'],
      ['Mr. Putin', 'PER'],
    ]),
    { aliases },
  );
  expect(out.map((m) => m.entity)).toEqual(['Dr. Dre', 'Putin']);
});

test('surnames with particles: "Assad" is Bashar al-Assad, "von der Leyen" Ursula von der Leyen', () => {
  const text = 'Bashar al-Assad and Ursula von der Leyen met. Assad and von der Leyen spoke.';
  const out = resolve(text, [
    ['Bashar al-Assad', 'PER'],
    ['Ursula von der Leyen', 'PER'],
    ['Assad', 'PER', 1],
    ['von der Leyen', 'PER', 1],
  ]);
  expect(out.map((m) => m.entity)).toEqual([
    'Bashar al-Assad',
    'Ursula von der Leyen',
    'Bashar al-Assad',
    'Ursula von der Leyen',
  ]);
});

test('"Mr. King" tagged ORG is a person', () => {
  const text = 'Larry King spoke. Mr. King, who hosted the show, agreed.';
  const out = resolve(text, [
    ['Larry King', 'PER'],
    ['Mr. King', 'ORG'],
  ]);
  expect(out.map((m) => [m.type, m.entity])).toEqual([
    ['PER', 'Larry King'],
    ['PER', 'Larry King'],
  ]);
});

describe('names with stray quote marks', () => {
  test('drops an opening quote typed as an apostrophe', () => {
    const text = 'Donald Trump‘s rally drew a crowd. Trump‘ said so.';
    const [first, second] = resolveEntities(text, [
      { start: 0, end: 14, text: 'Donald Trump‘s', type: 'PER' },
      { start: 35, end: 41, text: 'Trump‘', type: 'PER' },
    ]);
    expect(first!.entity).toBe('Donald Trump');
    expect(second!.entity).toBe('Donald Trump');
  });
});
