import type { Response } from 'supertest';
import { TEST_PASSWORD, uniqueEmail, type TokenResponse } from './accounts.js';
import { countByStatus, longestMs, runLoad, type LoadAnswer } from './load-run.js';
import type { TestService } from './test-service.js';

/** How a test takes a dependency away and gives it back. */
export interface Outage {
  begin(): Promise<void> | void;
  end(): Promise<void> | void;
}

export interface OutageScenarioOptions {
  readonly total: number;
  readonly concurrency: number;
  /** The outage begins once this many requests have been answered... */
  readonly beginAfter: number;
  /** ...and ends once this many more have been answered during it. */
  readonly answeredDuringOutage: number;
  /** Accounts registered beforehand, for the logins of the load. */
  readonly accounts: readonly string[];
}

/** Everything a load through an outage produced, for the assertions. */
export interface OutageRun {
  readonly registrations: ReadonlyArray<LoadAnswer & { readonly email: string }>;
  readonly logins: ReadonlyArray<LoadAnswer & { readonly email: string }>;
  /** performance.now() just before the dependency was taken away. */
  readonly outageBeganAt: number;
  readonly readyDuring: Response;
  readonly readyAfter: Response;
  /** /health/ready probes (50 ms apart) until it answered 200 again. */
  readonly probesUntilReady: number;
}

/**
 * Sends `total` requests at `concurrency`, alternating a registration of a new address and a
 * login of an existing account, and takes the dependency away and back in the middle.
 */
export async function runThroughOutage(t: TestService, outage: Outage, options: OutageScenarioOptions): Promise<OutageRun> {
  const emails = Array.from({ length: options.total }, (_, i) => (i % 2 === 0 ? uniqueEmail(`load${i}`) : options.accounts[i % options.accounts.length]!));
  let readyDuring: Response | undefined;
  let outageBeganAt = Number.NaN;
  let restored = false;
  const answers = await runLoad({
    total: options.total,
    concurrency: options.concurrency,
    send: (i) => t.http().post(i % 2 === 0 ? '/auth/register' : '/auth/login').send({ email: emails[i], password: TEST_PASSWORD }),
    onAnswer: async (answered) => {
      if (answered === options.beginAfter) {
        outageBeganAt = performance.now();
        await outage.begin();
        readyDuring = await t.http().get('/health/ready');
      }
      if (answered === options.beginAfter + options.answeredDuringOutage && !restored) {
        restored = true;
        await outage.end();
      }
    },
  });
  if (!restored) await outage.end();
  let probesUntilReady = 0;
  let readyAfter: Response;
  do {
    if (probesUntilReady > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    probesUntilReady += 1;
    readyAfter = await t.http().get('/health/ready');
  } while (readyAfter.status !== 200 && probesUntilReady < 100);
  const withEmail = answers.map((answer, i) => ({ ...answer, email: emails[i]! }));
  return {
    registrations: withEmail.filter((_, i) => i % 2 === 0),
    logins: withEmail.filter((_, i) => i % 2 === 1),
    outageBeganAt,
    readyDuring: readyDuring!,
    readyAfter,
    probesUntilReady,
  };
}

/** The figures a suite prints: requests, statuses, longest wait. */
export function outageFigures(run: OutageRun): string {
  const all = [...run.registrations, ...run.logins];
  return `${all.length} requests; register ${JSON.stringify(countByStatus(run.registrations))}, login ${JSON.stringify(countByStatus(run.logins))}; longest ${longestMs(all)} ms; ready during ${run.readyDuring.status}, after ${run.readyAfter.status} (probe ${run.probesUntilReady})`;
}

/** The refresh tokens of the logins answered 200. */
export const refreshTokensOf = (run: OutageRun): string[] =>
  run.logins.filter((answer) => answer.status === 200).map((answer) => (answer.body as unknown as TokenResponse).refresh_token);
