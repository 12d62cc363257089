// The static feature ids of a document's tokens from a Lexicon: the same ids, in the same
// order, as staticIds(prepareDocument(...)) (document.test.ts compares them), which the
// training path keeps building from feature strings. The ids a token shares with every
// token of the same word (WordEntry's own, before and after) are not copied per token.
import {
  type DocumentTokens,
  isHeadline,
  MAX_CONTEXTS,
  VOTE_NONE,
  VOTE_UPPER,
} from './features.js';
import { matchGazetteerCodes } from './gazetteer.js';
import {
  type Lexicon,
  type LowerInfo,
  POSITION_FIRST,
  POSITION_HEADLINE,
  type WordEntry,
} from './lexicon.js';

/**
 * Feature ids of every token of a document, in one array: the tokens numbered through the
 * document, token t's ids are ids[offsets[t]] up to ids[offsets[t + 1]].
 */
export interface TokenIds {
  ids: Int32Array;
  offsets: Int32Array;
}

/** Collects TokenIds token by token. */
class TokenIdsBuilder {
  private ids: Int32Array;
  private length = 0;
  private readonly offsets: Int32Array;
  private tokens = 0;

  constructor(tokens: number) {
    this.offsets = new Int32Array(tokens + 1);
    this.ids = new Int32Array(16 + tokens * 16); // about twice what a news article needs
  }

  /** Adds a feature id; -1 (a feature the model lacks) is skipped. */
  add(id: number): void {
    if (id < 0) return;
    if (this.length === this.ids.length) {
      const grown = new Int32Array(this.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = id;
  }

  addAll(ids: ArrayLike<number>): void {
    for (let x = 0; x < ids.length; x++) this.add(ids[x]!);
  }

  endToken(): void {
    this.offsets[++this.tokens] = this.length;
  }

  finish(): TokenIds {
    return { ids: this.ids.subarray(0, this.length), offsets: this.offsets };
  }
}

/**
 * A document ready to decode. A token's static feature ids are, in this order: its ids in
 * `static`, its entry's own, the previous token's before and the next token's after.
 */
export interface CompiledDocument {
  entries: WordEntry[][];
  static: TokenIds;
}

/** The ids of each token followed by more, e.g. those of a second stage. */
export function appendIds(base: TokenIds | null, more: readonly (readonly number[])[]): TokenIds {
  const out = new TokenIdsBuilder(more.length);
  more.forEach((ids, t) => {
    if (base) out.addAll(base.ids.subarray(base.offsets[t]!, base.offsets[t + 1]!));
    out.addAll(ids);
    out.endToken();
  });
  return out.finish();
}

/** The document's words as the string-based decoders and aggregateFeatures read them. */
export function documentTokens(doc: CompiledDocument): DocumentTokens {
  return {
    words: doc.entries.map((es) => es.map((e) => e.text)),
    lower: doc.entries.map((es) => es.map((e) => e.lower.text)),
    shortShape: doc.entries.map((es) => es.map((e) => e.shape.text)),
  };
}

/**
 * Each token's static ids and then its `extra` ids in one list per sentence, per token (the
 * form decode.ts takes).
 */
export function nestedIds(doc: CompiledDocument, extra: TokenIds | null): number[][][] {
  let t = 0;
  const idsOf = (ids: TokenIds | null): Int32Array =>
    ids ? ids.ids.subarray(ids.offsets[t]!, ids.offsets[t + 1]!) : new Int32Array(0);
  return doc.entries.map((es) =>
    es.map((e, i) => {
      const out = [...idsOf(doc.static), ...e.own];
      if (i > 0) out.push(...es[i - 1]!.before);
      if (i + 1 < es.length) out.push(...es[i + 1]!.after);
      out.push(...idsOf(extra));
      t++;
      return out;
    }),
  );
}

/** Numbers the distinct lower-cased words of one document, to keep per-word counts in arrays. */
class DocumentWords {
  private readonly index = new Map<LowerInfo, number>();
  readonly infos: LowerInfo[] = [];

  indexOf(info: LowerInfo): number {
    let k = this.index.get(info);
    if (k === undefined) {
      k = this.infos.length;
      this.infos.push(info);
      this.index.set(info, k);
    }
    return k;
  }
}

/** A context (features.ts, aggregateContexts) as a number: word index × 2 + (1 if after). */
const contextCode = (word: number, after: boolean): number => word * 2 + (after ? 1 : 0);

/**
 * Ratinov and Roth's context aggregation, as aggregateContexts in features.ts: per word
 * index, the context codes of a capitalized word.
 */
function aggregateContexts(
  entries: readonly WordEntry[][],
  wordIndex: readonly number[][],
  start: number,
  end: number,
): (number[] | undefined)[] {
  const contexts: (number[] | undefined)[] = [];
  const addOnce = (codes: number[], code: number): void => {
    if (!codes.includes(code)) codes.push(code);
  };
  entries.forEach((es, s) => {
    const index = wordIndex[s]!;
    for (let i = 0; i < es.length; i++) {
      if (!es[i]!.capitalized) continue;
      let codes = contexts[index[i]!];
      if (!codes) {
        codes = [];
        contexts[index[i]!] = codes;
      }
      if (codes.length >= MAX_CONTEXTS) continue;
      addOnce(codes, contextCode(i > 0 ? index[i - 1]! : start, false));
      addOnce(codes, contextCode(i + 1 < es.length ? index[i + 1]! : end, true));
    }
  });
  return contexts;
}

/** True for the sentences that are headlines (see isAllCaps in features.ts). */
function headlines(entries: readonly WordEntry[][]): boolean[] {
  return entries.map((es) => {
    let counted = 0;
    let upper = 0;
    for (const e of es) {
      if (e.capsVote !== VOTE_NONE) counted++;
      if (e.capsVote === VOTE_UPPER) upper++;
    }
    return isHeadline(counted, upper);
  });
}

/** Tokens (normalized as in training) of a document's sentences → their static feature ids. */
export function compileDocument(
  lex: Lexicon,
  sentences: readonly (readonly string[])[],
): CompiledDocument {
  const cfg = lex.config;
  const joined = lex.joined;
  lex.startDocument();
  const entries = sentences.map((s) => s.map((w) => lex.word(w)));
  const doc = new DocumentWords();
  const wordIndex = entries.map((es) => es.map((e) => doc.indexOf(e.lower)));
  const start = doc.indexOf(lex.start);
  const end = doc.indexOf(lex.end);
  const headline = headlines(entries);
  // How each word is written where its case is informative (see prepareDocument).
  const docCase: number[] = new Array(doc.infos.length).fill(0);
  if (cfg.docCase) {
    entries.forEach((es, s) => {
      if (headline[s]) return;
      for (let i = 1; i < es.length; i++) docCase[wordIndex[s]![i]!]! |= es[i]!.caseClass;
    });
  }
  const contexts = cfg.contextAggregation
    ? aggregateContexts(entries, wordIndex, start, end)
    : null;
  const out = new TokenIdsBuilder(wordIndex.reduce((n, index) => n + index.length, 0));
  entries.forEach((es, s) => {
    const n = es.length;
    const index = wordIndex[s]!;
    const gaz = cfg.gazetteer
      ? matchGazetteerCodes(
          lex.resources.gazetteer,
          es.map((e) => e.lower.text),
          es.map((e) => e.capitalized),
        )
      : null;
    const headlineFlag = headline[s] ? POSITION_HEADLINE : 0;
    for (let i = 0; i < n; i++) {
      const e = es[i]!;
      const prev = i > 0 ? es[i - 1]! : null;
      const next = i + 1 < n ? es[i + 1]! : null;
      const sh = e.shape;
      const ps = prev ? prev.shape : lex.startShape;
      const ns = next ? next.shape : lex.endShape;
      const pw = prev ? prev.lower : lex.start;
      const nw = next ? next.lower : lex.end;
      const l = e.lower;
      const position = (i === 0 ? POSITION_FIRST : 0) + headlineFlag;
      out.add(lex.bias);
      out.add(sh.position[position]!);
      out.add(ps.asPrevious);
      out.add(ns.asNext);
      out.add(joined.shapes(ps.part, sh.part, ns.part));
      if (cfg.window) {
        if (i === 0) out.add(lex.boundaryBefore);
        if (i + 1 === n) out.add(lex.boundaryAfter);
        out.add(i > 1 ? es[i - 2]!.lower.before2 : lex.start.before2);
        out.add(i + 2 < n ? es[i + 2]!.lower.after2 : lex.end.after2);
        out.add(joined.wordBefore.get(pw.part, l.part));
        out.add(joined.wordAfter.get(l.part, nw.part));
        out.add(joined.wordShapeBefore.get(pw.part, sh.part));
        out.add(joined.shapeWordAfter.get(sh.part, nw.part));
      }
      if (gaz) {
        for (const c of gaz[i] ?? []) out.add(lex.gazetteerOwn[c]!);
        if (prev) for (const c of gaz[i - 1] ?? []) out.add(lex.gazetteerBefore[c]!);
        if (next) for (const c of gaz[i + 1] ?? []) out.add(lex.gazetteerAfter[c]!);
      }
      if (e.capitalized) {
        const codes = contexts?.[index[i]!];
        if (codes) {
          const before = contextCode(prev ? index[i - 1]! : start, false);
          const after = contextCode(next ? index[i + 1]! : end, true);
          for (const c of codes) {
            if (c === before || c === after) continue;
            const word = doc.infos[c >> 1]!;
            out.add(c & 1 ? word.contextAfter : word.contextBefore);
          }
        }
        if (cfg.docCase) out.add(lex.docCase[position * 8 + docCase[index[i]!]!]!);
      }
      out.endToken();
    }
  });
  return { entries, static: out.finish() };
}
