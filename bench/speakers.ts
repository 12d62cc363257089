// Direct quotes and their speakers in the Gender Gap Tracker's style, on news from outlets
// sitrep was not built on: 40 open-news articles (Wikinews, GUM, Global Voices) with every
// quoted stretch of speech annotated by hand (bench/gold/open-news-quotes.json, see
// bench/gold/README.md). A sitrep quote (direct, partial or mixed) finds a gold quote when
// it covers over 30% of its characters, GGT's rule; the speaker is right when the gold
// name is part of sitrep's canonical name ("Jobs" in "Steve Jobs").
//
//   npm run -s bench:speakers [-- --errors]
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeArticle } from '../src/analyze/index.js';
import { packageRoot } from '../src/core/paths.js';
import type { Quote } from '../src/core/types.js';
import { sharedModels } from '../src/pipeline/analyze.js';
import { DATA_DIR } from '../src/test-support/index.js';

interface GoldQuote {
  start: number;
  end: number;
  /** Names any of which identifies the speaker; null when the article names nobody. */
  speaker: string[] | null;
  /** The quote's first 12 hex digits of SHA-256, to catch a text that no longer matches the offsets. */
  sha256: string;
}

const GOLD = join(packageRoot(), 'bench/gold/open-news-quotes.json');
const SHOW_ERRORS = process.argv.includes('--errors');

const covers = (q: Quote, g: GoldQuote): boolean =>
  Math.min(q.content.end, g.end) - Math.max(q.content.start, g.start) > 0.3 * (g.end - g.start);

/** Of the quotes over a gold quote, the best fitting (IoU), then the most confident. */
function bestOver(found: Quote[], g: GoldQuote): Quote {
  const iou = (q: Quote) => {
    const shared = Math.min(q.content.end, g.end) - Math.max(q.content.start, g.start);
    return shared / (Math.max(q.content.end, g.end) - Math.min(q.content.start, g.start));
  };
  return found.reduce((a, b) =>
    iou(b) > iou(a) || (iou(b) === iou(a) && b.confidence > a.confidence) ? b : a,
  );
}

function main(): void {
  const gold = JSON.parse(readFileSync(GOLD, 'utf8')).articles as Record<string, GoldQuote[]>;
  const texts = new Map<string, string>();
  for (const line of readFileSync(join(DATA_DIR, 'open-news/articles.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as { id: string; text: string };
    if (a.id in gold) texts.set(a.id, a.text);
  }
  const models = sharedModels();
  const n = { gold: 0, predicted: 0, predictedRight: 0, found: 0, named: 0, speakerRight: 0 };
  for (const [id, quotes] of Object.entries(gold)) {
    const text = texts.get(id);
    if (text === undefined) throw new Error(`bench:speakers: article ${id} is not in open-news`);
    for (const g of quotes) {
      const digest = createHash('sha256').update(text.slice(g.start, g.end)).digest('hex');
      if (!digest.startsWith(g.sha256)) throw new Error(`bench:speakers: ${id} changed`);
    }
    const found = analyzeArticle({ text, published: null }, models).quotes.filter(
      (q) => q.kind !== 'indirect',
    );
    n.gold += quotes.length;
    n.predicted += found.length;
    n.predictedRight += found.filter((q) => quotes.some((g) => covers(q, g))).length;
    for (const g of quotes) {
      const over = found.filter((q) => covers(q, g));
      if (over.length === 0) {
        if (SHOW_ERRORS) console.log(`missed  ${id} ${text.slice(g.start, g.end).slice(0, 70)}`);
        continue;
      }
      n.found++;
      if (!g.speaker) continue;
      n.named++;
      const name = bestOver(over, g).speaker.name?.toLowerCase() ?? '';
      if (g.speaker.some((s) => name.includes(s.toLowerCase()))) n.speakerRight++;
      else if (SHOW_ERRORS) console.log(`speaker ${id} ${g.speaker[0]} ≠ ${name || 'none'}`);
    }
  }
  const precision = n.predictedRight / n.predicted;
  const recall = n.found / n.gold;
  const round = (x: number) => Math.round(x * 10000) / 10000;
  const result = {
    quote_f1: round((2 * precision * recall) / (precision + recall)),
    quote_precision: round(precision),
    quote_recall: round(recall),
    speaker_accuracy: round(n.speakerRight / n.named),
    gold_quotes: n.gold,
    predicted_quotes: n.predicted,
    speakers_judged: n.named,
    articles: Object.keys(gold).length,
  };
  console.log(
    `open-news, ${result.articles} articles: quote F1 ${result.quote_f1} ` +
      `(P ${result.quote_precision}, R ${result.quote_recall}); speakers right ` +
      `${n.speakerRight} of ${n.named} (${result.speaker_accuracy})`,
  );
  console.log(JSON.stringify(result));
}

main();
