// Stories: online clustering of articles into stories about one event. Features are read
// from an article once (features.ts, which runs the entity and time analyzers); the
// clusterer is pure computation over them, with a learned model (models/stories/).
export { type ClustererOptions, type Placement, StoryClusterer } from './clusterer.js';
export { type ArticleFeatures, extractFeatures, featuresFromAnnotations } from './features.js';
export { defaultStoryModelPath, loadStoryModel, type StoryModel } from './model.js';
export { type ClusterScores, scoreClustering } from './score.js';
export type { Story } from './story.js';
