// Stories: articles about one event, grouped as they arrive, with what a reader wants of
// them. Wire copies are found first (near-duplicates); the clusterer places each article
// with a learned model (models/stories/); the rest reads a loaded story (view.ts): its
// timeline, its speakers, its claims compared across sources, what changed since a time.
// Pure: everything here works on values the pipeline hands in.
export {
  type ClaimRow,
  type ClaimsTable,
  compareClaims,
  type Quantity,
  type StoryClaim,
  type SubjectArea,
} from './claims-compare.js';
export {
  type ClustererOptions,
  type Merge,
  type Move,
  type Placement,
  type Refinement,
  StoryClusterer,
} from './clusterer.js';
export { type ArticleFeatures, articleFeatures, type FeatureArticle } from './features.js';
export { storyDetail } from './detail.js';
export { defaultStoryModelPath, loadStoryModel, type StoryModel } from './model.js';
export { type AddResult, NearDuplicateIndex } from './near-duplicates.js';
export { type ClusterScores, scoreClustering } from './score.js';
export { type LabeledRow, parseLabeledJsonl } from './labeled-jsonl.js';
export { changesSince, type StoryChanges } from './since.js';
export { type SpeakerEntry, speakerIndex, speakersByOutlet } from './speaker-index.js';
export type { Story } from './story.js';
export { groupThreads, type Thread } from './threads.js';
export {
  buildTimeline,
  type TimelineEntry,
  type TimelineKind,
  type TimelineOptions,
  timelineLabel,
} from './timeline.js';
export { type StoryArticle, type StoryView, seenAt, sentenceAround } from './view.js';
export { renderReport, storyClaims } from './report.js';
