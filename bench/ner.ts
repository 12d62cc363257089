// Named-entity tagging quality and speed on a CoNLL-2003 file (word POS chunk NER, IOB1 or
// IOB2), with the committed model. Only the words are read: the tagger never sees the POS
// and chunk columns, as on raw text. Documents are tagged whole, as sitrep tags articles.
// Prints conlleval-style scores, then one JSON line with the INTERFACES.md fields.
//
//   npm run -s bench:ner -- FILE [--model PATH]
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseConll, scoreEntities } from '../src/analyze/ner/conll.js';
import { defaultModelPath, loadNerModel } from '../src/analyze/ner/model.js';
import { tagTokens } from '../src/analyze/ner/tagger.js';
import { DATA_DIR } from '../src/test-support/index.js';

/** Timed passes over the file after one warm-up; the best is reported (least noise). */
const TIMED_RUNS = 3;

const argv = process.argv.slice(2);
let file = join(DATA_DIR, 'conll2003/valid.txt');
let modelPath = defaultModelPath();
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--model') modelPath = resolve(argv[++i] ?? modelPath);
  else file = resolve(argv[i]!);
}

const docs = parseConll(readFileSync(file, 'utf8'));
const t0 = performance.now();
const model = loadNerModel(modelPath);
const loadMs = performance.now() - t0;
const inputs = docs.map((d) => d.sentences.map((s) => s.words));
const tokens = inputs.reduce((n, d) => n + d.reduce((m, s) => m + s.length, 0), 0);

let predicted = inputs.map((d) => tagTokens(model, d));
let bestMs = Number.POSITIVE_INFINITY;
for (let run = 0; run < TIMED_RUNS; run++) {
  const start = performance.now();
  predicted = inputs.map((d) => tagTokens(model, d));
  bestMs = Math.min(bestMs, performance.now() - start);
}

const gold = docs.flatMap((d) => d.sentences.map((s) => s.labels));
const score = scoreEntities(gold, predicted.flat());
const round = (x: number): number => Math.round(x * 100) / 100;
const perType = Object.fromEntries(
  Object.entries(score.perType).map(([t, p]) => [
    t,
    { f1: round(p.f1), precision: round(p.precision), recall: round(p.recall) },
  ]),
);
console.log(`file: ${file} (${docs.length} documents, ${tokens} tokens)`);
console.log(`model: ${modelPath}, loaded in ${loadMs.toFixed(0)} ms`);
for (const [t, p] of Object.entries(perType)) {
  console.log(
    `${t.padEnd(5)} precision ${p.precision.toFixed(2)}  recall ${p.recall.toFixed(2)}  F1 ${p.f1.toFixed(2)}`,
  );
}
console.log(
  JSON.stringify({
    f1: round(score.f1),
    precision: round(score.precision),
    recall: round(score.recall),
    tokens_per_s: Math.round((tokens / bestMs) * 1000),
    per_type: perType,
    tokens,
    model_bytes: statSync(modelPath).size,
    load_ms: Math.round(loadMs),
  }),
);
