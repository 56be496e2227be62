import type { LoginUser } from '../../../application/use-cases/login-user.js';
import { clientOf, validatedBody } from '../app-state.js';
import { sendTokenResponse } from '../presenters.js';
import type { RouteSpec } from '../route-spec.js';
import { credentialsSchema, type Credentials } from '../schemas/credentials-schema.js';
import { tokenResponseSchema } from '../schemas/token-response-schema.js';
import { invalidBody, mfaRequired, problem, tooManyAttempts, unavailable } from './responses.js';

export function loginRoute(loginUser: LoginUser): RouteSpec {
  return {
    method: 'post',
    path: '/auth/login',
    operationId: 'login',
    summary: 'Exchange an e-mail address and password for an access token and a refresh token',
    tags: ['auth'],
    body: credentialsSchema,
    responses: {
      200: { description: 'Signed in; a new session has begun.', schema: tokenResponseSchema, headers: ['Cache-Control'] },
      401: problem('Unknown e-mail address or wrong password (one answer for both).'),
      403: mfaRequired(
        'The password is right and the account has a second factor (`mfa-required`, with `mfaToken` and `methods`: finish at POST /auth/login/mfa); or REQUIRE_VERIFIED_EMAIL is on and the address is not verified yet.',
      ),
      429: tooManyAttempts,
      422: invalidBody,
      503: unavailable,
    },
    handler: async (ctx) => {
      const { email, password } = validatedBody<Credentials>(ctx);
      const tokens = await loginUser.execute({ email, password, ...clientOf(ctx) });
      ctx.state.userId = tokens.userId;
      sendTokenResponse(ctx, tokens);
    },
  };
}
