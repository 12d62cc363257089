// Each fuzz target briefly, with a fixed seed so a failure repeats; `npm run fuzz` runs
// them at length (see scripts/fuzz.ts and SECURITY.md).
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { runOne, TARGETS } from './targets.js';

const RUNS = Number(process.env.SITREP_FUZZ_RUNS ?? 200);
const SEED = Number(process.env.SITREP_FUZZ_SEED ?? 20261127);

describe('fuzzing', () => {
  it.each(TARGETS.map((t) => [t.name, t] as const))(
    '%s: every input gets an answer, in time',
    (_, target) => {
      fc.assert(
        fc.property(target.input, (input) => runOne(target, input)),
        { numRuns: RUNS, seed: SEED },
      );
    },
    120_000,
  );
});
