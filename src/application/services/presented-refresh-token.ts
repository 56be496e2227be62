import { classifyPresentation, type Presentation, type RefreshTokenState } from '../../domain/refresh-token-presentation.js';
import type { SessionStore } from '../ports/session-store.js';
import type { SuccessorTokenDeriver } from '../ports/successor-token-deriver.js';

export interface JudgedToken {
  readonly presentation: Presentation;
  readonly state: RefreshTokenState | null;
  /** The token that succeeds the presented one (derived, so the same on every retry). */
  readonly successor: string;
}

/** Looks a presented refresh token up and judges it by the contract's rules. */
export async function judgeRefreshToken(
  sessions: SessionStore,
  deriver: SuccessorTokenDeriver,
  token: string,
  now: Date,
  reuseGraceMs: number,
): Promise<JudgedToken> {
  const state = await sessions.findToken(token);
  const successor = state ? deriver.successorOf(token, state.successorKey) : '';
  // Only a spent token needs its successor's state (to tell a retry from a reuse).
  const successorState = state?.spentAt ? await sessions.findToken(successor) : null;
  return { presentation: classifyPresentation(state, successorState, now, reuseGraceMs), state, successor };
}
