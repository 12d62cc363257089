// The IDF-weighted vector norms of stories, cached: every candidate scoring divides by them,
// and recomputing one costs the story's whole vocabulary. An entry is reused while its story
// is unchanged and the IDF has not drifted far; a big story's entry is updated in place as
// articles join.
import type { DocumentFrequencies } from './document-frequencies.js';
import { type Norms, normsOf, type Vocabularies } from './similarity.js';
import type { Profile, Story } from './story.js';

/** IDF drift (share of new articles) after which a story's cached norms are recomputed. */
const NORM_REFRESH = 0.1;
/** Stories this big update their norms as articles join; smaller ones recompute them, which
 * is cheap for them and reads the IDF as it is now (early in a stream it moves fast). */
const INCREMENTAL_NORMS_FROM = 48;

interface Entry {
  version: number;
  docs: number;
  norms: Norms;
}

/** Norms of one clusterer's stories under its vocabularies. */
export class StoryNorms {
  private readonly cache = new Map<number, Entry>();

  constructor(private readonly vocab: Vocabularies) {}

  /** A story's norms: cached while it is unchanged and the IDF has drifted less than 10%. */
  of(story: Story): Norms {
    const docs = this.vocab.terms.documents;
    const cached = this.cache.get(story.id);
    if (cached && cached.version === story.version && docs <= cached.docs * (1 + NORM_REFRESH)) {
      return cached.norms;
    }
    const norms = normsOf(story, this.vocab);
    this.cache.set(story.id, { version: story.version, docs, norms });
    return norms;
  }

  /**
   * Runs `join` (an article joining the story) and keeps a big story's fresh entry fresh
   * by adding the article's share (O(article), where a recompute is O(story vocabulary)).
   */
  joining(story: Story, add: Profile, join: () => void): void {
    const cached = this.cache.get(story.id);
    const fresh = story.size >= INCREMENTAL_NORMS_FROM && cached?.version === story.version;
    if (fresh) {
      cached.norms = {
        terms: grown(story.terms, add.terms, this.vocab.terms, cached.norms.terms),
        entities: grown(story.entities, add.entities, this.vocab.entities, cached.norms.entities),
      };
    }
    join();
    if (fresh) cached.version = story.version;
  }

  /** Drops a story that is gone (merged away or left empty). */
  forget(storyId: number): void {
    this.cache.delete(storyId);
  }
}

/** The norm of `into` once `from` is added to it, from its current norm `n`. */
function grown(
  into: Map<string, number>,
  from: Map<string, number>,
  df: DocumentFrequencies,
  n: number,
): number {
  let sq = n * n;
  for (const [k, v] of from) {
    const old = into.get(k) ?? 0;
    const idf = df.idf(k);
    sq += (2 * old * v + v * v) * idf * idf;
  }
  return Math.sqrt(Math.max(sq, 0));
}
