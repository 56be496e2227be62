import type { SuccessorTokenDeriver } from '../../../src/application/ports/successor-token-deriver.js';

/** `succ(<token>)`: deterministic like the HMAC deriver, and readable in a failing assertion. */
export class FakeSuccessorTokenDeriver implements SuccessorTokenDeriver {
  successorOf(token: string): string {
    return `succ(${token})`;
  }
}
