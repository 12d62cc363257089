// Noun-phrase edges without a part-of-speech tagger: who is speaking is usually a short
// phrase right before the cue ("White House spokesperson John Kirby also mentioned") or
// right after it in an inversion ("…," said the senator). Word lists stand in for tags.

/** A token of a sentence, with its quotation (index) when it lies inside one. */
export interface Tok {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Index of the quotation whose inner text holds this token, or -1. */
  quote: number;
  /** Index of the quotation this token is an opening or closing mark of, or -1. */
  mark: number;
}

const list = (words: string) => new Set(words.split(/\s+/).filter(Boolean));

/** Pronouns that can speak (outside quotes). "who" is handled apart, through its antecedent. */
export const SUBJECT_PRONOUNS = list('he she they we i it you');

/** Words between a subject and its verb: "has also said", "would later write". */
const AUXILIARIES = list(
  'has have had is was were are be been being am also would will could can may might must ' +
    "shall should did does do not never n't n’t once then later still already just even again " +
    'only first now often previously recently repeatedly publicly initially reportedly ' +
    'separately further flatly long too always all both each himself herself themselves ' +
    'itself subsequently ultimately apparently quickly privately openly',
);

/** Determiners and possessives open a noun phrase: include them and stop. */
const DETERMINERS = list(
  'the a an this these those his her their its our your my another some many several ' +
    'most both all any each every no one two three four five six seven eight nine ten few',
);

const DEMONSTRATIVES = list('this these those');

/** Words a noun phrase never contains; reaching one ends the phrase. */
const STOPPERS = list(
  'that which who whom whose when where while because since as if but and or nor so than ' +
    'to in on at by with from into about after before during over under against between ' +
    'through without within upon among amid despite like unlike via per said says told ' +
    'is was were are be been has have had do does did not would will could can may might ' +
    'must should shall what how why there here then also it he she they we i you him them ' +
    'us me however meanwhile yet still just even instead rather',
);

/** Stoppers that are also names: "Will Doyle", "Theresa May", "Dan Rather". */
const NAME_STOPPERS = list('will may rather long still');

/** Does token k end a phrase? A stopper does, unless it is a name beside another name. */
const stops = (toks: readonly Tok[], k: number): boolean => {
  const t = toks[k]!;
  if (!STOPPERS.has(t.lower)) return false;
  if (k === 0 || !NAME_STOPPERS.has(t.lower) || !isCapitalized(t)) return true;
  const beside = (n: Tok | undefined) =>
    n !== undefined && isCapitalized(n) && !STOPPERS.has(n.lower) && n.quote < 0;
  return !beside(toks[k - 1]) && !beside(toks[k + 1]);
};

/** "voters in Iowa", "majorities in all five": "in" inside a phrase headed by a group. */
const insideIn = (toks: readonly Tok[], k: number): boolean => {
  const before = toks[k - 2];
  return before !== undefined && /^\p{Ll}+s$/u.test(before.text) && !STOPPERS.has(before.lower);
};

/** Function words that cannot head a noun phrase. */
const NOT_HEAD = list('of for the a an and or to in on at by with from');
/** Function words that cannot start one (determiners can). */
const NOT_START = list('of for and or to in on at by with from');

export const isPunct = (t: Tok): boolean => !/[\p{L}\p{N}]/u.test(t.text);
/** Commas and dashes: the marks that set off clauses and appositives. */
export const isComma = (t: Tok | undefined): boolean =>
  t !== undefined &&
  (t.text === ',' || t.text === '—' || t.text === '–' || t.text === '-' || t.text === '--');
export const isCapitalized = (t: Tok): boolean => /^\p{Lu}/u.test(t.text);
const isPossessive = (t: Tok): boolean => t.lower === "'s" || t.lower === '’s' || t.lower === "'";

/** Auxiliaries and adverbs that sit between a subject and its verb. */
export const isAuxiliary = (t: Tok): boolean =>
  AUXILIARIES.has(t.lower) || (/^\p{Ll}+ly$/u.test(t.text) && t.lower !== 'family');

/** Skips auxiliaries and -ly adverbs backwards from `j`; returns the first other index. */
export function skipAuxiliariesBack(toks: readonly Tok[], j: number): number {
  while (j >= 0 && isAuxiliary(toks[j]!)) j--;
  return j;
}

/**
 * The noun phrase that ends at token `j` (inclusive), scanning backwards; returns its first
 * token index, or -1 when token `j` cannot end a noun phrase.
 */
export function nounPhraseBack(toks: readonly Tok[], j: number, maxLen = 10): number {
  const head = toks[j];
  if (!head || head.quote >= 0 || head.mark >= 0 || isPunct(head)) return -1;
  if (NOT_HEAD.has(head.lower) || DETERMINERS.has(head.lower) || stops(toks, j)) return -1;
  let k = j;
  if (/^\d/.test(head.text)) {
    // "Six in 10 say …": a share of people, not a bare number.
    if (toks[j - 1]?.lower !== 'in' || !toks[j - 2] || isPunct(toks[j - 2]!)) return -1;
    k = j - 2;
  }
  let inList = false;
  while (k - 1 >= 0 && j - k + 1 < maxLen) {
    const t = toks[k - 1]!;
    if (t.quote >= 0 || t.mark >= 0) break;
    if (DETERMINERS.has(t.lower)) {
      k--;
      // "30 percent of all voters", "some of the donors": the quantity heads the phrase.
      if (toks[k - 1]?.lower === 'of') continue;
      break;
    }
    // Coordinated names: "Mark Blumenthal and Jon Cohen", "Obama, Clinton, and others".
    if (t.lower === 'and' || (inList && t.text === ',')) {
      const before = toks[k - 2]?.text === ',' && t.lower === 'and' ? toks[k - 3] : toks[k - 2];
      if (
        before &&
        before.quote < 0 &&
        (isCapitalized(before) || SUBJECT_PRONOUNS.has(before.lower))
      ) {
        inList = true;
        k = toks.indexOf(before, Math.max(0, k - 3));
        if (SUBJECT_PRONOUNS.has(before.lower)) break;
        continue;
      }
      break;
    }
    if (
      isPossessive(t) ||
      t.text === '&' ||
      t.text === '-' ||
      t.lower === 'of' ||
      t.lower === 'for' ||
      (t.lower === 'in' && insideIn(toks, k))
    ) {
      k--;
      continue;
    }
    if (t.text === ')') {
      // A parenthesis inside the phrase: "Gov. Mary Fallin (R-OK) said".
      let open = k - 2;
      while (open >= 0 && open > k - 8 && toks[open]!.text !== '(') open--;
      if (open < 0 || toks[open]!.text !== '(' || open === 0) break;
      k = open;
      continue;
    }
    if (isPunct(t) || stops(toks, k - 1)) break;
    k--;
  }
  // A phrase cannot start on "of", "for" or a possessive mark.
  while (k < j && (NOT_START.has(toks[k]!.lower) || isPossessive(toks[k]!))) k++;
  // "This statement signals …", "this development shows …": an event, not a speaker.
  if (DEMONSTRATIVES.has(toks[k]!.lower)) return -1;
  return k;
}

/**
 * The noun phrase that starts at token `i`, scanning forwards, for inversions ("said
 * Sen. Jane Doe, a Democrat"); returns its last token index, or -1. `loose` also lets it
 * start on a common noun ("according to officials").
 */
export function nounPhraseForward(
  toks: readonly Tok[],
  i: number,
  maxLen = 8,
  loose = false,
): number {
  const first = toks[i];
  if (!first || first.quote >= 0 || first.mark >= 0 || isPunct(first)) return -1;
  if (SUBJECT_PRONOUNS.has(first.lower)) return i;
  if (!loose && !isCapitalized(first) && !DETERMINERS.has(first.lower) && !titledName(toks, i)) {
    return -1;
  }
  if (stops(toks, i)) return -1;
  let k = i;
  while (k + 1 < toks.length && k - i + 1 < maxLen) {
    const t = toks[k + 1]!;
    if (t.quote >= 0 || t.mark >= 0 || stops(toks, k + 1)) break;
    if (isPunct(t) && !isPossessive(t) && t.text !== '&' && t.text !== '-') break;
    k++;
  }
  while (k > i && (NOT_HEAD.has(toks[k]!.lower) || isPossessive(toks[k]!))) k--;
  return k;
}

/** "former Sen. Evan Bayh", "pollster Frank Luntz": lower-case words before a name. */
function titledName(toks: readonly Tok[], i: number): boolean {
  for (let k = i; k < Math.min(toks.length, i + 4); k++) {
    const t = toks[k]!;
    if (isCapitalized(t)) return k > i;
    if (isPunct(t) || STOPPERS.has(t.lower) || t.quote >= 0 || t.mark >= 0) return false;
  }
  return false;
}

/** The quotation mark that closes a quote with a comma ("…,”") within reach before j, or -1. */
function closingMarkBefore(toks: readonly Tok[], j: number): number {
  for (let c = j; c >= Math.max(0, j - 30); c--) {
    const t = toks[c]!;
    if (t.quote >= 0) return -1;
    if (t.mark >= 0) return isComma(toks[c - 1]) ? c : -1;
  }
  return -1;
}

const ROLE_ACRONYMS = new Set(['CEO', 'CFO', 'COO', 'CTO', 'CIO', 'MP', 'MEP']);

/**
 * "Scott Carson, president and CEO of Boeing said": a role phrase starting at k, set off
 * by a comma after a name, belongs to that name; returns where the whole source starts.
 */
function namedBeforeRole(toks: readonly Tok[], k: number): number {
  let r = k;
  // "president and CEO": a coordinated role.
  if (toks[r - 1]?.lower === 'and' && /^\p{Ll}/u.test(toks[r - 2]?.text ?? '')) r -= 2;
  const role = toks[r]!;
  // A role reads "president", "the head of …" or a title's acronym ("CEO"), never a name
  // ("Russia, NATO said" is two bodies).
  const roleLike = !isCapitalized(role) || ROLE_ACRONYMS.has(role.text);
  if (!isComma(toks[r - 1]) || !roleLike) return k;
  const name = nounPhraseBack(toks, r - 2, 4);
  if (name < 0 || !toks.slice(name, r - 1).every((t) => isCapitalized(t) || t.text === '.'))
    return k;
  return name;
}

/** The source phrase before cue token i, as token indices, or null. */
export function sourceBefore(toks: readonly Tok[], i: number): [number, number] | null {
  const j = skipAuxiliariesBack(toks, i - 1);
  const t = toks[j];
  if (!t || t.quote >= 0) return null;
  if (SUBJECT_PRONOUNS.has(t.lower)) return [j, j];
  // "Sanders, who said …": the relative pronoun is the source; the speaker resolver finds
  // whom it stands for.
  if (t.lower === 'who' || t.lower === 'which') {
    const end = isComma(toks[j - 1]) ? j - 2 : j - 1;
    return nounPhraseBack(toks, end) >= 0 ? [j, j] : null;
  }
  const k = nounPhraseBack(toks, j);
  if (k >= 0) return [namedBeforeRole(toks, k), j];
  if (t.text === ')') {
    // "Sen. Bernie Sanders (I-Vt.) said": the name before the parenthesis heads the phrase.
    let open = j - 1;
    while (open > 0 && open > j - 8 && toks[open]!.text !== '(') open--;
    const m = toks[open]?.text === '(' ? nounPhraseBack(toks, open - 1) : -1;
    if (m >= 0) return [m, j];
  }
  if (isComma(t)) {
    // Right after a quotation the whole stretch is the source, however many appositives
    // it strings together: "“…,” Harry Bond, 30, of Raleigh, N.C., who was polled, said".
    const mark = closingMarkBefore(toks, j - 1);
    if (mark >= 0 && mark + 1 < j - 1 && isCapitalized(toks[mark + 1]!)) return [mark + 1, j - 1];
    // An appositive: "Kirby, a spokesman for the council, said".
    for (let c = j - 1; c >= Math.max(0, j - 25); c--) {
      const ct = toks[c]!;
      if (ct.quote >= 0 || ct.mark >= 0) return null;
      if (!isComma(ct)) continue;
      const opener = toks[c + 1]!;
      // "Kirby, a spokesman, said", "Sarandon, 69, told", "Cruz, who …, said", and after a
      // name anything: "Grant Young, another Iowa strategist, said".
      const afterName = isCapitalized(toks[c - 1] ?? opener) && c > 0;
      if (!afterName && !/^(?:who|a|an|the|\d+)$/.test(opener.lower) && !isCapitalized(opener))
        return null;
      const m = nounPhraseBack(toks, c - 1);
      return m >= 0 ? [m, j - 1] : null;
    }
  }
  return null;
}
