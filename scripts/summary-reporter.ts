// Ends the test run with one plain "N passed, N failed, N skipped" line, which CI reads.
// A test file that fails to load, and an error outside any test, count as failures: they
// have no test cases, and must never let the line read "0 failed".
import type { Reporter, SerializedError, TestCase, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private skipped = 0;

  onTestCaseResult(test: TestCase): void {
    const state = test.result().state;
    if (state === 'passed') this.passed++;
    else if (state === 'failed') this.failed++;
    else this.skipped++;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<SerializedError>): void {
    const brokenFiles = modules.filter((m) => m.state() === 'failed' && m.errors().length > 0).length;
    const failed = this.failed + brokenFiles + errors.length;
    process.stdout.write(`\n${this.passed} passed, ${failed} failed, ${this.skipped} skipped\n`);
  }
}
