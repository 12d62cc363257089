// Clustering quality as ../shared/data/README.md scores it: pairwise precision, recall and
// F1 over all article pairs (same predicted story vs same gold cluster), and B-cubed F1.

/** Pair counts, kept so folds can be pooled before F1 is taken. */
export interface PairCounts {
  /** Pairs in one predicted story and one gold cluster. */
  both: number;
  predicted: number;
  gold: number;
}

/** Clustering scores over one set of articles. */
export interface ClusterScores {
  pairwise_f1: number;
  pairwise_precision: number;
  pairwise_recall: number;
  b3_f1: number;
}

/** Pair counts of a predicted and a gold labelling of the same articles (parallel arrays). */
export function countPairs(predicted: readonly string[], gold: readonly string[]): PairCounts {
  const pairs = (sizes: Iterable<number>) => {
    let n = 0;
    for (const s of sizes) n += (s * (s - 1)) / 2;
    return n;
  };
  return {
    both: pairs(tally(predicted.map((p, i) => `${p}\u0000${gold[i]}`)).values()),
    predicted: pairs(tally(predicted).values()),
    gold: pairs(tally(gold).values()),
  };
}

/** Adds pair counts (pooling folds). */
export function addPairs(a: PairCounts, b: PairCounts): PairCounts {
  return { both: a.both + b.both, predicted: a.predicted + b.predicted, gold: a.gold + b.gold };
}

/** Pairwise precision, recall and F1 from pair counts. */
export function pairwiseScores(c: PairCounts): { precision: number; recall: number; f1: number } {
  const precision = c.predicted === 0 ? 1 : c.both / c.predicted;
  const recall = c.gold === 0 ? 1 : c.both / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** B-cubed F1: per article, the share of its predicted story that shares its gold cluster, and back. */
export function bcubedF1(predicted: readonly string[], gold: readonly string[]): number {
  const joint = tally(predicted.map((p, i) => `${p}\u0000${gold[i]}`));
  const pSize = tally(predicted);
  const gSize = tally(gold);
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < predicted.length; i++) {
    const overlap = joint.get(`${predicted[i]}\u0000${gold[i]}`)!;
    precision += overlap / pSize.get(predicted[i]!)!;
    recall += overlap / gSize.get(gold[i]!)!;
  }
  precision /= predicted.length || 1;
  recall /= predicted.length || 1;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Every score for one labelling. */
export function scoreClustering(
  predicted: readonly string[],
  gold: readonly string[],
): ClusterScores {
  const pw = pairwiseScores(countPairs(predicted, gold));
  return {
    pairwise_f1: pw.f1,
    pairwise_precision: pw.precision,
    pairwise_recall: pw.recall,
    b3_f1: bcubedF1(predicted, gold),
  };
}

function tally(labels: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return counts;
}
