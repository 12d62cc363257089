// Online story clustering: each article joins the most likely existing story or starts a
// new one, and two stories merge once they converge. Pure computation over ArticleFeatures
// (no I/O); the caller persists the placements it returns.
//
// Ids are stable: a story keeps its id as it grows, and when two merge the older id (the
// smaller) survives. Publish-time proximity uses publish times, never arrival order, so
// articles that arrive late land where their time and content put them.
import { CandidateIndex } from './candidate-index.js';
import { DocumentFrequencies } from './document-frequencies.js';
import type { ArticleFeatures } from './features.js';
import { featureColumns, scorePair, type StoryModel } from './model.js';
import {
  type Norms,
  normsOf,
  publishGapDays,
  similarityFeatures,
  type Vocabularies,
} from './similarity.js';
import {
  absorbStory,
  joinStory,
  type Profile,
  profileOf,
  type Story,
  startStory,
  topKeys,
} from './story.js';

/** An article's most distinctive words that the index is asked about (and files it under). */
const QUERY_TERMS = 12;
/** Entities asked about per article: a story is rarely about more named things than this. */
const QUERY_ENTITIES = 8;
/** Stories fully scored per article: enough that the right one is almost always among them. */
const MAX_CANDIDATES = 20;
/** IDF drift (share of new articles) after which a story's cached norms are recomputed. */
const NORM_REFRESH = 0.1;
/** A story is checked for merging with the new article's runner-up stories above this share of the join threshold. */
const MERGE_CONSIDER = 0.5;

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
}

/** A candidate story with its similarity features and probability for one article. */
export interface ScoredStory {
  storyId: number;
  features: number[];
  probability: number;
}

/** Where an article went: its story, the probability it joined with (0 when it started
 * the story), and the stories merged into that one as a result. */
export interface Placement {
  storyId: number;
  probability: number;
  merged: number[];
}

/** News rarely stays one event across a month without articles in between. */
const DEFAULT_PUBLISH_WINDOW_DAYS = 30;
/** Two e-folds past the window (about 7 months) cost about as much as no shared dates. */
const DEFAULT_PUBLISH_GAP_WEIGHT = 1;

/** Online story clustering over a stream of articles. */
export class StoryClusterer {
  private readonly model: StoryModel;
  private readonly columns: number[];
  private readonly window: number | null;
  private readonly gapWeight: number;
  private readonly vocab: Vocabularies = {
    terms: new DocumentFrequencies(),
    entities: new DocumentFrequencies(),
  };
  private readonly index = new CandidateIndex();
  private readonly stories = new Map<number, Story>();
  private readonly mergedInto = new Map<number, number>();
  private readonly articleStory = new Map<string, number>();
  private readonly normCache = new Map<number, { version: number; docs: number; norms: Norms }>();
  private nextId = 1;

  constructor(opts: ClustererOptions) {
    this.model = opts.model;
    this.columns = featureColumns(opts.model);
    this.window =
      opts.publishWindowDays === undefined ? DEFAULT_PUBLISH_WINDOW_DAYS : opts.publishWindowDays;
    this.gapWeight = opts.publishGapWeight ?? DEFAULT_PUBLISH_GAP_WEIGHT;
  }

  /** Places one article: joins the best story or starts one, then merges converged stories. */
  add(doc: ArticleFeatures): Placement {
    const scored = this.scoreCandidates(doc);
    const best = scored.reduce<ScoredStory | null>(
      (b, s) => (b === null || s.probability > b.probability ? s : b),
      null,
    );
    const joins = best !== null && best.probability >= this.model.joinThreshold;
    const storyId = this.commit(doc, joins ? best.storyId : null);
    const merged = this.mergeNeighbours(storyId, scored);
    return { storyId: this.resolve(storyId), probability: joins ? best.probability : 0, merged };
  }

  /**
   * Counts the article into the stream's statistics and scores its candidate stories. Used
   * by add, and by training to see the features of each candidate (then commit).
   */
  scoreCandidates(doc: ArticleFeatures): ScoredStory[] {
    this.vocab.terms.add(doc.terms.keys());
    this.vocab.entities.add(doc.entities.keys());
    const profile = profileOf(doc);
    const norms = normsOf(profile, this.vocab);
    const out: ScoredStory[] = [];
    for (const storyId of this.index.lookup(this.keysOf(doc), MAX_CANDIDATES, (id) =>
      this.resolve(id),
    )) {
      const story = this.stories.get(storyId)!;
      const features = similarityFeatures(profile, norms, story, this.normsOf(story), this.vocab, {
        members: story.sample,
      });
      out.push({ storyId, features, probability: this.probability(features, profile, story) });
    }
    return out;
  }

  /** Puts an already scored article into a story (null: a new one); returns the story id. */
  commit(doc: ArticleFeatures, storyId: number | null): number {
    let story = storyId === null ? undefined : this.stories.get(this.resolve(storyId));
    if (story) joinStory(story, doc);
    else {
      story = startStory(this.nextId++, doc);
      this.stories.set(story.id, story);
    }
    this.articleStory.set(doc.id, story.id);
    this.index.add(story.id, this.keysOf(doc));
    return story.id;
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

  private keysOf(doc: ArticleFeatures): string[] {
    return [
      ...topKeys(doc.terms, this.vocab.terms, QUERY_TERMS),
      ...topKeys(doc.entities, this.vocab.entities, QUERY_ENTITIES).map((e) => `ENT:${e}`),
    ];
  }

  private probability(features: number[], a: Profile, b: Profile): number {
    const p = scorePair(this.model, this.columns, features);
    if (this.window === null) return p;
    const gap = publishGapDays(a, b);
    if (gap <= this.window) return p;
    const logit = Math.log(p / (1 - p)) - this.gapWeight * Math.log(gap / this.window);
    return 1 / (1 + Math.exp(-logit));
  }

  /**
   * After an article joins a story, the other stories it nearly joined may now be the same
   * event: merge each whose profile, read as one article, clears the merge threshold.
   */
  private mergeNeighbours(storyId: number, scored: readonly ScoredStory[]): number[] {
    const merged: number[] = [];
    const floor = this.model.joinThreshold * MERGE_CONSIDER;
    for (const other of scored) {
      const here = this.stories.get(this.resolve(storyId))!;
      const there = this.stories.get(this.resolve(other.storyId));
      if (!there || there === here || other.probability < floor) continue;
      const features = similarityFeatures(
        there,
        this.normsOf(there),
        here,
        this.normsOf(here),
        this.vocab,
      );
      if (this.probability(features, there, here) < this.model.mergeThreshold) continue;
      const [keep, gone] = here.id < there.id ? [here, there] : [there, here];
      absorbStory(keep, gone);
      this.stories.delete(gone.id);
      this.normCache.delete(gone.id);
      this.mergedInto.set(gone.id, keep.id);
      merged.push(gone.id);
    }
    return merged;
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

  private normsOf(story: Story): Norms {
    const docs = this.vocab.terms.documents;
    const cached = this.normCache.get(story.id);
    if (cached && cached.version === story.version && docs <= cached.docs * (1 + NORM_REFRESH)) {
      return cached.norms;
    }
    const norms = normsOf(story, this.vocab);
    this.normCache.set(story.id, { version: story.version, docs, norms });
    return norms;
  }
}
