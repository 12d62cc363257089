// `npm run fuzz -- [--runs N] [--seed S] [--targets feeds,html,…] [--save FILE]`: the long
// fuzz run.
// Each target gets N cases from the seed (default: a new seed, printed, so a failure can be
// repeated with --seed). Prints one line per target and a total; exits 1 on a failure,
// after printing the shrunk input (whole, into FILE, with --save). `npm run fuzz` gives it
// a 1 GB heap: memory stays bounded, and a heap left to grow to gigabytes makes the
// occasional collection cost seconds, charged to whichever input was running.
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import fc from 'fast-check';
import { option } from '../bench/args.js';
import { runOne, showInput, TARGETS } from '../src/fuzz/targets.js';

const runs = Number(option('--runs') ?? 250_000);
const seed = Number(option('--seed') ?? Date.now() % 2 ** 31);
const save = option('--save');
const names = option('--targets')?.split(',') ?? TARGETS.map((t) => t.name);
const unknown = names.filter((n) => !TARGETS.some((t) => t.name === n));
if (unknown.length > 0) {
  console.error(
    `unknown targets: ${unknown.join(', ')}; known: ${TARGETS.map((t) => t.name).join(', ')}`,
  );
  process.exit(2);
}

let total = 0;
let failed = false;
const started = performance.now();
for (const target of TARGETS.filter((t) => names.includes(t.name))) {
  let slowest = 0;
  const t0 = performance.now();
  const result = await fc.check(
    fc.asyncProperty(target.input, async (input) => {
      slowest = Math.max(slowest, await runOne(target, input));
    }),
    { numRuns: runs, seed },
  );
  total += result.numRuns;
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `${target.name}: ${result.numRuns} cases in ${seconds.toFixed(0)} s, slowest ${Math.round(slowest)} ms` +
      (result.failed ? ' — FAILED' : ''),
  );
  if (target.summary) console.log(`  ${target.summary()}`);
  if (result.failed) {
    failed = true;
    console.log(
      `  path ${result.counterexamplePath}: ${String(result.errorInstance).slice(0, 300)}`,
    );
    const input = result.counterexample?.[0];
    console.log(`  input: ${showInput(target, input)}`);
    if (save) writeFileSync(save, typeof input === 'string' ? input : JSON.stringify(input));
  }
}
console.log(
  JSON.stringify({
    cases: total,
    seed,
    failed,
    seconds: Math.round((performance.now() - started) / 1000),
    // Memory stays bounded: the most this process ever held, inputs and shrinking included.
    peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
    cores: cpus().length,
  }),
);
process.exit(failed ? 1 : 0);
