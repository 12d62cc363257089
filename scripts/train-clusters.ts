// Learns Brown word clusters from the unlabeled news in the shared data folder and writes
// them in Percy Liang's wcluster format (bitstring TAB word TAB count), for the NER tagger.
//   npx tsx scripts/train-clusters.ts [--out models/ner/clusters.tsv] [--clusters N] [--min-count N]
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DATA_DIR, ROOT } from '../src/test-support/index.js';
import { formatClusters, trainBrownClusters, type WordCluster } from './clusters/brown.js';
import { type CorpusStats, readNewsCorpus } from './clusters/corpus.js';

/** Active clusters: the most this 2-core box trains within 15 minutes on one core (measured). */
const CLUSTERS = 500;
/** Words seen fewer times get no cluster: their contexts are too few to place them. */
const MIN_COUNT = 3;
/** Words whose neighbourhoods are printed as a sanity check. */
const PROBES = ['Germany', 'Clinton', 'Reuters', 'Monday', 'shares', 'London', 'Yeltsin',
  'percent', 'said', 'Bank'];
/** Prefix length compared in the sanity check. */
const PROBE_BITS = 10;

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'models/ner/clusters.tsv' },
    clusters: { type: 'string', default: String(CLUSTERS) },
    'min-count': { type: 'string', default: String(MIN_COUNT) },
  },
});
const out = resolve(ROOT, values.out);
const clusters = Number(values.clusters);
const minCount = Number(values['min-count']);

const started = Date.now();
const stats: CorpusStats = {};
const sentences = [...readNewsCorpus(DATA_DIR, stats)];
const tokens = Object.values(stats).reduce((n, s) => n + s.tokens, 0);
for (const [file, s] of Object.entries(stats)) {
  process.stderr.write(`${file}: ${s.docs} docs, ${s.tokens} tokens\n`);
}
process.stderr.write(`corpus: ${tokens} tokens in ${sentences.length} paragraphs\n`);

const result = trainBrownClusters(sentences, {
  clusters,
  minCount,
  onProgress: (placed, total) => {
    const secs = ((Date.now() - started) / 1000).toFixed(0);
    process.stderr.write(`  ${placed}/${total} words placed, ${secs}s\n`);
  },
});
const seconds = (Date.now() - started) / 1000;

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, formatClusters(result));
const mb = statSync(out).size / 1e6;
process.stdout.write(
  `Brown clusters: C=${clusters}, min count ${minCount}, ${result.length} words, ` +
    `${tokens} tokens, ${seconds.toFixed(0)} s, ${out} (${mb.toFixed(2)} MB)\n`,
);
process.stdout.write(formatProbes(result));

/** For each probe, up to 8 frequent words sharing its PROBE_BITS-bit prefix. */
function formatProbes(words: readonly WordCluster[]): string {
  const lines: string[] = [];
  for (const probe of PROBES) {
    const own = words.find((w) => w.word === probe);
    if (!own) {
      lines.push(`${probe}: (not in vocabulary)`);
      continue;
    }
    const prefix = own.bits.slice(0, PROBE_BITS);
    const near = words
      .filter((w) => w.word !== probe && w.bits.startsWith(prefix))
      .sort((a, b) => b.count - a.count)
      .slice(0, 8)
      .map((w) => w.word);
    lines.push(`${probe} [${own.bits}] ${prefix}: ${near.join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}
