import { appendFileSync } from 'node:fs';
import Mocha from 'mocha';

/**
 * Mocha's spec output for people, plus the run's counts appended as one JSON line to
 * $MOCHA_RESULTS_FILE when set, so that .ci/run can total every suite it runs from the real
 * results rather than by reading mocha's summary text.
 */
export default class CiReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.MOCHA_RESULTS_FILE;
      if (!file) return;
      const { passes = 0, failures = 0, pending = 0 } = this.stats;
      appendFileSync(file, `${JSON.stringify({ suite: process.env.MOCHA_SUITE ?? 'tests', passes, failures, pending })}\n`);
    });
  }
}
