// Analysis speed on one core over PolNeAR's 1,012 articles, stage by stage, measured in
// the same run as the rest of bench:ingest. Pure analysis: no store, no I/O in the loop.
import { readFileSync } from 'node:fs';
import {
  analyzeArticle,
  claimAttributions,
  findAttributedQuotes,
  findClaims,
  findEntityMentions,
  findTimes,
  loadCueModel,
  loadNerModel,
  resolveEntities,
} from '../src/analyze/index.js';

export interface StageTimes {
  articles: number;
  articles_per_s: number;
  ms_per_article: { ner: number; quotes: number; times: number; claims: number; all: number };
}

/** Each stage alone, then analyzeArticle whole; the second of two passes counts (JIT warm). */
export function analyzeStages(jsonl: string): StageTimes {
  const articles = readFileSync(jsonl, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; publication_date?: string; publisher?: string });
  const ner = loadNerModel();
  const cues = loadCueModel();
  let ms = { ner: 0, quotes: 0, times: 0, claims: 0, all: 0 };
  for (let pass = 0; pass < 2; pass++) {
    ms = { ner: 0, quotes: 0, times: 0, claims: 0, all: 0 };
    for (const a of articles) {
      const reference = a.publication_date ? new Date(a.publication_date) : null;
      let t = performance.now();
      const entities = resolveEntities(a.text, findEntityMentions(ner, a.text));
      ms.ner += performance.now() - t;
      t = performance.now();
      const quotes = findAttributedQuotes(a.text, entities, cues);
      ms.quotes += performance.now() - t;
      t = performance.now();
      const times = findTimes(a.text, { reference });
      ms.times += performance.now() - t;
      t = performance.now();
      const attributions = claimAttributions(quotes);
      findClaims(a.text, { attributions, times, reference, outlet: a.publisher ?? null });
      ms.claims += performance.now() - t;
      t = performance.now();
      analyzeArticle(
        { text: a.text, published: a.publication_date ?? null, site: a.publisher },
        { ner, cues },
      );
      ms.all += performance.now() - t;
    }
  }
  const per = (x: number) => Math.round((x / articles.length) * 100) / 100;
  return {
    articles: articles.length,
    articles_per_s: Math.round((articles.length / ms.all) * 1000 * 10) / 10,
    ms_per_article: {
      ner: per(ms.ner),
      quotes: per(ms.quotes),
      times: per(ms.times),
      claims: per(ms.claims),
      all: per(ms.all),
    },
  };
}
