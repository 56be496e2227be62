import type { CompleteMfaLogin } from '../../../application/use-cases/complete-mfa-login.js';
import { clientOf, validatedBody } from '../app-state.js';
import { sendTokenResponse } from '../presenters.js';
import type { RouteSpec } from '../route-spec.js';
import { mfaLoginSchema, type MfaLoginBody } from '../schemas/mfa-schemas.js';
import { tokenResponseSchema } from '../schemas/token-response-schema.js';
import { invalidBody, problem, tooManyAttempts, unavailable } from './responses.js';

export function loginMfaRoute(completeLogin: CompleteMfaLogin): RouteSpec {
  return {
    method: 'post',
    path: '/auth/login/mfa',
    operationId: 'loginMfa',
    summary: 'The second step of a login: the mfaToken with a TOTP code, a recovery code or a passkey',
    tags: ['auth'],
    body: mfaLoginSchema,
    responses: {
      200: { description: 'Signed in; the access token’s amr is ["pwd","otp","mfa"] for a code, ["pwd","hwk","mfa"] for a passkey (its assertion to the options of POST /auth/login/mfa/passkey-options).', schema: tokenResponseSchema, headers: ['Cache-Control'] },
      401: problem('A wrong or already used code or passkey assertion, or a spent, expired or unknown mfaToken (one answer): after MFA_MAX_FAILURES wrong codes, log in again.'),
      422: invalidBody,
      429: tooManyAttempts,
      503: unavailable,
    },
    handler: async (ctx) => {
      const tokens = await completeLogin.execute({ ...validatedBody<MfaLoginBody>(ctx), ...clientOf(ctx) });
      ctx.state.userId = tokens.userId;
      sendTokenResponse(ctx, tokens);
    },
  };
}
