import type { AddPasskey } from '../../../application/use-cases/add-passkey.js';
import type { BeginPasskeyLogin } from '../../../application/use-cases/begin-passkey-login.js';
import type { BeginPasskeyRegistration } from '../../../application/use-cases/begin-passkey-registration.js';
import type { BeginPasskeySecondStep } from '../../../application/use-cases/begin-passkey-second-step.js';
import type { ListPasskeys } from '../../../application/use-cases/list-passkeys.js';
import type { LoginWithPasskey } from '../../../application/use-cases/login-with-passkey.js';
import type { RemovePasskey } from '../../../application/use-cases/remove-passkey.js';
import type { PasskeyView } from '../../../domain/passkey.js';
import { clientOf, validatedBody, type AppContext } from '../app-state.js';
import { answerJson, NO_STORE } from '../json-answer.js';
import { sendTokenResponse } from '../presenters.js';
import type { RouteSpec } from '../route-spec.js';
import { mfaTokenOnlySchema, reauthenticationSchema, type ReauthenticationBody } from '../schemas/mfa-schemas.js';
import { addPasskeySchema, creationOptionsSchema, passkeyListSchema, passkeyLoginSchema, passkeySchema, requestOptionsSchema, type AddPasskeyBody } from '../schemas/passkey-schemas.js';
import { tokenResponseSchema } from '../schemas/token-response-schema.js';
import { invalidAccessToken, invalidBody, problem, tooManyAttempts, unavailable } from './responses.js';

const wrongReauthentication = { ...invalidAccessToken, description: 'Invalid access token, or the current password or the code is wrong or missing (one answer).' };

function presentPasskey(passkey: PasskeyView) {
  return { ...passkey, createdAt: passkey.createdAt.toISOString(), lastUsedAt: passkey.lastUsedAt?.toISOString() ?? null };
}

/** Options carry a challenge: no cache may keep them. */
function sendOptions(ctx: AppContext, options: object): void {
  answerJson(ctx, 200, options, NO_STORE);
}

export function passkeyRegistrationOptionsRoute(begin: BeginPasskeyRegistration): RouteSpec {
  return {
    method: 'post',
    path: '/users/me/passkeys/options',
    operationId: 'passkeyRegistrationOptions',
    summary: 'Begin adding a passkey (password and, with TOTP on, a code): creation options',
    tags: ['passkeys'],
    bearer: true,
    body: reauthenticationSchema,
    responses: {
      200: { description: 'Creation options, valid 5 minutes, for `PublicKeyCredential.parseCreationOptionsFromJSON()`.', schema: creationOptionsSchema, headers: ['Cache-Control'] },
      401: wrongReauthentication,
      422: invalidBody,
      429: tooManyAttempts,
      503: unavailable,
    },
    handler: async (ctx) => {
      sendOptions(ctx, await begin.execute({ principal: ctx.state.principal!, ...validatedBody<ReauthenticationBody>(ctx), ...clientOf(ctx) }));
    },
  };
}

export function addPasskeyRoute(add: AddPasskey): RouteSpec {
  return {
    method: 'post',
    path: '/users/me/passkeys',
    operationId: 'addPasskey',
    summary: 'Finish adding a passkey: its name and the browser’s RegistrationResponseJSON',
    tags: ['passkeys'],
    bearer: true,
    body: addPasskeySchema,
    responses: {
      201: { description: 'The passkey is stored; the owner is mailed a notice.', schema: passkeySchema },
      400: problem('The response does not verify: an unknown, spent, expired or someone else’s challenge, a wrong origin or RP ID, no user verification, a bad attestation.'),
      401: invalidAccessToken,
      409: problem('This passkey is registered already.'),
      422: invalidBody,
      503: unavailable,
    },
    handler: async (ctx) => {
      const view = await add.execute({ principal: ctx.state.principal!, ...validatedBody<AddPasskeyBody>(ctx) });
      answerJson(ctx, 201, presentPasskey(view));
    },
  };
}

export function listPasskeysRoute(list: ListPasskeys): RouteSpec {
  return {
    method: 'get',
    path: '/users/me/passkeys',
    operationId: 'listPasskeys',
    summary: 'The caller’s passkeys',
    tags: ['passkeys'],
    bearer: true,
    responses: {
      200: { description: 'Oldest first.', schema: passkeyListSchema },
      401: invalidAccessToken,
      503: unavailable,
    },
    handler: async (ctx) => {
      answerJson(ctx, 200, (await list.execute({ principal: ctx.state.principal! })).map(presentPasskey), NO_STORE);
    },
  };
}

export function removePasskeyRoute(remove: RemovePasskey): RouteSpec {
  return {
    method: 'delete',
    path: '/users/me/passkeys/:id',
    operationId: 'removePasskey',
    summary: 'Remove one of the caller’s passkeys (password and, with TOTP on, a code)',
    tags: ['passkeys'],
    bearer: true,
    body: reauthenticationSchema,
    responses: {
      204: { description: 'Removed; the other passkeys keep working; the owner is mailed a notice.' },
      401: wrongReauthentication,
      404: problem('Not one of the caller’s passkeys (whether or not it exists).'),
      422: invalidBody,
      429: tooManyAttempts,
      503: unavailable,
    },
    handler: async (ctx) => {
      await remove.execute({ principal: ctx.state.principal!, passkeyId: String(ctx.params.id), ...validatedBody<ReauthenticationBody>(ctx), ...clientOf(ctx) });
      ctx.status = 204;
    },
  };
}

export function passkeyLoginOptionsRoute(begin: BeginPasskeyLogin): RouteSpec {
  return {
    method: 'post',
    path: '/auth/passkey/options',
    operationId: 'passkeyLoginOptions',
    summary: 'Begin a passwordless login: request options for a discoverable credential',
    tags: ['passkeys'],
    // No body to read (clients may send `{}`): nothing in the request shapes the options.
    responses: {
      200: { description: 'Request options without allowCredentials, valid 5 minutes, for `PublicKeyCredential.parseRequestOptionsFromJSON()`.', schema: requestOptionsSchema, headers: ['Cache-Control'] },
      429: tooManyAttempts,
      503: unavailable,
    },
    handler: async (ctx) => {
      sendOptions(ctx, await begin.execute({ ip: clientOf(ctx).ip }));
    },
  };
}

export function passkeyLoginRoute(login: LoginWithPasskey): RouteSpec {
  return {
    method: 'post',
    path: '/auth/passkey/login',
    operationId: 'passkeyLogin',
    summary: 'Finish a passwordless login with the browser’s AuthenticationResponseJSON',
    tags: ['passkeys'],
    body: passkeyLoginSchema,
    responses: {
      200: { description: 'Signed in; the access token’s amr is ["hwk","user","mfa"].', schema: tokenResponseSchema, headers: ['Cache-Control'] },
      401: problem('One answer for an unknown credential, a bad signature, a spent or expired challenge, a signature counter gone backwards.'),
      403: problem('The account is disabled (`/account-disabled`), or its e-mail is not verified while REQUIRE_VERIFIED_EMAIL is on (`/email-not-verified`).'),
      422: invalidBody,
      429: tooManyAttempts,
      503: unavailable,
    },
    handler: async (ctx) => {
      const tokens = await login.execute({ response: validatedBody<{ response: unknown }>(ctx).response, ...clientOf(ctx) });
      ctx.state.userId = tokens.userId;
      sendTokenResponse(ctx, tokens);
    },
  };
}

export function passkeySecondStepOptionsRoute(begin: BeginPasskeySecondStep): RouteSpec {
  return {
    method: 'post',
    path: '/auth/login/mfa/passkey-options',
    operationId: 'passkeySecondStepOptions',
    summary: 'Request options for finishing a password login with a passkey',
    tags: ['passkeys'],
    body: mfaTokenOnlySchema,
    responses: {
      200: { description: 'Request options restricted to the account’s passkeys, valid 5 minutes; send the assertion to POST /auth/login/mfa as `passkey`.', schema: requestOptionsSchema, headers: ['Cache-Control'] },
      401: problem('A spent, expired or unknown mfaToken, or an account without passkeys (one answer).'),
      422: invalidBody,
      503: unavailable,
    },
    handler: async (ctx) => {
      sendOptions(ctx, await begin.execute(validatedBody<{ mfaToken: string }>(ctx)));
    },
  };
}
