import type { ConfirmEmailChange } from '../../../application/use-cases/confirm-email-change.js';
import type { RequestEmailChange } from '../../../application/use-cases/request-email-change.js';
import { clientOf, validatedBody } from '../app-state.js';
import { answerJson } from '../json-answer.js';
import type { RouteSpec } from '../route-spec.js';
import { emailChangeSchema, type EmailChangeBody } from '../schemas/email-change-schemas.js';
import { acceptedSchema, tokenOnlySchema } from '../schemas/recovery-schemas.js';
import { invalidAccessToken, invalidBody, problem, tooManyAttempts, unavailable } from './responses.js';

export function emailChangeRoute(requestChange: RequestEmailChange): RouteSpec {
  return {
    method: 'post',
    path: '/users/me/email',
    operationId: 'requestEmailChange',
    summary: 'Change the e-mail address (password and a code): a link to the new address, a notice to the old',
    tags: ['users'],
    bearer: true,
    body: emailChangeSchema,
    responses: {
      202: { description: 'Accepted; the address changes once the link mailed to the new one is followed.', schema: acceptedSchema },
      401: { ...invalidAccessToken, description: 'Invalid access token, or the current password or the code is wrong or missing (one answer).' },
      409: problem('Another account has this address, or it is the account’s own.'),
      422: invalidBody,
      429: tooManyAttempts,
      503: unavailable,
    },
    handler: async (ctx) => {
      await requestChange.execute({ principal: ctx.state.principal!, ...validatedBody<EmailChangeBody>(ctx), ...clientOf(ctx) });
      answerJson(ctx, 202, { status: 'accepted', detail: 'A confirmation link is on its way to the new address.' });
    },
  };
}

export function emailChangeConfirmRoute(confirmChange: ConfirmEmailChange): RouteSpec {
  return {
    method: 'post',
    path: '/users/me/email/confirm',
    operationId: 'confirmEmailChange',
    summary: 'Make the new e-mail address the account’s, with the token from the link mailed to it',
    tags: ['users'],
    body: tokenOnlySchema,
    responses: {
      204: { description: 'The new address is the account’s, verified; sessions live on; the old address is free.' },
      400: problem('The link was already used, has expired, was superseded by a newer one, or is unknown.'),
      409: problem('Another account took the address meanwhile.'),
      422: invalidBody,
      503: unavailable,
    },
    handler: async (ctx) => {
      await confirmChange.execute(validatedBody<{ token: string }>(ctx));
      ctx.status = 204;
    },
  };
}
