// Running the analyzers over stored articles. Work is picked by analyzer version, so an
// interrupted run resumes where it stopped and a new version re-runs only older rows.
import {
  ANALYZER_VERSION,
  type AnalyzeModels,
  analyzeArticle,
  loadCueModel,
  loadNerModel,
} from '../analyze/index.js';
import type { Store } from '../store/index.js';
import type { PipelineContext } from './context.js';

/** Articles analyzed per transaction. */
const ANALYZE_BATCH = 200;

let models: AnalyzeModels | undefined;

/** The committed entity tagger, loaded once per process on first use. */
export function sharedModels(): AnalyzeModels {
  models ??= { ner: loadNerModel(), cues: loadCueModel() };
  return models;
}

/** Analyzes every article whose annotations are missing or from another analyzer version. */
export async function analyzePending(
  ctx: Pick<PipelineContext, 'store' | 'onProgress'>,
): Promise<number> {
  const { store } = ctx;
  const total = await countPending(store);
  let done = 0;
  for (;;) {
    const ids = await store.articles.idsNeedingAnalysis(ANALYZER_VERSION, ANALYZE_BATCH);
    if (ids.length === 0) return done;
    const models = sharedModels();
    const articles = await store.articles.getMany(ids);
    await store.transaction(async (repos) => {
      for (const article of articles) {
        const found = analyzeArticle(article, models);
        await repos.annotations.replace(article.id, ANALYZER_VERSION, found);
      }
    });
    done += ids.length;
    ctx.onProgress?.({ phase: 'analyze', done, total });
  }
}

async function countPending(store: Store): Promise<number> {
  const stats = await store.stats();
  return stats.articles - stats.analyzedArticles;
}
