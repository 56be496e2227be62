import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { OtpauthTotpCalculator } from '../src/infrastructure/security/otpauth-totp-calculator.js';
import { AesGcmSecretCipher } from '../src/infrastructure/security/aes-gcm-secret-cipher.js';
import { stepAt, totpCode } from './mfa-accounts.js';
import { Secret } from 'otpauth';

/**
 * `node dist/bench/totp-check-cost.js`: what the second step's own cryptography costs, in this
 * process, on the service's own adapters: opening the sealed secret (AES-256-GCM,
 * AesGcmSecretCipher.open, as TypeOrmSecondFactorStore.findTotp does on every check), and
 * OtpauthTotpCalculator.matchingStep with its window of one step either side: a code of the
 * current step (one HMAC), of the step before (two) and a wrong code (all three, the most a
 * check costs). Each the fastest of BATCHES batches of about 50 ms, after one to warm up: on a
 * shared machine the slower batches measure the neighbours too.
 */
const BATCHES = 10;
const BATCH_MS = 50;

export interface CheckCost {
  readonly label: string;
  readonly microseconds: number;
}

function microsecondsPerCall(work: () => unknown): number {
  // How many calls fill a batch, from a short first guess (which also warms the code up).
  let calls = 1_000;
  let started = performance.now();
  for (let i = 0; i < calls; i += 1) work();
  calls = Math.max(1_000, Math.round((calls * BATCH_MS) / (performance.now() - started)));
  const perCall: number[] = [];
  for (let batch = 0; batch <= BATCHES; batch += 1) {
    started = performance.now();
    for (let i = 0; i < calls; i += 1) work();
    if (batch > 0) perCall.push(((performance.now() - started) * 1000) / calls);
  }
  return Math.min(...perCall);
}

export function measureTotpCheck(): CheckCost[] {
  const calculator = new OtpauthTotpCalculator();
  const cipher = new AesGcmSecretCipher(randomBytes(32));
  const bytes = randomBytes(20);
  const secret = new Secret({ buffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 20) as ArrayBuffer }).base32;
  const binding = `totp_factors:${crypto.randomUUID()}:${crypto.randomUUID()}`;
  const sealed = cipher.seal(secret, binding);
  // A fixed instant in the middle of a step, so that every call meets the same step.
  const at = new Date((stepAt(Date.now()) + 0.5) * 30_000);
  const current = totpCode(bytes, at.getTime());
  const previous = totpCode(bytes, at.getTime() - 30_000);
  const wrong = ['000000', '111111', '222222'].find((code) => calculator.matchingStep(secret, code, at) === null)!;
  if (calculator.matchingStep(secret, current, at) !== stepAt(at.getTime())) throw new Error('the bench computes codes the adapter refuses');
  if (cipher.open(sealed, binding) !== secret) throw new Error('the sealed secret does not open');
  return [
    { label: 'AES-256-GCM open of the secret (AesGcmSecretCipher.open)', microseconds: microsecondsPerCall(() => cipher.open(sealed, binding)) },
    { label: 'matchingStep, code of the current step (1 HMAC)', microseconds: microsecondsPerCall(() => calculator.matchingStep(secret, current, at)) },
    { label: 'matchingStep, code of the step before (2 HMACs)', microseconds: microsecondsPerCall(() => calculator.matchingStep(secret, previous, at)) },
    { label: 'matchingStep, wrong code (3 HMACs, the whole window)', microseconds: microsecondsPerCall(() => calculator.matchingStep(secret, wrong, at)) },
    { label: 'open + matchingStep, right code (a second step\'s check)', microseconds: microsecondsPerCall(() => calculator.matchingStep(cipher.open(sealed, binding), current, at)) },
  ];
}

export function checkCostLine(cost: CheckCost): string {
  return `${cost.label.padEnd(58)} ${cost.microseconds.toFixed(1).padStart(7)} µs per check`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) for (const cost of measureTotpCheck()) process.stdout.write(`${checkCostLine(cost)}\n`);
