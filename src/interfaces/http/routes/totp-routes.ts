import type { ConfirmTotp } from '../../../application/use-cases/confirm-totp.js';
import type { DisableTotp } from '../../../application/use-cases/disable-totp.js';
import type { EnrolTotp } from '../../../application/use-cases/enrol-totp.js';
import { clientOf, validatedBody, type AppContext } from '../app-state.js';
import { answerJson, NO_STORE } from '../json-answer.js';
import type { RouteSpec } from '../route-spec.js';
import { codeOnlySchema, currentPasswordSchema, reauthenticationSchema, recoveryCodesSchema, totpEnrolmentSchema, type PasswordOnlyBody, type ReauthenticationBody } from '../schemas/mfa-schemas.js';
import { invalidAccessToken, problem, tooManyAttempts, unavailable } from './responses.js';

/** Secrets and recovery codes are shown once: no cache may keep them (RFC 9111 §5.2.2.5). */
export function sendSecret(ctx: AppContext, status: number, body: object): void {
  answerJson(ctx, status, body, NO_STORE);
}

const wrongPassword = { ...invalidAccessToken, description: 'Invalid access token, or the current password is wrong.' };
const wrongReauthentication = { ...invalidAccessToken, description: 'Invalid access token, or the current password or the code is wrong or missing (one answer).' };

export function enrolTotpRoute(enrol: EnrolTotp): RouteSpec {
  return {
    method: 'post',
    path: '/users/me/mfa/totp',
    operationId: 'enrolTotp',
    summary: 'Begin setting up an authenticator app (TOTP): its secret and otpauth:// URI',
    tags: ['mfa'],
    bearer: true,
    body: currentPasswordSchema,
    responses: {
      201: { description: 'Scan the URI, then confirm with a first code; until then TOTP is off. A new call replaces an unconfirmed set-up.', schema: totpEnrolmentSchema, headers: ['Cache-Control'] },
      401: wrongPassword,
      409: problem('TOTP is already on: turn it off first.'),
      429: tooManyAttempts,
      503: unavailable,
    },
    handler: async (ctx) => {
      const { currentPassword } = validatedBody<PasswordOnlyBody>(ctx);
      sendSecret(ctx, 201, await enrol.execute({ principal: ctx.state.principal!, currentPassword, ip: clientOf(ctx).ip }));
    },
  };
}

export function confirmTotpRoute(confirm: ConfirmTotp): RouteSpec {
  return {
    method: 'post',
    path: '/users/me/mfa/totp/confirm',
    operationId: 'confirmTotp',
    summary: 'Turn TOTP on with a first code; answers the recovery codes, once',
    tags: ['mfa'],
    bearer: true,
    body: codeOnlySchema,
    responses: {
      200: { description: 'TOTP is on; every other session of the user has ended.', schema: recoveryCodesSchema, headers: ['Cache-Control'] },
      401: { ...invalidAccessToken, description: 'Invalid access token, or a wrong code.' },
      409: problem('Nothing to confirm: no set-up begun, or TOTP is on already.'),
      429: tooManyAttempts,
      503: unavailable,
    },
    handler: async (ctx) => {
      sendSecret(ctx, 200, await confirm.execute({ principal: ctx.state.principal!, code: validatedBody<{ code: string }>(ctx).code }));
    },
  };
}

export function disableTotpRoute(disable: DisableTotp): RouteSpec {
  return {
    method: 'delete',
    path: '/users/me/mfa/totp',
    operationId: 'disableTotp',
    summary: 'Turn TOTP off (password and a code); the recovery codes go too',
    tags: ['mfa'],
    bearer: true,
    body: reauthenticationSchema,
    responses: {
      204: { description: 'TOTP is off and the recovery codes are deleted.' },
      401: wrongReauthentication,
      429: tooManyAttempts,
      503: unavailable,
    },
    handler: async (ctx) => {
      await disable.execute({ principal: ctx.state.principal!, ...validatedBody<ReauthenticationBody>(ctx), ...clientOf(ctx) });
      ctx.status = 204;
    },
  };
}
