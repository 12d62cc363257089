// Numbers that are not figures: labels and identifiers ("Article 4", "Flight 17", "Windows
// 10"), years and dates ("2022", "Nov. 8"), times of day, ages, addresses, list markers,
// "one" as a pronoun and small definite counts ("the two nations"). Glued ids ("F-35",
// "COVID-19", "3rd", "9/11") never reach here: the scan skips them.
// Ages ("Smith, 45,", "aged 45", "a 45-year-old") are dropped: they describe a person.
import type { Quantity } from './quantity.js';

/** Words that make the number after them a name or a reference, not an amount. */
const LABEL_WORDS = `
  article section sec. title chapter flight no. nos. number route highway interstate amendment
  rule paragraph clause resolution room level phase stage category class grade page pages p. pp.
  verse psalm act proposition prop. item episode season volume vol. issue model version unit
  exit table figure fig. appendix annex part district precinct ward zone platform gate terminal
  channel pier suite apartment apt. ext. row seat track tier division battalion brigade regiment
  squad fleet game week day windows iphone galaxy apollo ranked rank`;
const LABELS = new Set(LABEL_WORDS.trim().split(/\s+/));
/** Capitalized words before a number that do not make it a label. */
const NOT_LABELS = new Set(
  `The A An In On At Of By For From To With And But Or About Around Some Only Just Nearly Almost
  Over Under Up Another All Those These Its Their His Her Our That This Than When While After
  Before Since Until More Less Fewer Roughly Approximately Exactly`.split(/\s+/),
);
const WORD_CHAR = /[\p{L}.'’&-]/u;
const SENTENCE_START = /(?:^|[.!?:;\n]["”’)]*|["“(])\s*$/u;
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)`;
const MONTH_BEFORE = new RegExp(String.raw`\b${MONTH}\s+$`);
const MONTH_AFTER = new RegExp(String.raw`^\s+(?:of\s+)?${MONTH}(?![a-z])`);
const TIME_OF_DAY =
  /^\s*(?:[ap]\.?m\.?(?![a-z])|o['’]clock|GMT|UTC|[ECMP][SD]T\b|ET\b|PT\b|BST|CET|local\s+time|hrs?\b|hours\s+(?:GMT|local))/i;
const AGE_BEFORE = /\b(?:aged?|ages|ages?\s+of)\s+$/i;
/** A duration after these is a time window ("the past three years"), not a figure. */
const WINDOW_BEFORE = /\b(?:past|last|next|previous|coming|recent|first|final|few)\s+$/i;
/** A duration before these places an event in time ("two months later"), it is no figure. */
const WINDOW_AFTER = /^\s+(?:later|earlier|ago|before|after|from\s+now|into|since|prior)\b/i;
/** A small number opening a sentence before a capital is a list marker ("9 Slow down"). */
const LIST_MARKER_AFTER = /^\s+["“]?\p{Lu}/u;
const MAX_LIST_MARKER = 100;
const AGE_AFTER = /^(?:\s*-?\s*years?[\s-]+old\b|-year-old)/i;
const APPOSITIVE_BEFORE = /\p{Lu}[\p{L}.'’-]*,\s*$/u;
const ADDRESS_AFTER =
  /^\s+(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.?|Lane|Drive|Place|Way|Square)/u;
const DEFINITE_BEFORE =
  /['’]s\s+$|\b(?:the|these|those|both|its|their|his|her|our|my|your|all|other|first|last|next|top|final|every)\s+$/i;
/** A count this small after "the" points back at things already named ("the two nations"). */
const MAX_DEFINITE_COUNT = 10;
/** How much text either side the rules look at: a few words. */
const WINDOW = 40;
/** Longer than any label word; bounds the walk back over junk. */
const MAX_WORD = 24;
/** Oldest age a person is given. */
const MAX_AGE = 120;
/** Years news text mentions; four-digit numbers outside this span are amounts. */
const MIN_YEAR = 1500;
const MAX_YEAR = 2100;

/** Whether the quantity is a label, a date, a time or an age rather than a figure. */
export function isNotClaim(text: string, q: Quantity): boolean {
  const n = q.first;
  const before = text.slice(Math.max(0, q.start - WINDOW), q.start);
  const after = text.slice(q.end, q.end + WINDOW);
  const bare = !q.marked;
  const integer = Number.isInteger(n.value) && !n.multiplied;
  const surface = text.slice(n.start, n.end);

  // "one of", "no one", "one day": a pronoun or an idiom, not a count.
  const one = n.kind === 'words' && n.value === 1 && !n.multiplied;
  if (one && (bare || q.unitKind === 'duration')) return true;
  if (bare && isLabel(text, q.start)) return true;
  // A number word capitalized mid-sentence names something: "the Big Ten", "Final Four".
  if (n.kind === 'words' && /^\p{Lu}/u.test(surface) && !SENTENCE_START.test(before)) return true;
  if (integer && n.kind === 'digits' && isYear(surface, q)) return true;
  if (integer && n.value <= 31 && (MONTH_BEFORE.test(before) || MONTH_AFTER.test(after)))
    return true;
  if (n.kind === 'digits' && !q.unit && TIME_OF_DAY.test(after)) return true;
  if (integer && n.value <= MAX_AGE) {
    if (AGE_AFTER.test(text.slice(n.end, n.end + WINDOW))) return true;
    if (!q.unit && AGE_BEFORE.test(before)) return true;
    if (!q.unit && APPOSITIVE_BEFORE.test(before) && /^\s*[,)]/.test(after)) return true;
  }
  if (n.kind === 'digits' && ADDRESS_AFTER.test(after)) return true;
  if (q.unitKind === 'duration' && (WINDOW_BEFORE.test(before) || WINDOW_AFTER.test(after)))
    return true;
  if (bare && integer && n.kind === 'digits' && n.value < MAX_LIST_MARKER) {
    if (SENTENCE_START.test(before) && LIST_MARKER_AFTER.test(after)) return true;
  }
  if (/\(\s*$/.test(before) && /^\s*\)/.test(after) && integer && n.value < 100) return true;
  if (integer && n.value <= MAX_DEFINITE_COUNT && bare && DEFINITE_BEFORE.test(before)) return true;
  return false;
}

/** The word right before `pos`, past spaces or tabs only: "Article" in "Article 4". */
function wordBefore(text: string, pos: number): { word: string; start: number } | null {
  let end = pos;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  let start = end;
  while (start > 0 && end - start < MAX_WORD && WORD_CHAR.test(text[start - 1] ?? '')) start--;
  return end < pos && start < end ? { word: text.slice(start, end), start } : null;
}

/**
 * A label word ("Article 4", "page 5", "No. 5"), or a capitalized name mid-sentence that names
 * the thing numbered ("Windows 10", "Boeing 737", "Fortune 500").
 */
function isLabel(text: string, pos: number): boolean {
  const before = wordBefore(text, pos);
  if (!before) return false;
  const { word, start } = before;
  if (LABELS.has(word.toLowerCase())) return true;
  if (!/^\p{Lu}/u.test(word) || NOT_LABELS.has(word) || /['’]s$/.test(word)) return false;
  return !SENTENCE_START.test(text.slice(Math.max(0, start - WINDOW), start));
}

/**
 * A four-digit number without a comma is a year ("the 2012 campaigns", "2016 teaches") unless
 * a hedge, currency or unit marks it as an amount ("about 2000 people", "$1500").
 */
function isYear(surface: string, q: Quantity): boolean {
  if (!/^\d{4}$/.test(surface) || (q.hedge && q.hedge !== 'range')) return false;
  if (q.unit && q.unitKind !== 'duration') return false; // "the 1986 year" is a year
  const year = Number(surface);
  return year >= MIN_YEAR && year <= MAX_YEAR;
}
