import type { RouteSpec } from '../route-spec.js';
import { adminKeyRefused, noSuchUser } from './admin-user-routes.js';
import { unavailable } from './responses.js';

/** What every admin change of one account is: a use case taking the account's id. */
interface AccountChange {
  execute(input: { readonly userId: string }): Promise<void>;
}

interface ChangeRoute {
  readonly method: 'post' | 'delete';
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly done: string;
}

function accountChangeRoute(change: AccountChange, spec: ChangeRoute): RouteSpec {
  return {
    method: spec.method,
    path: spec.path,
    operationId: spec.operationId,
    summary: spec.summary,
    tags: ['admin'],
    admin: true,
    responses: { 204: { description: spec.done }, 401: adminKeyRefused, 404: noSuchUser, 503: unavailable },
    handler: async (ctx) => {
      await change.execute({ userId: String(ctx.params.id) });
      ctx.status = 204;
    },
  };
}

export const disableUserRoute = (change: AccountChange) =>
  accountChangeRoute(change, {
    method: 'post',
    path: '/admin/users/:id/disable',
    operationId: 'adminDisableUser',
    summary: 'Disable an account: its sessions end, its tokens are refused at once',
    done: 'Disabled. Its login answers 403 account-disabled once the password matched.',
  });

export const enableUserRoute = (change: AccountChange) =>
  accountChangeRoute(change, {
    method: 'post',
    path: '/admin/users/:id/enable',
    operationId: 'adminEnableUser',
    summary: 'Enable a disabled account again',
    done: 'Enabled: it can log in again.',
  });

export const endUserSessionsRoute = (change: AccountChange) =>
  accountChangeRoute(change, {
    method: 'delete',
    path: '/admin/users/:id/sessions',
    operationId: 'adminEndUserSessions',
    summary: 'End every session of an account',
    done: 'Every session has ended; its refresh and access tokens are refused.',
  });

export const resetUserMfaRoute = (change: AccountChange) =>
  accountChangeRoute(change, {
    method: 'delete',
    path: '/admin/users/:id/mfa',
    operationId: 'adminResetUserMfa',
    summary: 'Remove an account’s second factors (a lost device)',
    done: 'TOTP and recovery codes are removed: the password alone logs in.',
  });

export const eraseUserRoute = (change: AccountChange) =>
  accountChangeRoute(change, {
    method: 'delete',
    path: '/admin/users/:id',
    operationId: 'adminEraseUser',
    summary: 'Erase an account and everything it owns',
    done: 'Erased; the address can be registered again at once.',
  });
