// Online story clustering: each article joins the most likely existing story or starts a
// new one; refine, run after each batch, moves members that belong elsewhere and merges
// stories that have converged. Pure computation over ArticleFeatures
// (no I/O); the caller persists the placements it returns.
//
// Ids are stable: a story keeps its id as it grows, and when two merge the older id (the
// smaller) survives. Publish-time proximity uses publish times, never arrival order, so
// articles that arrive late land where their time and content put them.
import { CandidateIndex } from './candidate-index.js';
import { DocumentFrequencies } from './document-frequencies.js';
import type { ArticleFeatures } from './features.js';
import { groupThreads, type Thread } from './threads.js';
import { featureColumns, scorePair, type StoryModel } from './model.js';
import {
  type Norms,
  normsOf,
  joinedSpanDays,
  publishGapDays,
  similarityFeatures,
  type Vocabularies,
} from './similarity.js';
import { StoryNorms } from './story-norms.js';
import {
  absorbStory,
  joinStory,
  leaveStory,
  type Profile,
  profileOf,
  type Story,
  startStory,
  storyWithout,
  topKeys,
} from './story.js';

/** An article's most distinctive words that the index is asked about (and files it under). */
const QUERY_TERMS = 12;
/** Entities asked about per article: a story is rarely about more named things than this. */
const QUERY_ENTITIES = 8;
/** Stories fully scored per article: enough that the right one is almost always among them. */
const MAX_CANDIDATES = 20;
/** Stories with no article within this many days of an article's publish time are not its
 * candidates: the publish-time prior already costs them 2.5 log-odds, and skipping them keeps
 * a store of many years as fast as one of a few months. */
const STALE_AFTER_DAYS = 365;
/** Members are re-examined only in stories up to this size: there every member is sampled,
 * and bigger stories are settled (and would cost a copy of their vectors per member). */
const REFINE_MAX_SIZE = 24;

/**
 * Stories link into one thread at this centroid similarity (words and entities), whatever
 * their publish times. Chosen on ECB+ topics 1–22, whose two events each are two stories of
 * one subject: 0.15 gave the best topic-level pairwise F1 of 0.10–0.35.
 */
const THREAD_LINK = 0.15;
/** The entity cosine's share of that similarity (0.3 of 0, 0.3, 0.5, 0.7 on ECB+ topics). */
const THREAD_ENTITY_SHARE = 0.3;
/** Rounds of re-examination per refine: a second round settles what the first moved. */
const REFINE_ROUNDS = 2;
/** Stories refine weighs for merging with one story, most keys shared first: a story's
 * own event is almost always among the few it shares most with. */
const NEAR_STORIES = 8;
/** A member moves only when another story wants it this much more than its own does. */
const REFINE_MARGIN = 0.05;

/** Two stories merged into one: the surviving id, the id gone, and the pull that merged them. */
export interface Merge {
  into: number;
  gone: number;
  probability: number;
}

/** What a refine changed, for the caller to persist. */
export interface Refinement {
  moves: Move[];
  merges: Merge[];
}

/** Options for a clusterer. */
export interface ClustererOptions {
  model: StoryModel;
  /**
   * Publish-time gap (days) beyond which joining gets less likely; null turns the prior off
   * (for collections whose "stories" are long-running topics rather than events).
   */
  publishWindowDays?: number | null;
  /** Log-odds lost per e-fold of gap beyond the window. */
  publishGapWeight?: number;
  /**
   * Days a story may span before joining it gets less likely: a story is one event, and
   * a subject that runs for months is a thread of stories (threads.ts), not one story.
   */
  storySpanDays?: number;
  /** Log-odds lost per e-fold of span beyond storySpanDays. */
  storySpanWeight?: number;
}

/** A candidate story with its similarity features and probability for one article. */
export interface ScoredStory {
  storyId: number;
  features: number[];
  probability: number;
}

/** Where an article went: its story, and the probability it joined with (0 when it
 * started the story). */
export interface Placement {
  storyId: number;
  probability: number;
}

/** An article refine moved to another story, with the probability it joined that one with. */
export interface Move {
  articleId: string;
  from: number;
  to: number;
  probability: number;
  /** Whether the article was the last in its story, which is gone now. */
  leftEmpty: boolean;
}

/** News rarely stays one event across a month without articles in between. */
const DEFAULT_PUBLISH_WINDOW_DAYS = 30;
/** Two e-folds past the window (about 7 months) cost about as much as no shared dates. */
const DEFAULT_PUBLISH_GAP_WEIGHT = 1;
/**
 * Coverage of one event mostly falls within two weeks. Without a limit, a corpus about one
 * subject (a year of election news) chains into a single story, every day's articles
 * joining yesterday's; a month-long story costs 1.5 log-odds, a year-long one 6.5.
 */
const DEFAULT_STORY_SPAN_DAYS = 14;
const DEFAULT_STORY_SPAN_WEIGHT = 2;

/** Online story clustering over a stream of articles. */
export class StoryClusterer {
  private readonly model: StoryModel;
  private readonly columns: number[];
  private readonly window: number | null;
  private readonly gapWeight: number;
  private readonly maxSpan: number;
  private readonly spanWeight: number;
  private readonly vocab: Vocabularies = {
    terms: new DocumentFrequencies(),
    entities: new DocumentFrequencies(),
  };
  private readonly index = new CandidateIndex();
  private readonly stories = new Map<number, Story>();
  private readonly mergedInto = new Map<number, number>();
  private readonly articleStory = new Map<string, number>();
  private readonly norms = new StoryNorms(this.vocab);
  private readonly dirty = new Set<number>();
  /** Articles placed since the last refine: the members it re-examines. */
  private readonly unsettled = new Set<ArticleFeatures>();
  private lastKeys: { doc: ArticleFeatures; keys: string[] } | null = null;
  private nextId = 1;

  constructor(opts: ClustererOptions) {
    this.model = opts.model;
    this.columns = featureColumns(opts.model);
    this.window =
      opts.publishWindowDays === undefined ? DEFAULT_PUBLISH_WINDOW_DAYS : opts.publishWindowDays;
    this.gapWeight = opts.publishGapWeight ?? DEFAULT_PUBLISH_GAP_WEIGHT;
    this.maxSpan = opts.storySpanDays ?? DEFAULT_STORY_SPAN_DAYS;
    this.spanWeight = opts.storySpanWeight ?? DEFAULT_STORY_SPAN_WEIGHT;
  }

  /** Places one article: joins the best story or starts one. */
  add(doc: ArticleFeatures): Placement {
    const scored = this.scoreCandidates(doc);
    const best = scored.reduce<ScoredStory | null>(
      (b, s) => (b === null || s.probability > b.probability ? s : b),
      null,
    );
    const joins = best !== null && best.probability >= this.model.joinThreshold;
    const storyId = this.commit(doc, joins ? best.storyId : null);
    return { storyId, probability: joins ? best.probability : 0 };
  }

  /**
   * Counts the article into the stream's statistics and scores its candidate stories. Used
   * by add, and by training to see the features of each candidate (then commit).
   */
  scoreCandidates(doc: ArticleFeatures): ScoredStory[] {
    this.count(doc);
    const profile = profileOf(doc);
    const norms = normsOf(profile, this.vocab);
    const out: ScoredStory[] = [];
    for (const storyId of this.candidates(doc, profile)) {
      out.push({ storyId, ...this.score(profile, norms, this.stories.get(storyId)!) });
    }
    return out;
  }

  /**
   * Replays a placement decided earlier (a restart from the store): counts the article into
   * the stream's statistics and puts it in the story, without scoring candidates.
   */
  remember(doc: ArticleFeatures, storyId: number | null): number {
    this.count(doc);
    const id = this.commit(doc, storyId);
    // Stored placements were refined when they were made.
    this.dirty.delete(id);
    this.unsettled.delete(doc);
    return id;
  }

  /** Puts an already scored article into a story (null: a new one); returns the story id. */
  commit(doc: ArticleFeatures, storyId: number | null): number {
    const existing = storyId === null ? undefined : this.stories.get(this.resolve(storyId));
    const story = existing ?? startStory(this.nextId++, doc);
    if (existing) {
      const profile = profileOf(doc);
      this.norms.joining(existing, profile, () => joinStory(existing, doc, profile));
    } else {
      this.stories.set(story.id, story);
    }
    this.articleStory.set(doc.id, story.id);
    this.index.add(story.id, this.keysOf(doc));
    this.dirty.add(story.id);
    this.unsettled.add(doc);
    return story.id;
  }

  /**
   * Takes a second look at what changed since the last call. First the articles placed
   * since: one that another story now wants clearly more than its own story (without it)
   * moves there. Then each story that grew takes in the lone reports near it that now
   * clear the join threshold, and the fragments whose members it pulls, on average, past
   * the merge threshold; a fragment that grew merges into the story that pulls it so.
   * Early articles are placed before their story has taken shape, so this undoes the
   * stream order's luck. The pipeline calls it after each batch (the benchmarks: once the
   * stream is in); it returns what changed, for the caller to persist.
   */
  refine(): Refinement {
    const done: Refinement = { moves: [], merges: [] };
    for (let round = 0; round < REFINE_ROUNDS; round++) {
      const changes = done.moves.length + done.merges.length;
      const changed = this.takeDirty();
      // Members placed before the last refine were weighed then; their stories' growth
      // only holds them tighter, and stories that grew near them are weighed below.
      const unsettled = [...this.unsettled];
      this.unsettled.clear();
      for (const doc of unsettled) {
        const story = this.stories.get(this.storyOf(doc.id) ?? -1);
        if (!story || story.size < 2 || story.size > REFINE_MAX_SIZE) continue;
        const move = this.reconsider(story, doc);
        if (move) done.moves.push(move);
      }
      // A story that grew may now hold a report left alone near it, or a fragment, though
      // nothing new came to either.
      for (const story of changed) {
        if (this.stories.has(story.id) && story.size >= 2) this.gather(story, done);
      }
      // Smallest first: a fragment joins the body of its event before that body is weighed.
      const fragments = changed
        .filter((s) => s.size >= 2)
        .sort((a, b) => a.size - b.size || a.id - b.id);
      for (const story of fragments) {
        if (!this.stories.has(story.id) || story.size > REFINE_MAX_SIZE) continue;
        const merge = this.mergeIntoNearest(story);
        if (merge) done.merges.push(merge);
      }
      if (done.moves.length + done.merges.length === changes) break;
    }
    return done;
  }

  /** The story an article is in now (after any merges), if it was added. */
  storyOf(articleId: string): number | undefined {
    const id = this.articleStory.get(articleId);
    return id === undefined ? undefined : this.resolve(id);
  }

  /** The live stories (merged-away ones excluded). */
  allStories(): Story[] {
    return [...this.stories.values()];
  }

  /**
   * The live stories grouped into threads: stories of one long-running subject, linked when
   * their word and entity centroids are close, whatever their publish times (threads.ts).
   * Computed on demand: one index lookup per story.
   */
  threads(): Thread[] {
    const links: [number, number][] = [];
    for (const story of this.stories.values()) {
      const norms = this.norms.of(story);
      for (const otherId of this.index.lookup(this.keysFor(story), MAX_CANDIDATES, (i) =>
        this.resolve(i),
      )) {
        const other = this.stories.get(otherId);
        if (!other || other === story) continue;
        const f = similarityFeatures(story, norms, other, this.norms.of(other), this.vocab);
        const sim = (1 - THREAD_ENTITY_SHARE) * f[0]! + THREAD_ENTITY_SHARE * f[1]!;
        if (sim >= THREAD_LINK) links.push([other.id, story.id]);
      }
    }
    return groupThreads([...this.stories.keys()], links);
  }

  /** Moves one member to the story that wants it clearly more, if any. */
  private reconsider(story: Story, doc: ArticleFeatures): Move | null {
    const profile = profileOf(doc);
    const norms = normsOf(profile, this.vocab);
    const own = this.ownProbability(story, doc, profile, norms);
    let best: { story: Story; p: number } | null = null;
    for (const otherId of this.candidates(doc, profile)) {
      const other = this.stories.get(otherId)!;
      if (other === story) continue;
      const p = this.score(profile, norms, other).probability;
      if (best === null || p > best.p) best = { story: other, p };
    }
    // Splitting off members that no story wants was tried too: it cost recall for nothing.
    if (best === null || best.p < this.model.joinThreshold || best.p <= own + REFINE_MARGIN) {
      return null;
    }
    return this.move(story, doc, best.story, best.p);
  }

  /** Moves a member from its story to another; a story left empty is dropped. */
  private move(from: Story, doc: ArticleFeatures, to: Story, probability: number): Move {
    leaveStory(from, doc);
    this.dirty.add(from.id);
    const leftEmpty = from.size === 0;
    if (leftEmpty) {
      this.stories.delete(from.id);
      this.norms.forget(from.id);
    }
    return {
      articleId: doc.id,
      from: from.id,
      to: this.commit(doc, to.id),
      probability,
      leftEmpty,
    };
  }

  /** How much a member's story, without it, still wants it. */
  private ownProbability(story: Story, doc: ArticleFeatures, profile: Profile, norms: Norms) {
    const without = storyWithout(story, doc);
    return this.score(profile, norms, without, normsOf(without, this.vocab)).probability;
  }

  /** An article's similarity features against a story, and the probability it joins it. */
  private score(
    profile: Profile,
    norms: Norms,
    story: Story,
    storyNorms = this.norms.of(story),
  ): { features: number[]; probability: number } {
    const features = similarityFeatures(profile, norms, story, storyNorms, this.vocab, {
      members: story.sample,
    });
    return { features, probability: this.probability(features, profile, story) };
  }

  /**
   * Merges a small story into the story (at least as big) that pulls its members hardest,
   * when that pull reaches the merge threshold.
   */
  private mergeIntoNearest(story: Story): Merge | null {
    if (this.model.mergeThreshold > 1) return null;
    let best: { other: Story; pull: number } | null = null;
    for (const otherId of this.index.lookup(this.keysFor(story), NEAR_STORIES, (i) =>
      this.resolve(i),
    )) {
      const other = this.stories.get(otherId);
      if (!other || other === story || other.size < story.size) continue;
      const pull = this.pull(story, other, this.model.mergeThreshold);
      if (best === null || pull > best.pull) best = { other, pull };
    }
    if (best === null || best.pull < this.model.mergeThreshold) return null;
    return this.merge(story, best.other, best.pull);
  }

  /**
   * How strongly story `into` pulls story `from`: the mean probability that each of from's
   * sampled members would join it. Two halves of one event pull each other's members as
   * single reports do; a story read as one big article would not be the kind of input the
   * model was trained on. Stops once the mean can no longer reach `floor`, and then
   * returns the most it could have been.
   */
  private pull(from: Story, into: Story, floor: number): number {
    const intoNorms = this.norms.of(into);
    const n = from.sample.length;
    let sum = 0;
    for (const [i, doc] of from.sample.entries()) {
      if ((sum + n - i) / n < floor) return (sum + n - i) / n;
      const profile = profileOf(doc);
      sum += this.score(profile, normsOf(profile, this.vocab), into, intoNorms).probability;
    }
    return n === 0 ? 0 : sum / n;
  }

  /** Merges two stories; the older id (the smaller) survives. */
  private merge(a: Story, b: Story, probability: number): Merge {
    const [keep, gone] = a.id < b.id ? [a, b] : [b, a];
    absorbStory(keep, gone);
    this.stories.delete(gone.id);
    this.norms.forget(gone.id);
    this.mergedInto.set(gone.id, keep.id);
    this.dirty.add(keep.id);
    return { into: keep.id, gone: gone.id, probability };
  }

  /** The live stories changed since the last refine (small enough to re-examine). */
  private takeDirty(): Story[] {
    const ids = [...this.dirty];
    this.dirty.clear();
    const stories = new Set(ids.map((id) => this.stories.get(this.resolve(id))));
    return [...stories].filter((s): s is Story => s !== undefined && s.size <= REFINE_MAX_SIZE);
  }

  /**
   * Takes into a story the smaller stories near it that it now pulls past the thresholds:
   * a lone report past the join threshold, a fragment past the merge threshold.
   */
  private gather(story: Story, done: Refinement): void {
    for (const id of this.index.lookup(this.keysFor(story), NEAR_STORIES, (i) => this.resolve(i))) {
      const other = this.stories.get(id);
      if (!other || other === story || other.size > story.size) continue;
      const threshold = other.size === 1 ? this.model.joinThreshold : this.model.mergeThreshold;
      const pull = this.pull(other, story, threshold);
      if (other.size === 1 && pull >= this.model.joinThreshold) {
        done.moves.push(this.move(other, other.sample[0]!, story, pull));
      } else if (other.size > 1 && pull >= this.model.mergeThreshold) {
        done.merges.push(this.merge(other, story, pull));
      }
      if (!this.stories.has(story.id)) return;
    }
  }

  /** The index keys of an article or a story: its most distinctive words and entities. */
  private keysFor(p: Pick<Profile, 'terms' | 'entities'>): string[] {
    return [
      ...topKeys(p.terms, this.vocab.terms, QUERY_TERMS),
      ...topKeys(p.entities, this.vocab.entities, QUERY_ENTITIES).map((e) => `ENT:${e}`),
    ];
  }

  /** Counts an article into the word and entity document frequencies. */
  private count(doc: ArticleFeatures): void {
    this.vocab.terms.add(doc.terms.keys());
    this.vocab.entities.add(doc.entities.keys());
  }

  /** The keys an article is looked up and filed under (kept for the article just scored,
   * which commit files next, so they are ranked once). */
  private keysOf(doc: ArticleFeatures): string[] {
    if (this.lastKeys?.doc === doc) return this.lastKeys.keys;
    const keys = this.keysFor(doc);
    this.lastKeys = { doc, keys };
    return keys;
  }

  private probability(features: number[], a: Profile, b: Profile): number {
    const p = scorePair(this.model, this.columns, features);
    if (this.window === null) return p;
    const gap = publishGapDays(a, b);
    const span = joinedSpanDays(a, b);
    if (gap <= this.window && span <= this.maxSpan) return p;
    let logit = Math.log(p / (1 - p));
    if (gap > this.window) logit -= this.gapWeight * Math.log(gap / this.window);
    if (span > this.maxSpan) logit -= this.spanWeight * Math.log(span / this.maxSpan);
    return 1 / (1 + Math.exp(-logit));
  }

  /** The surviving id of a story, following merges (with path compression). */
  private resolve(id: number): number {
    let root = id;
    while (this.mergedInto.has(root)) root = this.mergedInto.get(root)!;
    let at = id;
    while (at !== root) {
      const next = this.mergedInto.get(at)!;
      this.mergedInto.set(at, root);
      at = next;
    }
    return root;
  }

  /**
   * The live, in-reach stories the index proposes for an article, most keys shared first.
   * Stories that ended over STALE_AFTER_DAYS before it leave the index.
   */
  private candidates(doc: ArticleFeatures, profile: Profile): number[] {
    return this.index.lookup(
      this.keysOf(doc),
      MAX_CANDIDATES,
      (id) => this.resolve(id),
      (id) => {
        const story = this.stories.get(id);
        if (story === undefined) return 'evict';
        if (!this.stale(profile, story)) return 'keep';
        // A story that ended long before this article is out of reach of the stream from
        // here on (news arrives roughly in publish order); one after it may yet be reached.
        return story.lastPublished !== null &&
          profile.firstPublished !== null &&
          story.lastPublished < profile.firstPublished
          ? 'evict'
          : 'skip';
      },
    );
  }

  /** Whether a story's articles are all too far in time from the article's to be its event. */
  private stale(article: Profile, story: Profile): boolean {
    return this.window !== null && publishGapDays(article, story) > STALE_AFTER_DAYS;
  }
}
