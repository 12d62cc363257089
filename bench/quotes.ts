// Quote attribution quality on a PolNeAR split folder (text/, attributions/), scored as
// ../shared/data/README.md says (see src/analyze/quotes/score.ts for the exact rules).
// It runs sitrep's attribution finder (src/analyze/quotes) on the text alone: the Content
// scored is each attribution's whole reported clause (a partial quote's clause, not just its
// quoted words), and the Source is the source phrase in the text. `--baseline` runs the
// simple baseline finder instead, for comparison.
// Prints a per-kind breakdown, then one JSON line with the INTERFACES.md fields.
//
//   npm run -s bench:quotes -- DIR        (default: $SITREP_DATA/polnear/dev)
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findQuotesBaseline } from '../src/analyze/quotes/baseline.js';
import { findAttributions, loadCueModel } from '../src/analyze/quotes/index.js';
import { loadPolnearSplit } from '../src/analyze/quotes/polnear.js';
import { toRelations } from '../src/analyze/quotes/relations.js';
import {
  addCounts,
  attributionMetrics,
  emptyCounts,
  matchArticle,
  normalizeSpans,
  type QuoteKind,
  quoteKind,
  sharedChars,
  type ScoredAttribution,
} from '../src/analyze/quotes/score.js';
import { DATA_DIR } from '../src/test-support/index.js';
import { scoreSpeakerNames } from './speaker-names.js';

const BASELINE = process.argv.includes('--baseline');
/** `--lexicon` runs the curated cue lexicon and its rules instead of the learned cue model. */
const CUE_MODEL = process.argv.includes('--lexicon') ? null : loadCueModel();

/** The attributions to score, as relations (see src/analyze/quotes/relations.ts). */
function predict(text: string): ScoredAttribution[] {
  if (BASELINE) return findQuotesBaseline(text);
  return toRelations(findAttributions(text, CUE_MODEL));
}

function main(): void {
  const dir = resolve(
    process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(DATA_DIR, 'polnear/dev'),
  );
  if (!existsSync(join(dir, 'attributions'))) {
    console.error(
      `bench:quotes: no PolNeAR split at ${dir} (needs text/ and attributions/); skipping`,
    );
    process.exitCode = 1;
    return;
  }
  const t0 = performance.now();
  const articles = loadPolnearSplit(dir);
  const total = emptyCounts();
  const kinds: Record<
    QuoteKind,
    { gold: number; found: number; sourceOk: number; withSource: number }
  > = {
    direct: { gold: 0, found: 0, sourceOk: 0, withSource: 0 },
    mixed: { gold: 0, found: 0, sourceOk: 0, withSource: 0 },
    indirect: { gold: 0, found: 0, sourceOk: 0, withSource: 0 },
  };
  const errors = {
    missed: { direct: 0, mixed: 0, indirect: 0 } as Record<QuoteKind, number>,
    spurious: 0,
    noSourcePredicted: 0,
    sourceBoundary: 0,
    sourceElsewhere: 0,
  };
  let analyzeMs = 0;
  for (const a of articles) {
    const t = performance.now();
    const pred = predict(a.text);
    analyzeMs += performance.now() - t;
    const m = matchArticle(a.attributions, pred);
    addCounts(total, m.counts);
    const usedPred = new Set(m.goldToPred.filter((p) => p >= 0));
    errors.spurious += pred.length - usedPred.size;
    a.attributions.forEach((g, i) => {
      const kind = quoteKind(a.text, g.content);
      const k = kinds[kind];
      k.gold++;
      const p = m.goldToPred[i]!;
      if (p < 0) {
        errors.missed[kind]++;
        return;
      }
      k.found++;
      if (g.source && normalizeSpans(g.source).length) {
        k.withSource++;
        const ps = pred[p]!.source;
        if (m.sourceOk[i]) k.sourceOk++;
        else if (!ps) errors.noSourcePredicted++;
        else if (sharedChars(normalizeSpans(g.source), normalizeSpans(ps)) > 0)
          errors.sourceBoundary++;
        else errors.sourceElsewhere++;
      }
    });
  }
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '-');
  const finder = BASELINE
    ? 'baseline'
    : CUE_MODEL
      ? 'sitrep (learned cues)'
      : 'sitrep (cue lexicon)';
  console.log(`quote finder: ${finder}`);
  console.log(`split: ${dir} (${articles.length} articles)`);
  console.log('gold kind   gold  content found (overlap)  source right | content found');
  for (const [name, k] of Object.entries(kinds)) {
    console.log(
      `${name.padEnd(9)} ${String(k.gold).padStart(6)}  ${String(k.found).padStart(6)} ${pct(k.found, k.gold).padStart(7)}           ${pct(k.sourceOk, k.withSource).padStart(7)}`,
    );
  }
  const missed = errors.missed;
  console.log(
    `missed: ${missed.direct} direct, ${missed.mixed} mixed, ${missed.indirect} indirect; spurious: ${errors.spurious}`,
  );
  console.log(
    `wrong source on a matched content: ${errors.noSourcePredicted} none predicted, ${errors.sourceBoundary} overlapping but cut wrong (under half), ${errors.sourceElsewhere} another phrase (a pronoun for a name, the wrong person)`,
  );
  const names = BASELINE ? null : scoreSpeakerNames(articles, CUE_MODEL);
  if (names) {
    console.log(
      `speaker names on direct quotes (GGT's measure): ${names.found} of ${names.direct_quotes_with_named_source} quotes with a named gold source found, names right ${(100 * names.speaker_name_accuracy).toFixed(1)}%`,
    );
  }
  console.log(
    JSON.stringify({
      finder,
      ...attributionMetrics(total),
      ...(names ?? {}),
      articles: articles.length,
      gold_attributions: total.contentExact.gold,
      predicted: total.contentExact.pred,
      analyze_ms: Math.round(analyzeMs),
      total_ms: Math.round(performance.now() - t0),
    }),
  );
}

main();
