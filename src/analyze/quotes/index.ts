// Who said what: quotations and cues → attributions → speakers resolved to entities.
// Pure: text and entity mentions in, quotes out.
import type { Quote } from '../../core/types.js';
import { type Token, tokenizeText } from '../ner/tokenize.js';
import { attributeSentence, type RawAttribution } from './attribute.js';
import type { CueModel } from './cue-model.js';
import { attachFloatingQuotes } from './floating.js';
import type { Tok } from './phrases.js';
import { findQuotations, type Quotation } from './quotations.js';
import { type ResolvedSpeaker, type SpeakerMention, SpeakerResolver } from './speakers.js';

export type { RawAttribution } from './attribute.js';
export type { CueModel } from './cue-model.js';
export { defaultCueModelPath, loadCueModel } from './cue-model-file.js';

/** Tokens per sentence, each marked with the quotation it lies in or delimits. */
export function markedSentences(
  text: string,
  quotations: readonly Quotation[],
  sentences: readonly Token[][] = tokenizeText(text),
): Tok[][] {
  let q = 0;
  const marked = sentences.map((sentence) =>
    sentence.map((t) => {
      while (q < quotations.length && quotations[q]!.end <= t.start) q++;
      const cur = quotations[q];
      let quote = -1;
      let mark = -1;
      if (cur && t.start >= cur.start && t.end <= cur.end) {
        if (t.start >= cur.innerStart && t.end <= cur.innerEnd) quote = q;
        else mark = q;
      }
      return { text: t.text, lower: t.text.toLowerCase(), start: t.start, end: t.end, quote, mark };
    }),
  );
  // "… immensely. " The next sentence": a closing mark the splitter put at the start of the
  // next sentence ends the previous one.
  for (let s = 1; s < marked.length; s++) {
    const head = marked[s]![0];
    const prev = marked[s - 1]!;
    if (
      head &&
      head.mark >= 0 &&
      prev.length > 0 &&
      prev.at(-1)!.start >= quotations[head.mark]!.start
    ) {
      prev.push(marked[s]!.shift()!);
    }
  }
  return marked.filter((sentence) => sentence.length > 0);
}

/** Every attribution in the text, in text order, with source spans but no names yet. */
export function findAttributions(
  text: string,
  cueModel: CueModel | null = null,
  sentences?: readonly Token[][],
): RawAttribution[] {
  const quotations = findQuotations(text);
  const found: RawAttribution[] = [];
  for (const toks of markedSentences(text, quotations, sentences))
    attributeSentence({ text, cueModel, toks, quotations, found });
  attachFloatingQuotes(text, quotations, found);
  return found;
}

/** A quote with the whole clause it reports (for a partial quote, more than its words). */
export interface AttributedQuote {
  quote: Quote;
  clause: { start: number; end: number };
}

/** Quotes with speakers resolved against the article's entity mentions, with their clauses. */
export function findAttributedQuotes(
  text: string,
  mentions: readonly SpeakerMention[],
  cueModel: CueModel | null = null,
  sentences?: readonly Token[][],
): AttributedQuote[] {
  const found = findAttributions(text, cueModel, sentences);
  const sources = found.flatMap((a) => (a.source ? [a.source] : []));
  const resolver = new SpeakerResolver(text, mentions, sources, findQuotations(text));
  const speakers = new Map<RawAttribution, ResolvedSpeaker>();
  const quotes = found.map((a) => {
    const shared = !a.source && a.sharesSourceWith ? speakers.get(a.sharesSourceWith) : undefined;
    const who = shared ?? resolver.resolve(a.source);
    speakers.set(a, who);
    const quote: Quote = {
      kind: a.kind,
      content: { ...a.content, text: text.slice(a.content.start, a.content.end) },
      speaker: {
        name: who.name,
        start: who.span?.start ?? null,
        end: who.span?.end ?? null,
        text: who.span ? text.slice(who.span.start, who.span.end) : null,
      },
      cue: a.cue ? { ...a.cue, text: text.slice(a.cue.start, a.cue.end) } : null,
      confidence: Math.round(a.strength * (who.name ? 1 : 0.8) * 100) / 100,
    };
    return { quote, clause: a.clause };
  });
  return oneSpeakerPerQuotation(quotes.filter((q) => !quotesATitle(q.quote)));
}

/** Small words a title leaves in lower case: "Top of the Spear". */
const TITLE_SMALL_WORDS = new Set(
  'a an and as at but by for from in of on or the to vs'.split(' '),
);

/**
 * “The Internet Explorer 6 Countdown”, “Against the Digital AI-5”: quoted words set in
 * title case name a work, a website or a slogan; nobody said them.
 */
function quotesATitle(quote: Quote): boolean {
  if (quote.kind !== 'direct' && quote.kind !== 'partial') return false;
  const words = quote.content.text
    .replace(/[.,!?;:]+$/, '')
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  if (words.length < 2 || !/^\p{Lu}/u.test(words[0]!)) return false;
  return words.every((w) => /^[\p{Lu}\d]/u.test(w) || TITLE_SMALL_WORDS.has(w));
}

/**
 * Two cues may both reach one quotation ("the government wants …, he stated that “…”");
 * a quotation has one speaker: the most confident attribution keeps it.
 */
function oneSpeakerPerQuotation(quotes: AttributedQuote[]): AttributedQuote[] {
  const best = new Map<string, AttributedQuote>();
  for (const q of quotes) {
    if (q.quote.kind !== 'direct' && q.quote.kind !== 'partial') continue;
    const key = `${q.quote.content.start}:${q.quote.content.end}`;
    const held = best.get(key);
    if (!held || q.quote.confidence > held.quote.confidence) best.set(key, q);
  }
  return quotes.filter((q) => {
    if (q.quote.kind !== 'direct' && q.quote.kind !== 'partial') return true;
    return best.get(`${q.quote.content.start}:${q.quote.content.end}`) === q;
  });
}

/** Quotes with speakers resolved against the article's entity mentions (text order). */
export function findQuotes(
  text: string,
  mentions: readonly SpeakerMention[],
  cueModel: CueModel | null = null,
): Quote[] {
  return findAttributedQuotes(text, mentions, cueModel).map((q) => q.quote);
}
