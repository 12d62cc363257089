// `npm run fuzz -- [--runs N] [--seed S] [--targets feeds,html,…]`: the long fuzz run.
// Each target gets N cases from the seed (default: a new seed, printed, so a failure can be
// repeated with --seed). Prints one line per target and a total; exits 1 on a failure,
// after printing the shrunk input's length and opening.
import { cpus } from 'node:os';
import fc from 'fast-check';
import { option } from '../bench/args.js';
import { runOne, TARGETS } from '../src/fuzz/targets.js';

const runs = Number(option('--runs') ?? 250_000);
const seed = Number(option('--seed') ?? Date.now() % 2 ** 31);
const names = option('--targets')?.split(',') ?? TARGETS.map((t) => t.name);

let total = 0;
let failed = false;
const started = performance.now();
for (const target of TARGETS.filter((t) => names.includes(t.name))) {
  let slowest = 0;
  const t0 = performance.now();
  const result = fc.check(
    fc.property(target.input, (input) => {
      const s = performance.now();
      runOne(target, input);
      slowest = Math.max(slowest, performance.now() - s);
    }),
    { numRuns: runs, seed },
  );
  total += result.numRuns;
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `${target.name}: ${result.numRuns} cases in ${seconds.toFixed(0)} s, slowest ${Math.round(slowest)} ms` +
      (result.failed ? ' — FAILED' : ''),
  );
  if (result.failed) {
    failed = true;
    const input = String(result.counterexample?.[0] ?? '');
    console.log(
      `  path ${result.counterexamplePath}: ${String(result.errorInstance).slice(0, 300)}`,
    );
    console.log(`  input of ${input.length} characters: ${JSON.stringify(input.slice(0, 300))}`);
  }
}
console.log(
  JSON.stringify({
    cases: total,
    seed,
    failed,
    seconds: Math.round((performance.now() - started) / 1000),
    cores: cpus().length,
  }),
);
process.exit(failed ? 1 : 0);
