import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

// dist/test/integration/tooling -> the checkout, where .mocharc.json and node_modules are.
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const REPORTER = fileURLToPath(new URL('../../support/ci-reporter.js', import.meta.url));
const MOCHA = join(ROOT, 'node_modules/mocha/bin/mocha.js');

interface Counts {
  readonly suite: string;
  readonly passes: number;
  readonly failures: number;
  readonly pending: number;
}

/** Runs one spec file through mocha with the CI reporter, as .ci/run does; answers the line it appended. */
async function report(spec: string): Promise<{ readonly counts: Counts[]; readonly exitCode: number | null }> {
  const dir = await mkdtemp(join(tmpdir(), 'ci-reporter-'));
  try {
    const file = join(dir, 'fixture.test.mjs');
    const results = join(dir, 'results.jsonl');
    await writeFile(file, spec);
    await writeFile(results, '');
    const child = spawn(process.execPath, [MOCHA, '--config', join(ROOT, '.mocharc.json'), '--reporter', REPORTER, file], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', MOCHA_RESULTS_FILE: results, MOCHA_SUITE: 'fixture' },
      stdio: 'ignore',
    });
    const [exitCode] = (await once(child, 'exit')) as [number | null];
    const lines = (await readFile(results, 'utf8')).split('\n').filter(Boolean);
    return { counts: lines.map((line) => JSON.parse(line) as Counts), exitCode };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('the CI reporter (test/support/ci-reporter.ts), counting for .ci/run', () => {
  it('counts the tests a failed before() hook kept from running as failed, with the hook', async () => {
    const { counts } = await report(`
      describe('passes', () => { it('a', () => {}); it('b', () => {}); });
      describe('set-up fails', () => {
        before(() => { throw new Error('no database'); });
        it('c', () => {}); it('d', () => {}); it('e', () => {});
      });
    `);
    expect(counts).to.deep.equal([{ suite: 'fixture', passes: 2, failures: 4, pending: 0 }]);
  });

  it('counts the tests a failed beforeEach() hook kept from running, nested suites included', async () => {
    const { counts } = await report(`
      describe('set-up of each fails', () => {
        beforeEach(() => { throw new Error('no fixture'); });
        it('a', () => {});
        describe('inner', () => { it('b', () => {}); it('c', () => {}); });
      });
      describe('passes', () => { it('d', () => {}); });
    `);
    expect(counts).to.deep.equal([{ suite: 'fixture', passes: 1, failures: 4, pending: 0 }]);
  });

  it('still reports a run that dies in the middle: what passed, and what never ran as failed', async () => {
    const { counts, exitCode } = await report(`
      describe('dies', () => {
        it('a', () => {});
        it('b', () => { process.exit(3); });
        it('c', () => {});
      });
    `);
    expect({ counts, exitCode }).to.deep.equal({ counts: [{ suite: 'fixture', passes: 1, failures: 2, pending: 0 }], exitCode: 3 });
  });
});
