// Cue-anchored attribution: every speech cue outside a quotation looks for its source (the
// phrase before it, or after it in an inversion, or the speaker it shares a sentence with)
// and its content (the reported clause after it, or the clause or quotation before it).
import type { QuoteKind } from '../../core/types.js';
import { type CueModel, cueProbability } from './cue-model.js';
import { CUE_WORDS, isSpeechWord, NOUN_LIKE } from './cues.js';
import {
  isCapitalized,
  isComma,
  isPunct,
  nounPhraseForward,
  SUBJECT_PRONOUNS,
  skipAuxiliariesBack,
  sourceBefore,
  type Tok,
} from './phrases.js';
import { firstQuotationFrom, type Quotation } from './quotations.js';

export interface Span {
  start: number;
  end: number;
}

/** One attribution found in the text, before its speaker is resolved to an entity. */
export interface RawAttribution {
  kind: QuoteKind;
  /** What the quote shows: the quoted words (direct, partial) or the reported clause. */
  content: Span;
  /** The whole reported content, as attribution corpora mark it. */
  clause: Span;
  source: Span | null;
  /** An earlier attribution whose source this one shares ("…, adding that"). */
  sharesSourceWith: RawAttribution | null;
  /** Null for a floating quote, which has no cue of its own. */
  cue: Span | null;
  strength: number;
}

/** Words that make a noun out of the following verb form: "the report", "his claims". */
const NOUN_MAKERS = new Set(
  "the a an this these those his her their its our your my no any every each such whose new first last 's ’s".split(
    ' ',
  ),
);
/** Forms of "be" that make an -ing cue progressive: "was saying". */
const BE = new Set(['is', 'was', 'are', 'were', 'been', 'be', "'s", '’s', "'re", '’re', 'am']);
/** A clause opening with these is scene-setting, not reported content: "In a statement, …". */
const INTRO = new Set(
  (
    'in on at during after before when while as since speaking asked adding writing ' +
    'however but furthermore meanwhile later earlier also still yet now then today ' +
    'yesterday separately instead for with by from under'
  ).split(' '),
);
const ADDRESSEE_CUES = new Set(['tell', 'ask', 'inform', 'assure', 'urge', 'remind']);
const SECOND_PREDICATE_AUX = new Set([
  'has',
  'have',
  'had',
  'was',
  'is',
  'did',
  'does',
  'then',
  'also',
  'later',
]);
/**
 * No reported clause runs longer than this many tokens: news sentences stay well under it,
 * and a run-on text with no sentence ends (a scraped page, an attack) stays linear.
 */
const MAX_CLAUSE_TOKENS = 150;
/** Partial quotes kept per clause; a clause quoting more fragments is a mixed quote. */
const MAX_PARTIALS = 4;
/** How far past its sentence a colon hands content over (characters). */
const COLON_REACH = 600;
const WH = new Set(['what', 'which', 'who', 'how', 'why', 'where', 'when', 'whether']);
const PARTICLES = new Set(['at', 'to', 'for', 'about', 'on', 'of', 'out']);
const CLOSE_MARK = /^["”»'’]$/;

interface Cue {
  first: number;
  last: number;
  strength: number;
  /** The source follows the cue: "according to the agency". */
  according: boolean;
  participle: boolean;
}

/** Is token i a cue by the lexicon and its context rules? Returns its extent and strength. */
function lexiconCue(toks: readonly Tok[], i: number): Cue | null {
  const t = toks[i]!;
  const next = toks[i + 1];
  if (t.lower === 'according' && next?.lower === 'to') {
    return { first: i, last: i + 1, strength: 0.9, according: true, participle: false };
  }
  const word = CUE_WORDS.get(t.lower);
  if (!word) return null;
  const prev = toks[i - 1];
  if (prev && NOUN_MAKERS.has(prev.lower)) return null;
  if (NOUN_LIKE.has(t.lower) && (!prev || (isPunct(prev) && !isComma(prev)))) return null;
  const participle = t.lower.endsWith('ing');
  if (participle) {
    if (!prev || !(afterClauseComma(toks, i) || BE.has(prev.lower) || prev.lower === 'by'))
      return null;
    if (next?.lower === 'to' && word.lemma !== 'refer') return null;
  }
  return { first: i, last: i, strength: word.strength, according: false, participle };
}

/** Does token i follow a comma, one inside a closing quote included ("…thing," noting)? */
function afterClauseComma(toks: readonly Tok[], i: number): boolean {
  const prev = toks[i - 1];
  if (isComma(prev)) return true;
  return prev !== undefined && prev.mark >= 0 && toks[i - 2]?.text === ',';
}

/** Is token i a cue by the learned model? */
function modelCue(model: CueModel, toks: readonly Tok[], i: number): Cue | null {
  const p = cueProbability(model, toks, i);
  if (p < model.threshold) return null;
  const t = toks[i]!;
  const according = t.lower === 'according' && toks[i + 1]?.lower === 'to';
  const participle = t.lower.endsWith('ing') && afterClauseComma(toks, i);
  return { first: i, last: according ? i + 1 : i, strength: p, according, participle };
}

/**
 * Where the reported clause after a cue ends: the sentence end, a semicolon, a new cue's
 * comma (", adding that"), a second predicate (", and has …"), or MAX_CLAUSE_TOKENS on.
 */
function clauseEnd(toks: readonly Tok[], from: number): number {
  let end = Math.min(toks.length, from + MAX_CLAUSE_TOKENS);
  for (let j = from; j < end; j++) {
    const t = toks[j]!;
    if (t.quote >= 0 || t.mark >= 0) continue;
    if (t.text === ';') {
      end = j;
      break;
    }
    if (isComma(t) && j + 1 < toks.length) {
      const c = lexiconCue(toks, j + 1);
      if ((c && (c.participle || c.according)) || speakerFollows(toks, j + 1)) {
        end = j;
        break;
      }
    }
    if (j > from && startsSecondPredicate(toks, j)) {
      end = j;
      break;
    }
  }
  while (end > from && isPunct(toks[end - 1]!) && toks[end - 1]!.mark < 0) end--;
  return end;
}

/**
 * "…, and has championed an agenda", "…, but admitted": a conjunction before an auxiliary
 * or a cue verb starts a second predicate of the subject, not more content.
 */
/** "…, NATO said" or "…, a spokesman added": a speaker and a speech verb end what precedes. */
function speakerFollows(toks: readonly Tok[], i: number): boolean {
  const np = nounPhraseForward(toks, i);
  if (np < 0 || np - i > 5) return false;
  const verb = toks[np + 1];
  return verb !== undefined && isSpeechWord(verb.lower);
}

function startsSecondPredicate(toks: readonly Tok[], j: number): boolean {
  const t = toks[j]!;
  if (t.lower !== 'and' && t.lower !== 'but') return false;
  const next = toks[j + 1];
  if (!next || next.quote >= 0 || next.mark >= 0) return false;
  const w = next.lower;
  return isComma(toks[j - 1]) && (SECOND_PREDICATE_AUX.has(w) || CUE_WORDS.has(w));
}

/**
 * "…," said Peter Orszag, Obama's budget director during the drafting of the law. In an
 * inversion, what follows the speaker's name after a comma describes the speaker: the
 * source runs to the end of the clause, or to where a quotation resumes.
 */
function withAppositive(toks: readonly Tok[], last: number, end: number): number {
  if (!isComma(toks[last + 1]) || end - last > 30) return last;
  for (let j = last + 2; j < end; j++) {
    // "…, a spokesman for the center, “because …”": the quotation resumes after a comma.
    if (toks[j]!.mark >= 0) return isComma(toks[j - 1]) && j - 2 > last + 1 ? j - 2 : last;
  }
  return end - 1 > last + 1 ? end - 1 : last;
}

/** Does the quotation opening at token j hold a stretch of speech (three words or more)? */
function opensSpeech(toks: readonly Tok[], j: number): boolean {
  const q = toks[j]!.mark;
  let words = 0;
  for (let k = j + 1; k < toks.length && toks[k]!.quote === q && words < 3; k++)
    if (!isPunct(toks[k]!)) words++;
  return words >= 3;
}

/** Start of the content after a cue: past an addressee or adjunct up to "that" or ":". */
function contentStartAfter(
  toks: readonly Tok[],
  from: number,
  end: number,
): { at: number; strong: boolean } {
  for (let j = from; j < Math.min(end, from + 7); j++) {
    const t = toks[j]!;
    if (t.mark >= 0 && toks[j + 1]?.quote === t.mark) {
      // A short quoted name on the way ("said on Fox News' “Hannity,” if …") is no content.
      if (!opensSpeech(toks, j)) continue;
      // "called the system “rotten to the core”": words running into the quotation are
      // part of what was said; after a comma or colon ("told reporters, “…”") they are not.
      const joined = j > from && !isPunct(toks[j - 1]!) && toks[j - 1]!.lower !== 'that';
      return { at: joined ? from : j, strong: true };
    }
    // "that" as a complementizer, not in "what that entails".
    if (t.lower === 'that' && !WH.has(toks[j - 1]?.lower ?? '')) return { at: j + 1, strong: true };
    if (t.text === ':') return { at: j + 1, strong: true };
    if (
      t.text === ',' &&
      toks[j + 1]?.mark !== undefined &&
      toks[j + 1]!.mark >= 0 &&
      opensSpeech(toks, j + 1)
    )
      return { at: j + 1, strong: true };
    if (isPunct(t) && t.mark < 0) break;
  }
  let at = from;
  // "hinted at the possibility", "called for a ban": the particle belongs to the cue.
  if (toks[at]?.text === ',' || PARTICLES.has(toks[at]?.lower ?? '')) at++;
  return { at, strong: false };
}

export interface SentenceContext {
  text: string;
  /** The learned cue detector; without it the lexicon and its rules decide. */
  cueModel: CueModel | null;
  toks: readonly Tok[];
  quotations: readonly Quotation[];
  found: RawAttribution[];
}

/** Finds the attributions whose cue lies in one sentence; appends them to ctx.found. */
export function attributeSentence(ctx: SentenceContext): void {
  const { toks, found } = ctx;
  const firstInSentence = found.length;
  // Content before a cue starts after what earlier attributions of the sentence took.
  let taken = 0;
  for (let i = 0; i < toks.length; i++) {
    const cue = ctx.cueModel ? modelCue(ctx.cueModel, toks, i) : lexiconCue(toks, i);
    if (!cue) continue;
    const floor = Math.max(taken, cue.first - MAX_CLAUSE_TOKENS);
    let source: [number, number] | null = null;
    let shares: RawAttribution | null = null;
    let content: ContentAt | null = null;
    const after = cue.last + 1;
    const end = clauseEnd(toks, after);
    const prev = toks[cue.first - 1];
    const inverted =
      !cue.according && (!prev || isComma(prev) || (prev.mark >= 0 && CLOSE_MARK.test(prev.text)));
    if (cue.according) {
      const e = nounPhraseForward(toks, after, 12, true);
      if (e < 0) continue;
      // The source runs to the comma: "according to a poll by Edison Research for the AP".
      let stop = e + 1;
      while (stop < end && !isComma(toks[stop]) && toks[stop]!.mark < 0 && stop - after < 20)
        stop++;
      const opensSentence = cue.first === 0 || isComma(toks[cue.first - 1]);
      source = [after, isComma(toks[stop]) || stop >= end ? stop - 1 : e];
      const rest = stop + 1;
      content =
        opensSentence && isComma(toks[stop]) && end - rest >= 3 ? [rest, end] : [floor, cue.first];
    } else if (cue.participle && afterClauseComma(toks, cue.first)) {
      // "…, warning that …": the participle shares the main clause's speaker.
      shares = found.length > firstInSentence ? found[firstInSentence]! : null;
      content = [contentStartAfter(toks, after, end).at, end];
    } else {
      const placed = placeVerbCue(
        toks,
        cue,
        end,
        inverted,
        found.length > firstInSentence ? found[firstInSentence]! : null,
        () => unclaimedQuotationBefore(ctx, toks[0]!.start),
        floor,
      );
      if (!placed) continue;
      ({ source, shares, content } = placed);
    }
    const clause = clauseOf(ctx, toks, content);
    if (!clause) continue;
    const cueSpan = { start: toks[cue.first]!.start, end: toks[cue.last]!.end };
    const sourceSpan = source ? { start: toks[source[0]]!.start, end: toks[source[1]]!.end } : null;
    pushWithKinds(found, clause, ctx.quotations, {
      source: sourceSpan,
      sharesSourceWith: sourceSpan ? null : shares,
      cue: cueSpan,
      strength: cue.strength,
    });
    // What a speaker said is not what the next speaker of the sentence says; what someone
    // did ("North Korea sent troops to Russia, NATO said") can be.
    if (cue.according || isSpeechWord(toks[cue.first]!.lower)) {
      let next = Math.max(cue.last, source?.[1] ?? 0) + 1;
      while (next < toks.length && toks[next]!.start < clause.end) next++;
      taken = next;
    }
    i = cue.last;
  }
  yieldToLaterSpeakers(ctx, firstInSentence);
}

/**
 * "Of the case where GM wants one car, and Washington wants another, he stated that …": an
 * earlier cue's content ends where, after a comma, a later speaker takes the floor. (Not
 * "X said Y told him …": there Y's words are part of what X said.)
 */
function yieldToLaterSpeakers(ctx: SentenceContext, first: number): void {
  const { found, text } = ctx;
  const mine = found.slice(first);
  const cuts = new Map<Span, number>();
  for (const a of mine) {
    if (!a.cue || cuts.has(a.clause) || a.clause.start < a.cue.end) continue;
    for (const b of mine) {
      if (!b.cue || b.cue.start <= a.clause.start || b.cue.start >= a.clause.end) continue;
      const at = b.source && b.source.start > a.clause.start ? b.source.start : b.cue.start;
      if (!/[,;—–]\s*$/.test(text.slice(a.clause.start, at))) continue;
      cuts.set(a.clause, Math.min(cuts.get(a.clause) ?? at, at));
    }
  }
  if (cuts.size === 0) return;
  found.length = first;
  const redone = new Set<Span>();
  for (const a of mine) {
    const cut = cuts.get(a.clause);
    if (cut === undefined) {
      found.push(a);
      continue;
    }
    if (redone.has(a.clause)) continue;
    redone.add(a.clause);
    const kept = text.slice(a.clause.start, cut).replace(/(?:[\s,;—–]|\b(?:and|but)\b)+$/, '');
    if (kept.length < 3) continue;
    const { source, sharesSourceWith, cue, strength } = a;
    pushWithKinds(
      found,
      { start: a.clause.start, end: a.clause.start + kept.length },
      ctx.quotations,
      { source, sharesSourceWith, cue, strength },
    );
  }
}

/**
 * Where a cue's content is: a token range of its sentence, or a quotation outside the
 * sentence, the one that follows it ("He said:") or the one that ended just before it.
 */
type ContentAt = [number, number] | 'next-quotation' | 'previous-quotation';

interface Placement {
  source: [number, number] | null;
  shares: RawAttribution | null;
  content: ContentAt;
}

/** The character span of a cue's content, or null when there is none. */
function clauseOf(
  ctx: SentenceContext,
  toks: readonly Tok[],
  content: ContentAt | null,
): Span | null {
  if (content === null) return null;
  if (content === 'previous-quotation') return precedingQuotation(ctx, toks[0]!.start);
  const [first, end] = content === 'next-quotation' ? [toks.length, toks.length] : content;
  const clause =
    content === 'next-quotation'
      ? followingQuotation(ctx, toks[toks.length - 1]!.end)
      : trimClause(toks, first, end, ctx.quotations);
  // "Fallin said: I think … . I think …": a colon hands the rest of the paragraph over,
  // also when the words after it open a quotation in the next paragraph.
  // A quotation after the colon is the whole content; what follows it is the writer's.
  const quoted = (toks[first]?.mark ?? -1) >= 0;
  if (clause && toks[first - 1]?.text === ':' && !quoted && onlyPunctuationFrom(toks, end)) {
    clause.end = Math.max(clause.end, paragraphEnd(ctx.text, clause.end, COLON_REACH));
  }
  return clause;
}

/** Does token i open a clause: the sentence start, after a comma, or after "when"? */
function opensClause(toks: readonly Tok[], i: number): boolean {
  const prev = toks[i - 1];
  return !prev || isComma(prev) || /^(?:when|while|after|before|if|as)$/.test(prev.lower);
}

/** The subject that opens a sentence, past a scene-setting phrase: "In Iowa, Trump …". */
function sentenceSubject(toks: readonly Tok[], limit: number): [number, number] | null {
  let k = 0;
  if (INTRO.has(toks[0]!.lower)) {
    while (k < limit && !isComma(toks[k])) k++;
    k++;
  }
  const e = nounPhraseForward(toks, k);
  return e >= 0 && e < limit ? [k, e] : null;
}

/** Finds the source and content of a verb cue ("said", "warned", "believes"). */
function placeVerbCue(
  toks: readonly Tok[],
  cue: Cue,
  end: number,
  inverted: boolean,
  mainClause: RawAttribution | null,
  quoteBefore: () => boolean,
  floor: number,
): Placement | null {
  const after = cue.last + 1;
  const back = sourceBefore(toks, cue.first);
  const fwd = nounPhraseForward(toks, after);
  // An inversion ("…," said the senator) leaves nothing reported after the source.
  const fwdEnds = fwd >= 0 && (fwd + 1 >= end || isComma(toks[fwd + 1]));
  let source: [number, number] | null = null;
  let shares: RawAttribution | null = null;
  // After "told" or "asked" comes the one spoken to, never the speaker.
  const addressee = ADDRESSEE_CUES.has(CUE_WORDS.get(toks[cue.first]!.lower)?.lemma ?? '');
  if (fwd >= 0 && inverted && !addressee && (!back || fwdEnds)) {
    source = [after, withAppositive(toks, fwd, end)];
  } else if (back) source = back;
  else {
    // "Carson admitted …, but said …": a second predicate of the same subject, the main
    // clause's ("Cooper said her party backs it, and said …" is Cooper again).
    const j = skipAuxiliariesBack(toks, cue.first - 1);
    if (toks[j]?.lower === 'and' || toks[j]?.lower === 'but') {
      if (mainClause) shares = mainClause;
      else source = sentenceSubject(toks, j);
    }
  }
  const place = (content: ContentAt): Placement => ({ source, shares, content });
  if (!source && !shares) {
    // "Asked whether he would …, Christie said": a cue opening its clause reports without
    // a source; its content runs to the clause's comma.
    if (!opensClause(toks, cue.first)) return null;
    let stop = after;
    while (stop < end && !isComma(toks[stop])) stop++;
    return stop - after >= 3 ? place([after, stop]) : null;
  }
  if (source && source[0] > cue.last) {
    if (cue.first - floor < 2) return null;
    return place([floor, continuedContent(toks, source[1] + 1, cue.first, end)]);
  }
  const sourceFirst = source ? Math.min(source[0], cue.first) : cue.first;
  const beforeLen = shares ? 0 : sourceFirst - floor;
  const beforeEndsComma =
    beforeLen > 0 && (isComma(toks[sourceFirst - 1]) || toks[sourceFirst - 1]!.mark >= 0);
  let beforeQuoted = false;
  for (let j = floor; beforeEndsComma && j < sourceFirst; j++) {
    if (toks[j]!.mark >= 0) beforeQuoted = true;
  }
  const beforeOk = beforeEndsComma && beforeLen >= 4 && !INTRO.has(toks[floor]!.lower);
  const s = contentStartAfter(toks, after, end);
  const afterLen = end - s.at;
  const before = (): Placement =>
    place([
      floor,
      continuedContent(toks, Math.max(source?.[1] ?? 0, cue.last) + 1, sourceFirst, end),
    ]);
  const quoteResumes = beforeQuoted && s.strong && (toks[s.at]?.mark ?? -1) >= 0;
  if (quoteResumes) return place([floor, end]);
  // "“…,” Sarandon told MSNBC when asked about concerns that …": the quotation closing
  // before the speaker is what was said; a "that" further on belongs to another clause.
  if (beforeQuoted && !(s.strong && s.at <= after + 2)) return before();
  if (s.strong && afterLen >= 1) return place([s.at, end]);
  // "…, which reportedly depict …": a relative clause reports what follows its verb.
  const relative =
    source !== null && source[0] === source[1] && /^(?:who|which)$/.test(toks[source[0]]!.lower);
  const afterIsClause = relative || SUBJECT_PRONOUNS.has(toks[s.at]?.lower ?? '');
  if (beforeQuoted || (beforeOk && afterLen < 8 && !afterIsClause)) return before();
  // “… who knows?” Trump told ITV: the question mark ended the sentence before the speaker.
  if (sourceFirst === 0 && quoteBefore()) return place('previous-quotation');
  if (announcesQuote(toks)) return place('next-quotation');
  // "Clinton attacked Trump": a lone name is a whole object.
  if (afterLen >= 2 || (afterLen === 1 && isCapitalized(toks[s.at]!))) return place([s.at, end]);
  if (beforeLen >= 3) return before();
  return null;
}

/** Are the tokens from `from` to the sentence end all punctuation? */
function onlyPunctuationFrom(toks: readonly Tok[], from: number): boolean {
  for (let j = from; j < toks.length; j++) if (!isPunct(toks[j]!)) return false;
  return true;
}

/**
 * The end of the paragraph (line) holding `pos`, before its closing punctuation and space,
 * at most `reach` characters on.
 */
function paragraphEnd(text: string, pos: number, reach: number): number {
  const nl = text.indexOf('\n', pos);
  let end = Math.min(nl < 0 ? text.length : nl, pos + reach);
  while (end > pos && /[\s.!?]/.test(text[end - 1]!)) end--;
  return end;
}

/** "He said in a statement:" — the words follow in the next sentence or paragraph. */
function announcesQuote(toks: readonly Tok[]): boolean {
  return toks[toks.length - 1]!.text === ':';
}

/** The quotation that ends right before `pos` (only white space between), as a clause. */
function precedingQuotation(ctx: SentenceContext, pos: number): Span | null {
  const q = ctx.quotations[firstQuotationFrom(ctx.quotations, pos) - 1];
  if (!q || ctx.text.slice(q.end, pos).trim() !== '') return null;
  return { start: q.start, end: q.end };
}

/** Does a quotation no attribution has taken end on ? ! or . right before `pos`, in its paragraph? */
function unclaimedQuotationBefore(ctx: SentenceContext, pos: number): boolean {
  const q = precedingQuotation(ctx, pos);
  if (!q || ctx.text.slice(q.end, pos).includes('\n')) return false;
  if (!/[?!.]\W*$/.test(ctx.text.slice(q.start, q.end))) return false;
  // Attributions come in text order: only the last few can reach back to this quotation.
  for (let k = ctx.found.length - 1; k >= 0 && k >= ctx.found.length - 20; k--) {
    const a = ctx.found[k]!;
    if (a.clause.start < q.end && q.start < a.clause.end) return false;
  }
  return true;
}

/** The quotation that starts right after `pos` (only white space between), as a clause. */
function followingQuotation(ctx: SentenceContext, pos: number): Span | null {
  const q = ctx.quotations[firstQuotationFrom(ctx.quotations, pos)];
  if (!q || ctx.text.slice(pos, q.start).trim() !== '') return null;
  return { start: q.start, end: q.end };
}

/**
 * Content the source interrupts: "…," said the senator, "because …" or "The argument would
 * be aided, she said, by the calendar." What resumes right after the source's comma belongs
 * to the same content. `end` is the content's end so far, `clauseStop` where the clause
 * ends; returns the new content end (exclusive token index).
 */
function continuedContent(
  toks: readonly Tok[],
  after: number,
  end: number,
  clauseStop: number,
): number {
  const comma = toks[after];
  const next = toks[after + 1];
  if (!isComma(comma) || !next) return end;
  if (next.mark < 0) {
    // A lower-case word goes on with the sentence; a capital starts a new clause.
    return /^\p{Ll}/u.test(next.text) && clauseStop - after > 2 ? clauseStop : end;
  }
  let j = after + 2;
  while (j < toks.length && toks[j]!.quote === next.mark) j++;
  return toks[j]?.mark === next.mark ? j + 1 : j;
}

/** The clause's character span, trimmed of edge punctuation and grown to whole quotations. */
function trimClause(
  toks: readonly Tok[],
  first: number,
  end: number,
  quotations: readonly Quotation[],
): Span | null {
  while (first < end && isPunct(toks[first]!) && toks[first]!.mark < 0) first++;
  while (end > first && isPunct(toks[end - 1]!) && toks[end - 1]!.mark < 0) end--;
  if (end <= first) return null;
  const a = toks[first]!;
  const b = toks[end - 1]!;
  let start = a.start;
  let stop = b.end;
  // A quotation that began in an earlier sentence, or runs on into later ones, is whole.
  const qa = a.quote >= 0 ? a.quote : a.mark;
  const qb = b.quote >= 0 ? b.quote : b.mark;
  if (qa >= 0) start = Math.min(start, quotations[qa]!.start);
  if (qb >= 0) stop = Math.max(stop, quotations[qb]!.end);
  return { start, end: stop };
}

/** Adds the attribution with its kind: direct, mixed, indirect, or one partial per fragment. */
export function pushWithKinds(
  found: RawAttribution[],
  clause: Span,
  quotations: readonly Quotation[],
  rest: Omit<RawAttribution, 'kind' | 'content' | 'clause'>,
): void {
  const inside: Quotation[] = [];
  for (let k = firstQuotationFrom(quotations, clause.start); k < quotations.length; k++) {
    const q = quotations[k]!;
    if (q.start >= clause.end) break;
    if (q.end <= clause.end && q.words > 0) inside.push(q);
  }
  const quoted = inside.reduce((n, q) => n + q.end - q.start, 0);
  const share = quoted / Math.max(1, clause.end - clause.start);
  const first = inside[0];
  const last = inside.at(-1);
  if (!first || !last) {
    found.push({ kind: 'indirect', content: clause, clause, ...rest });
  } else if (first.start === clause.start && share >= 0.5) {
    // The clause opens with the quotation: "“…,” said X, “…”" or "“…,” highlighting …".
    const end = last.end === clause.end ? last.innerEnd : first.innerEnd;
    found.push({ kind: 'direct', content: { start: first.innerStart, end }, clause, ...rest });
  } else if (share >= 0.8) {
    found.push({
      kind: 'direct',
      content: { start: first.innerStart, end: last.innerEnd },
      clause,
      ...rest,
    });
  } else if (share < 0.5 && inside.length <= MAX_PARTIALS) {
    for (const q of inside) {
      found.push({
        kind: 'partial',
        content: { start: q.innerStart, end: q.innerEnd },
        clause,
        ...rest,
      });
    }
  } else {
    found.push({ kind: 'mixed', content: clause, clause, ...rest });
  }
}
