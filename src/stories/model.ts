// The learned combination of similarity features: a logistic regression whose output is
// the probability that an article belongs to a story, with the join and merge thresholds
// chosen by the same training run (scripts/train-stories.ts). Stored as small JSON.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { modelPath } from '../core/paths.js';
import { FEATURE_NAMES, type FeatureName } from './similarity.js';

/** Weights over named similarity features, and the thresholds that turn them into moves. */
export interface StoryModel {
  features: FeatureName[];
  weights: number[];
  bias: number;
  /** An article joins its best story when the probability reaches this; else it starts one. */
  joinThreshold: number;
  /** A story merges into another when that one pulls its members (the mean probability
   * that each would join it) this hard; above 1, never. */
  mergeThreshold: number;
}

const modelSchema = z.object({
  features: z.array(z.enum(FEATURE_NAMES)),
  weights: z.array(z.number()),
  bias: z.number(),
  joinThreshold: z.number(),
  mergeThreshold: z.number(),
});

/** Where the committed story model lives. */
export function defaultStoryModelPath(): string {
  return modelPath('stories', 'model.json');
}

/** Reads a story model file (the committed one by default). */
export function loadStoryModel(path = defaultStoryModelPath()): StoryModel {
  const model = modelSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  if (model.weights.length !== model.features.length) {
    throw new Error(
      `stories: model ${path} has ${model.weights.length} weights for ${model.features.length} features`,
    );
  }
  return model;
}

/** Positions of a model's features within the full FEATURE_NAMES vector. */
export function featureColumns(model: Pick<StoryModel, 'features'>): number[] {
  return model.features.map((name) => FEATURE_NAMES.indexOf(name));
}

/** The model's probability that the full feature vector `x` is a same-story pair. */
export function scorePair(
  model: StoryModel,
  columns: readonly number[],
  x: readonly number[],
): number {
  let z = model.bias;
  for (let i = 0; i < columns.length; i++) z += model.weights[i]! * x[columns[i]!]!;
  return 1 / (1 + Math.exp(-z));
}
