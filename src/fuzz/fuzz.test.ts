// Each fuzz target briefly, with a fixed seed so a failure repeats: every input must get an
// answer. Time budgets are kept by `npm run fuzz` (scripts/fuzz.ts), the long run, which
// reports each target's slowest case: a timed assertion here would fail on a busy machine.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { TARGETS } from './targets.js';

const RUNS = Number(process.env.SITREP_FUZZ_RUNS ?? 200);
const SEED = Number(process.env.SITREP_FUZZ_SEED ?? 20261127);

describe('fuzzing', () => {
  it.each(TARGETS.map((t) => [t.name, t] as const))(
    '%s: every input gets an answer',
    async (_, target) => {
      await fc.assert(
        fc.asyncProperty(target.input, async (input) => {
          await target.check(input);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    300_000,
  );
});
