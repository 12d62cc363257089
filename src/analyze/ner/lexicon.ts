// A loaded model's features compiled for tagging. Building feature strings and hashing them
// per token was most of the tagging time, so here the ids of everything one word or one
// shape contributes are looked up once per distinct word or shape and cached, and the
// features that join two or three of them come from JoinedFeatures. document.ts puts these
// together into exactly the ids of prepareDocument + staticIds; compiled-beam.ts uses the
// label-dependent ones.

import { sumsAreExact } from './exact-sums.js';
import {
  capsVote,
  caseClass,
  type FeatureConfig,
  type FeatureResources,
  shortShape,
  wordFeatures,
  wordShape,
} from './features.js';
import { gazetteerCodeName } from './gazetteer.js';
import { JoinedFeatures } from './joined.js';
import { labelName, N_LABELS, START, TYPE_NAMES } from './labels.js';
import { addRows } from './row-sum.js';
import type { NerModel } from './tagger.js';

/** A lower-cased word, as it appears in its neighbours' features. */
export interface LowerInfo {
  text: string;
  /** Its id in the part tables; -1 when no joined feature of the model has it. */
  part: number;
  /** Ids of A-word and A+word: the word just before and after a capitalized word. */
  contextBefore: number;
  contextAfter: number;
  /** Ids of w-2word and w+2word: the word two before and two after. */
  before2: number;
  after2: number;
  /** Ids of Tw<previous label>|word by previous label, when first needed (wordLabelId). */
  byLabel: Int32Array | null;
}

/** A short word shape ("Xx", "d-d"). */
export interface ShapeInfo {
  text: string;
  part: number;
  /** Ids of z-1shape and z+1shape: the shape of the previous and the next token. */
  asPrevious: number;
  asNext: number;
  /** Ids of i<first><headline>shape, at POSITION_FIRST + POSITION_HEADLINE flags. */
  position: Int32Array;
  /** Ids of Tz<previous label>|shape by previous label, when first needed (shapeLabelId). */
  byLabel: Int32Array | null;
}

/** The WordEntry sets in Lexicon.setSums. */
export const SET_OWN = 0;
export const SET_BEFORE = 1;
export const SET_AFTER = 2;
export const SETS = 3;

export const POSITION_FIRST = 2;
export const POSITION_HEADLINE = 1;

/** One distinct token text and the ids of its own features. */
export interface WordEntry {
  text: string;
  lower: LowerInfo;
  shape: ShapeInfo;
  /** Ids of the WordInfo feature sets (features.ts): own, as i - 1 and as i + 1. */
  own: Int32Array;
  before: Int32Array;
  after: Int32Array;
  /** The sums of those sets' weight rows, when first needed (Lexicon.setSums). */
  sums: Float64Array | null;
  /** True when the word has upper-case letters (it differs from its lower case). */
  capitalized: boolean;
  caseClass: number;
  capsVote: number;
}

const NOT_LOOKED_UP = -2;
/** LowerInfo.byLabel of the words no Tw feature has: never written to. */
const NO_IDS_BY_LABEL = new Int32Array(START + 1).fill(-1);

/** Entries cached per model; the caches restart past this size to bound memory. */
const MAX_CACHED = 200_000;

/** The sentence boundaries as the window features write them. */
const SENTENCE_START = '<S>';
const SENTENCE_END = '</S>';

export class Lexicon {
  readonly config: FeatureConfig;
  readonly resources: FeatureResources;
  readonly featureId: (feature: string) => number;
  /** The weights of each stage, and whether their sums are exact in any order. */
  readonly stages: readonly Float32Array[];
  readonly exactStages: readonly boolean[];
  /** Id of "b", the bias feature. */
  readonly bias: number;
  /** Ids of w-1<S> and w+1</S>. */
  readonly boundaryBefore: number;
  readonly boundaryAfter: number;
  /** Ids of g<code>, g-<code> and g+<code> by GazetteerCode. */
  readonly gazetteerOwn: Int32Array;
  readonly gazetteerBefore: Int32Array;
  readonly gazetteerAfter: Int32Array;
  /** Ids of d<first><headline><case>, at (first * 2 + headline) * 8 + case. */
  readonly docCase: Int32Array;
  /** Ids of T<p1> at p1, and of TT<p2>|<p1> at p1 * (START + 1) + p2. */
  readonly previousLabel: Int32Array;
  readonly previousLabels: Int32Array;
  /** Ids of h<type> by type, and of hm<type><0|1> at type * 2 + (1 if seen as it). */
  readonly historyType: Int32Array;
  readonly historyBest: Int32Array;
  readonly joined: JoinedFeatures;
  /** The pseudo-words and shapes the features use beyond either end of a sentence. */
  start!: LowerInfo;
  end!: LowerInfo;
  startShape!: ShapeInfo;
  endShape!: ShapeInfo;

  /**
   * The words of the model's A±word and w±2word features, and of its Tw<label>|word ones.
   * Most new words are in neither, and then the lookups of those features are skipped.
   */
  private readonly neighbourWords = new Set<string>();
  private readonly labelledWords = new Set<string>();
  private words = new Map<string, WordEntry>();
  private lowers = new Map<string, LowerInfo>();
  private shapes = new Map<string, ShapeInfo>();

  constructor(model: NerModel) {
    const index = model.index;
    this.featureId = (f) => index.get(f) ?? -1;
    this.resources = model.resources;
    this.config = model.resources.config;
    this.stages = model.stages;
    this.exactStages = model.stages.map(sumsAreExact);
    const id = this.featureId;
    this.bias = id('b');
    this.boundaryBefore = id(`w-1${SENTENCE_START}`);
    this.boundaryAfter = id(`w+1${SENTENCE_END}`);
    const codes = Array.from({ length: 16 }, (_, code) => gazetteerCodeName(code));
    this.gazetteerOwn = Int32Array.from(codes, (g) => id(`g${g}`));
    this.gazetteerBefore = Int32Array.from(codes, (g) => id(`g-${g}`));
    this.gazetteerAfter = Int32Array.from(codes, (g) => id(`g+${g}`));
    this.docCase = new Int32Array(32);
    for (let k = 0; k < 32; k++) {
      this.docCase[k] = id(`d${k >> 4}${(k >> 3) & 1 ? 'H' : ''}${k & 7}`);
    }
    const labels = Array.from({ length: START + 1 }, (_, k) => labelName(k));
    this.previousLabel = Int32Array.from(labels, (p1) => id(`T${p1}`));
    this.previousLabels = Int32Array.from(
      labels.flatMap((p1) => labels.map((p2) => `TT${p2}|${p1}`)),
      id,
    );
    this.historyType = Int32Array.from(TYPE_NAMES, (t) => id(`h${t}`));
    this.historyBest = Int32Array.from(
      TYPE_NAMES.flatMap((t) => [`hm${t}0`, `hm${t}1`]),
      id,
    );
    this.joined = new JoinedFeatures(index);
    for (const f of index.keys()) this.noteWord(f);
    this.clear();
  }

  /** Call before each document: bounds the caches between documents, never within one. */
  startDocument(): void {
    if (this.words.size + this.lowers.size + this.shapes.size > MAX_CACHED) this.clear();
  }

  /** The entry of a token text (normalized as in training). */
  word(w: string): WordEntry {
    let entry = this.words.get(w);
    if (!entry) {
      entry = this.newWord(w);
      this.words.set(w, entry);
    }
    return entry;
  }

  lower(l: string): LowerInfo {
    let info = this.lowers.get(l);
    if (!info) {
      const id = this.neighbourWords.has(l) ? this.featureId : () => -1;
      info = {
        text: l,
        part: this.joined.part(l),
        contextBefore: id(`A-${l}`),
        contextAfter: id(`A+${l}`),
        before2: id(`w-2${l}`),
        after2: id(`w+2${l}`),
        byLabel: this.labelledWords.has(l) ? null : NO_IDS_BY_LABEL,
      };
      this.lowers.set(l, info);
    }
    return info;
  }

  shape(sh: string): ShapeInfo {
    let info = this.shapes.get(sh);
    if (!info) {
      const id = this.featureId;
      info = {
        text: sh,
        part: this.joined.part(sh),
        asPrevious: id(`z-1${sh}`),
        asNext: id(`z+1${sh}`),
        position: Int32Array.from([`i0${sh}`, `i0H${sh}`, `i1${sh}`, `i1H${sh}`], id),
        byLabel: null,
      };
      this.shapes.set(sh, info);
    }
    return info;
  }

  /** The id of Tw<p1>|word: the previous label with this word. */
  wordLabelId(info: LowerInfo, p1: number): number {
    return this.labelId(info, 'Tw', p1);
  }

  /** The id of Tz<p1>|shape: the previous label with this token's short shape. */
  shapeLabelId(info: ShapeInfo, p1: number): number {
    return this.labelId(info, 'Tz', p1);
  }

  private labelId(info: LowerInfo | ShapeInfo, template: string, p1: number): number {
    info.byLabel ??= new Int32Array(START + 1).fill(NOT_LOOKED_UP);
    let id = info.byLabel[p1]!;
    if (id === NOT_LOOKED_UP) {
      id = this.featureId(`${template}${labelName(p1)}|${info.text}`);
      info.byLabel[p1] = id;
    }
    return id;
  }

  /**
   * The sums of the weight rows of an entry's own, before and after ids, at
   * (stage × SETS + SET_OWN, SET_BEFORE or SET_AFTER) × N_LABELS. Only for the stages whose
   * sums are exact: elsewhere adding a sum is not the same as adding its rows.
   */
  setSums(entry: WordEntry): Float64Array {
    if (!entry.sums) {
      const sums = new Float64Array(this.stages.length * SETS * N_LABELS);
      this.stages.forEach((weights, stage) => {
        [entry.own, entry.before, entry.after].forEach((ids, set) => {
          const at = (stage * SETS + set) * N_LABELS;
          addRows(sums.subarray(at, at + N_LABELS), weights, ids, 0, ids.length);
        });
      });
      entry.sums = sums;
    }
    return entry.sums;
  }

  private newWord(w: string): WordEntry {
    const l = w.toLowerCase();
    const strings = wordFeatures(this.resources, w);
    const ids = (fs: readonly string[]): Int32Array =>
      Int32Array.from(fs.map(this.featureId).filter((x) => x >= 0));
    return {
      text: w,
      lower: this.lower(l),
      shape: this.shape(shortShape(wordShape(w))),
      own: ids(strings.own),
      before: ids(strings.before),
      after: ids(strings.after),
      capitalized: w !== l,
      caseClass: caseClass(w),
      capsVote: capsVote(w),
      sums: null,
    };
  }

  private clear(): void {
    this.words = new Map();
    this.lowers = new Map();
    this.shapes = new Map();
    this.start = this.lower(SENTENCE_START);
    this.end = this.lower(SENTENCE_END);
    this.startShape = this.shape(SENTENCE_START);
    this.endShape = this.shape(SENTENCE_END);
  }

  /** Adds a feature's word to neighbourWords or labelledWords, if it is one of theirs. */
  private noteWord(f: string): void {
    if (f.startsWith('A-') || f.startsWith('A+')) this.neighbourWords.add(f.slice(2));
    else if (f.startsWith('w-2') || f.startsWith('w+2')) this.neighbourWords.add(f.slice(3));
    else if (f.startsWith('Tw')) {
      // The label never has a "|", the word may: file every reading, as JoinedFeatures does.
      for (let j = f.indexOf('|'); j >= 0; j = f.indexOf('|', j + 1)) {
        this.labelledWords.add(f.slice(j + 1));
      }
    }
  }
}

const LEXICONS = new WeakMap<NerModel, Lexicon>();

/** The model's lexicon, built on first use (a few tens of ms). */
export function lexiconOf(model: NerModel): Lexicon {
  let lexicon = LEXICONS.get(model);
  if (!lexicon) {
    lexicon = new Lexicon(model);
    LEXICONS.set(model, lexicon);
  }
  return lexicon;
}
