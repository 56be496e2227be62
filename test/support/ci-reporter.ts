import { appendFileSync } from 'node:fs';
import Mocha from 'mocha';

const { EVENT_RUN_BEGIN, EVENT_RUN_END, EVENT_TEST_FAIL, EVENT_TEST_PASS, EVENT_TEST_PENDING } = Mocha.Runner.constants;

/**
 * Mocha's spec output for people, plus the run's counts appended as one JSON line to
 * $MOCHA_RESULTS_FILE when set, so that .ci/run can total every suite it runs from the real
 * results rather than by reading mocha's summary text.
 *
 * Every test counts. Mocha reports a failed before/beforeEach hook as one failure and quietly
 * skips the rest of its suite: those tests, and those of a run that dies before its end
 * (process.exit, a crash), count as failed here, and a run that never ends counts at least one.
 */
export default class CiReporter extends Mocha.reporters.Spec {
  private total = 0;
  /** Tests (not hooks) that passed, failed or were skipped; a Set, since a test can fail after it passed. */
  private readonly ended = new Set<Mocha.Runnable>();
  private written = false;

  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    // At the start, .only and --grep have already narrowed the tree to what will run.
    runner.once(EVENT_RUN_BEGIN, () => (this.total = runner.grepTotal(runner.suite)));
    runner.on(EVENT_TEST_PASS, (test) => this.ended.add(test));
    runner.on(EVENT_TEST_PENDING, (test) => this.ended.add(test));
    runner.on(EVENT_TEST_FAIL, (runnable) => {
      if (runnable.type === 'test') this.ended.add(runnable);
    });
    runner.once(EVENT_RUN_END, () => this.write(true));
    process.once('exit', () => this.write(false));
  }

  private write(runEnded: boolean): void {
    if (this.written) return;
    this.written = true;
    const { passes = 0, failures = 0, pending = 0 } = this.stats;
    const notRun = Math.max(0, this.total - this.ended.size);
    if (notRun > 0) process.stdout.write(`  ${notRun} test(s) never ran (a hook failed${runEnded ? '' : ' or the run died'}): counted as failed\n`);
    const file = process.env.MOCHA_RESULTS_FILE;
    if (!file) return;
    const counted = { passes, failures: Math.max(failures + notRun, runEnded ? 0 : 1), pending };
    appendFileSync(file, `${JSON.stringify({ suite: process.env.MOCHA_SUITE ?? 'tests', ...counted })}\n`);
  }
}
