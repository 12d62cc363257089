// Running the analyzers over stored articles. Work is picked by analyzer version, so an
// interrupted run resumes where it stopped and a new version re-runs only older rows.
import {
  ANALYZER_VERSION,
  type AnalyzeModels,
  analyzeArticle,
  loadCueModel,
  loadNerModel,
} from '../analyze/index.js';
import type { Annotations } from '../core/types.js';
import type { Store } from '../store/index.js';
import type { PipelineContext } from './context.js';

const NOTHING: Annotations = { entities: [], quotes: [], claims: [], times: [] };

/** Articles analyzed per transaction. */
const ANALYZE_BATCH = 200;

let models: AnalyzeModels | undefined;

/** The committed entity tagger and cue detector, loaded once per process on first use. */
export function sharedModels(): AnalyzeModels {
  models ??= { ner: loadNerModel(), cues: loadCueModel() };
  return models;
}

/**
 * Analyzes every article whose annotations are missing or from another analyzer version.
 * An article the analyzers fail on is logged and stamped with empty annotations, so one bad
 * text neither stops the batch nor comes back on every run.
 */
export async function analyzePending(
  ctx: Pick<PipelineContext, 'store' | 'onProgress'> & Partial<Pick<PipelineContext, 'log'>>,
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
        let found = NOTHING;
        try {
          found = analyzeArticle(article, models);
        } catch (err) {
          ctx.log?.error(
            { err, article: article.id },
            'analysis failed; stored with no annotations',
          );
        }
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
