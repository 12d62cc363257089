// Closed word classes for chunking noun phrases without a part-of-speech tagger. A word in
// none of these sets that starts with a letter is taken for a noun or an adjective.

/** A set of the words in a whitespace-separated list. */
export const words = (list: string): ReadonlySet<string> =>
  new Set(list.split(/\s+/).filter(Boolean));

/** Function words that end a noun phrase. */
export const FUNCTION_WORDS = words(`
  a an the this that these those some any all both each every either neither no not nor
  and or but if then than so as yet because while whereas although though whether
  of in on at by for from to into onto with without within over under about above below
  between among across against along around through during after before since until upon
  via per near inside outside toward towards beyond behind despite like unlike including
  i you he she it we they me him her us them my your his its our their mine yours who whom
  whose which what where when why how there here also just only even still already more
  most less least much many few other another such own same very too past next last previous
  later earlier ago long wide high tall deep old better worse higher lower larger smaller
  bigger greater longer shorter faster slower cheaper one two three four five six seven eight nine ten eleven twelve twenty
  thirty forty fifty hundred thousand million billion dozen vs versus nil
`);

/** Auxiliaries and modals: they follow the counted noun and are dropped from the subject. */
export const AUXILIARIES = words(`
  is are was were be been being am has have had having do does did will would shall should
  can could may might must
`);

/** Adverbs that sit between an auxiliary and its participle ("are currently being trained"). */
export const ADVERBS = words(`
  currently now still already reportedly allegedly also initially apparently possibly
  probably likely just recently previously originally officially presently then thought
  believed said estimated expected understood known
`);

/** Common finite verbs that follow a count ("3,000 people say", "troops remain"). */
export const VERBS = words(`
  say says said tell tells told think thinks believe believes show shows showed know knows
  remain remains live lives work works die dies face faces need needs want wants take takes
  took get gets got make makes made come comes came go goes went give gives gave see sees saw
  fled flee flees left leave leaves lost lose loses won win wins hold holds held run runs ran
  voted vote votes support supports oppose opposes back backs favor favors favour favours
  goes seems appear appears means includes covers reaches affects accounts represents belongs
  agree agrees
`);

/** Past participles that do not end in -ed. */
export const IRREGULAR_PARTICIPLES = words(`
  sent held taken made built hit left found brought caught kept lost put set shot thrown seen
  known given done driven born paid sold told spent won led fed bred hurt struck stuck sworn
  torn worn drawn grown shown flown frozen stolen chosen spoken written hidden beaten eaten
  fallen forgotten gotten bitten
`);

/** Nouns ending in -ing or -ed that are not verbs. */
export const NOUNS_LOOKING_LIKE_VERBS = words(`
  building buildings meeting meetings housing funding spending bombing bombings shooting
  shootings killing killings wedding weddings being beings morning evening hearing hearings
  ruling rulings offering offerings earnings savings holdings proceedings dead wounded injured
  hundred needed
`);

/** Nouns ending in -ly, which is otherwise an adverb's ending ("roughly", "currently"). */
export const NOUNS_ENDING_IN_LY = words(`
  family supply rally ally assembly anomaly monopoly reply belly bully lily italy july
`);

/** Plural nouns without a final -s. */
export const IRREGULAR_PLURALS = words(`
  people men women children police personnel staff cattle feet teeth mice geese livestock
  dead wounded injured militia clergy
`);

/** Month and weekday names: a noun phrase never runs into a date. */
export const CALENDAR = words(`
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
  saturday sunday today yesterday tomorrow tonight
`);

/** Whether a lowercase word is plural: it ends the counted noun ("3,000 troops are"). */
export function isPlural(lower: string): boolean {
  if (IRREGULAR_PLURALS.has(lower)) return true;
  return lower.length > 3 && /[^su'’]s$|ies$|ses$/.test(lower) && !/(?:ss|us|is|ics)$/.test(lower);
}

/** Whether a lowercase word looks like a verb form (a participle or a gerund). */
export function isVerbForm(lower: string): boolean {
  if (NOUNS_LOOKING_LIKE_VERBS.has(lower)) return false;
  return IRREGULAR_PARTICIPLES.has(lower) || /[^e]ed$|[^aeiou]ing$|ied$|eed$/.test(lower);
}

const SINGULAR: Readonly<Record<string, string>> = {
  men: 'man',
  women: 'woman',
  children: 'child',
  feet: 'foot',
  teeth: 'tooth',
  mice: 'mouse',
  geese: 'goose',
  lives: 'life',
  wives: 'wife',
  knives: 'knife',
  halves: 'half',
  people: 'people',
  series: 'series',
  species: 'species',
  news: 'news',
};

/** A plural noun's singular by simple suffix rules ("troops" → "troop", "cities" → "city"). */
export function singular(lower: string): string {
  const irregular = SINGULAR[lower];
  if (irregular) return irregular;
  if (lower.length <= 3 || !lower.endsWith('s') || /(?:ss|us|is|ics)$/.test(lower)) return lower;
  if (lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
  if (/(?:ch|sh|x|z|ss)es$/.test(lower)) return lower.slice(0, -2);
  return lower.slice(0, -1);
}
