// Words for one counted thing, so that claims made in different words compare: "3,000
// troops" and "12,000 personnel" count the same kind of thing. Shared by the claim
// extractor's subject keys and the comparison of claims across sources.
export const UNIT_SYNONYMS: Readonly<Record<string, string>> = {
  soldier: 'troop',
  personnel: 'troop',
  force: 'troop',
  serviceman: 'troop',
  servicemember: 'troop',
  person: 'people',
  individual: 'people',
  dead: 'death',
  fatality: 'death',
  ballot: 'vote',
};
