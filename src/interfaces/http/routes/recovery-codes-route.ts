import type { RegenerateRecoveryCodes } from '../../../application/use-cases/regenerate-recovery-codes.js';
import { clientOf, validatedBody } from '../app-state.js';
import type { RouteSpec } from '../route-spec.js';
import { reauthenticationSchema, recoveryCodesSchema, type ReauthenticationBody } from '../schemas/mfa-schemas.js';
import { invalidAccessToken, problem, tooManyAttempts, unavailable } from './responses.js';
import { sendSecret } from './totp-routes.js';

export function recoveryCodesRoute(regenerate: RegenerateRecoveryCodes): RouteSpec {
  return {
    method: 'post',
    path: '/users/me/mfa/recovery-codes',
    operationId: 'regenerateRecoveryCodes',
    summary: 'A new set of recovery codes in place of the old one (password and a code)',
    tags: ['mfa'],
    bearer: true,
    body: reauthenticationSchema,
    responses: {
      200: { description: 'The new codes, shown this once; every older code stops working.', schema: recoveryCodesSchema, headers: ['Cache-Control'] },
      401: { ...invalidAccessToken, description: 'Invalid access token, or the current password or the code is wrong or missing (one answer).' },
      409: problem('The account has no second factor.'),
      429: tooManyAttempts,
      503: unavailable,
    },
    handler: async (ctx) => {
      sendSecret(ctx, 200, await regenerate.execute({ principal: ctx.state.principal!, ...validatedBody<ReauthenticationBody>(ctx), ...clientOf(ctx) }));
    },
  };
}
