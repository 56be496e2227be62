import { createHash } from 'node:crypto';
import type { Response } from 'supertest';
import { uniqueEmail } from '../support/accounts.js';
import { startTestService, type TestService } from '../support/test-service.js';
import { RangeApiStandIn } from './range-api-stand-in.js';

/** Listed by the stand-in; meets the policy otherwise. */
export const BREACHED_PASSWORD = 'breached passphrase from a leak';
/** Not listed anywhere. */
export const FRESH_PASSWORD = 'a fresh passphrase nobody has leaked';
export const UPPER_SHA1_OF_BREACHED = createHash('sha1').update(BREACHED_PASSWORD).digest('hex').toUpperCase();

// Small figures so that a test opens, waits out and recovers the circuit in well under a second.
export const BREAKER_ENV = { BREAKER_TIMEOUT_MS: '200', BREAKER_RESET_MS: '500', BREAKER_MIN_CALLS: '3' } as const;

export interface BreachScenario {
  readonly t: TestService;
  readonly standIn: RangeApiStandIn;
  register(password: string): Promise<Response>;
  /** Registers BREAKER_MIN_CALLS accounts while the stand-in fails, which opens the circuit. */
  openTheCircuit(): Promise<void>;
  stop(): Promise<void>;
}

/** The real service, its breach check pointed at a stand-in range API on 127.0.0.1. */
export async function startBreachScenario(env: Record<string, string> = {}): Promise<BreachScenario> {
  const standIn = await RangeApiStandIn.start([BREACHED_PASSWORD]);
  const t = await startTestService({ BREACHED_PASSWORD_API_URL: standIn.url, ...BREAKER_ENV, ...env }).catch(async (error: unknown) => {
    await standIn.stop();
    throw error;
  });
  const register = (password: string) => t.http().post('/auth/register').send({ email: uniqueEmail(), password });
  return {
    t,
    standIn,
    register,
    openTheCircuit: async () => {
      standIn.mode = 'failing';
      for (let i = 0; i < Number(BREAKER_ENV.BREAKER_MIN_CALLS); i += 1) await register(FRESH_PASSWORD);
    },
    stop: async () => {
      await t.stop();
      await standIn.stop();
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the condition holds (it is about an event in flight), failing after a second. */
export async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited >= 1_000) throw new Error('the condition never held');
    await sleep(10);
  }
}
