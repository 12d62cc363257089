// Speed and output fingerprint of the named-entity tagger: findEntityMentions over every
// PolNeAR article and tagTokens over CoNLL-2003 valid.txt. The fingerprint (sha256 of the
// JSON of all outputs) must not change when the tagger only gets faster.
//
//   npx tsc -p tsconfig.bench.json && node .bench-build/scripts/ner-speed.js
//       [--rounds N] [--warm] [--compare DIR [--baseline-last]]
//
// Every timed round loads the model afresh, so the tagger's caches of words start empty as
// on new text, not holding the words of the round before; --warm keeps one model instead,
// for the speed on text whose words the tagger has seen.
//
// --compare DIR also loads another compiled copy of src/analyze/ner (e.g. a snapshot of the
// build before a change: cp -r .bench-build/src .bench-build/baseline) and alternates the
// two round by round, so that load from other processes on the machine hits both alike;
// it prints the median of each and their ratio. Whichever copy is loaded second ran a few
// percent slower in tests on the same code, so the baseline is loaded first (the ratio errs
// low) unless --baseline-last.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DATA_DIR } from '../src/test-support/index.js';

type NerModule = typeof import('../src/analyze/ner/index.js');

interface Implementation {
  name: string;
  ner: NerModule;
  model: ReturnType<NerModule['loadNerModel']>;
  /** Polnear ms per article, one entry per timed round. */
  articleMs: number[];
  /** CoNLL valid ms for the whole file, one entry per timed round. */
  conllMs: number[];
  fingerprint: string;
}

const argv = process.argv.slice(2);
let rounds = 5;
let compareDir: string | null = null;
let baselineLast = false;
let warm = false;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--rounds') rounds = Number(argv[++i]);
  else if (argv[i] === '--compare') compareDir = resolve(argv[++i]!);
  else if (argv[i] === '--baseline-last') baselineLast = true;
  else if (argv[i] === '--warm') warm = true;
}

const articles = readFileSync(join(DATA_DIR, 'polnear/articles.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { text: string }).text);

async function load(name: string, moduleUrl: string): Promise<Implementation> {
  const ner = (await import(moduleUrl)) as NerModule;
  const model = ner.loadNerModel();
  return { name, ner, model, articleMs: [], conllMs: [], fingerprint: '' };
}

const urls: [string, string | null][] = [
  ['baseline', compareDir && pathToFileURL(join(compareDir, 'analyze/ner/index.js')).href],
  ['current', new URL('../src/analyze/ner/index.js', import.meta.url).href],
];
if (baselineLast) urls.reverse();
const loaded: Implementation[] = [];
for (const [name, url] of urls) if (url) loaded.push(await load(name, url));
const current = loaded.find((impl) => impl.name === 'current')!;
const baseline = loaded.find((impl) => impl.name === 'baseline');
/** Each round runs the baseline, then the current code. */
const impls = baseline ? [baseline, current] : [current];

const conllDocs = current.ner.parseConll(
  readFileSync(join(DATA_DIR, 'conll2003/valid.txt'), 'utf8'),
);
const conllInputs = conllDocs.map((d) => d.sentences.map((s) => s.words));
const conllTokens = conllInputs.reduce((n, d) => n + d.reduce((m, s) => m + s.length, 0), 0);
const articleTokens = articles.reduce(
  (n, text) => n + current.ner.tokenizeText(text).reduce((m, s) => m + s.length, 0),
  0,
);

/** One pass over both corpora; records times and returns the outputs. */
function pass(impl: Implementation, timed: boolean): unknown {
  if (timed && !warm) {
    impl.model = impl.ner.loadNerModel();
    // Builds whatever the tagger builds once per model, which loading would otherwise pay.
    impl.ner.findEntityMentions(impl.model, 'Warm up.');
  }
  const t0 = performance.now();
  const mentions = articles.map((text) => impl.ner.findEntityMentions(impl.model, text));
  const t1 = performance.now();
  const tags = conllInputs.map((doc) => impl.ner.tagTokens(impl.model, doc));
  const t2 = performance.now();
  if (timed) {
    impl.articleMs.push((t1 - t0) / articles.length);
    impl.conllMs.push(t2 - t1);
  }
  return { mentions, tags };
}

for (const impl of impls) {
  const outputs = pass(impl, false); // also the JIT warm-up
  impl.fingerprint = createHash('sha256').update(JSON.stringify(outputs)).digest('hex');
}
for (let r = 0; r < rounds; r++) for (const impl of impls) pass(impl, true);

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

console.log(
  `${articles.length} articles (${articleTokens} tokens), CoNLL valid (${conllTokens} tokens), ` +
    `${rounds} ${warm ? 'warm' : 'cold'} rounds`,
);
for (const impl of impls) {
  const ms = median(impl.articleMs);
  const conll = median(impl.conllMs);
  console.log(
    `${impl.name.padEnd(8)} polnear ${ms.toFixed(3)} ms/article ` +
      `${Math.round((articleTokens / (ms * articles.length)) * 1000)} tokens/s (best ${Math.min(...impl.articleMs).toFixed(3)}) | ` +
      `conll ${Math.round((conllTokens / conll) * 1000)} tokens/s | fingerprint ${impl.fingerprint}`,
  );
}
if (impls.length === 2) {
  const [base, cur] = impls as [Implementation, Implementation];
  const ratios = base.articleMs.map((b, r) => b / cur.articleMs[r]!);
  const conllRatios = base.conllMs.map((b, r) => b / cur.conllMs[r]!);
  console.log(
    `speed-up (median of per-round ratios): polnear ${median(ratios).toFixed(2)}x, ` +
      `conll ${median(conllRatios).toFixed(2)}x; fingerprints ${base.fingerprint === cur.fingerprint ? 'MATCH' : 'DIFFER'}`,
  );
}
