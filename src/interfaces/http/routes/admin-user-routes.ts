import type { AccountOverview } from '../../../application/ports/user-directory.js';
import type { CreateUser } from '../../../application/use-cases/create-user.js';
import type { GetUserOverview } from '../../../application/use-cases/get-user-overview.js';
import type { ListUsers } from '../../../application/use-cases/list-users.js';
import { validatedBody, type AppContext } from '../app-state.js';
import { answerJson } from '../json-answer.js';
import type { RouteSpec } from '../route-spec.js';
import { adminUserPageSchema, adminUserSchema, createUserSchema, type CreateUserBody } from '../schemas/admin-schemas.js';
import { decodeCursor, encodeCursor } from '../user-page-cursor.js';
import { invalidBody, problem, unavailable } from './responses.js';

export const adminKeyRefused = problem('Missing or wrong ADMIN_API_KEY (a user’s access token included).', ['WWW-Authenticate']);
export const noSuchUser = problem('No account has this id.');
const ADMIN = { tags: ['admin'], admin: true } as const;

export function presentAccount(account: AccountOverview) {
  return {
    id: account.id,
    email: account.email,
    emailVerified: account.emailVerified,
    mfaEnabled: account.mfaEnabled,
    createdAt: account.createdAt.toISOString(),
    disabledAt: account.disabledAt?.toISOString() ?? null,
    lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
  };
}

/** A query parameter given once, or absent; given twice it is refused like a bad value. */
export function queryValue(ctx: AppContext, name: string): string | undefined {
  const value = ctx.query[name];
  return Array.isArray(value) ? '' : value;
}

export const limitOf = (text: string | undefined): number | undefined => (text === undefined ? undefined : /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN);

export function listUsersRoute(listUsers: ListUsers): RouteSpec {
  return {
    method: 'get',
    path: '/admin/users',
    operationId: 'adminListUsers',
    summary: 'List accounts, oldest first, a page at a time',
    ...ADMIN,
    query: [
      { name: 'email', description: 'Only addresses beginning with this (case-insensitive).', schema: { type: 'string' } },
      { name: 'limit', description: 'Accounts per page, 1 to 100.', schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 } },
      { name: 'cursor', description: 'The `nextCursor` of the page before.', schema: { type: 'string' } },
    ],
    responses: { 200: { description: 'One page of accounts.', schema: adminUserPageSchema }, 401: adminKeyRefused, 422: invalidBody, 503: unavailable },
    handler: async (ctx) => {
      const cursor = queryValue(ctx, 'cursor');
      const page = await listUsers.execute({
        emailPrefix: queryValue(ctx, 'email') || null,
        limit: limitOf(queryValue(ctx, 'limit')),
        after: cursor === undefined ? null : decodeCursor(cursor),
      });
      answerJson(ctx, 200, { items: page.items.map(presentAccount), nextCursor: page.next ? encodeCursor(page.next) : null });
    },
  };
}

export function getUserRoute(getUser: GetUserOverview): RouteSpec {
  return {
    method: 'get',
    path: '/admin/users/:id',
    operationId: 'adminGetUser',
    summary: 'One account',
    ...ADMIN,
    responses: { 200: { description: 'The account.', schema: adminUserSchema }, 401: adminKeyRefused, 404: noSuchUser, 503: unavailable },
    handler: async (ctx) => {
      answerJson(ctx, 200, presentAccount(await getUser.execute({ userId: String(ctx.params.id) })));
    },
  };
}

export function createUserRoute(createUser: CreateUser, getUser: GetUserOverview): RouteSpec {
  return {
    method: 'post',
    path: '/admin/users',
    operationId: 'adminCreateUser',
    summary: 'Open an account, under the registration’s password policy',
    ...ADMIN,
    body: createUserSchema,
    responses: {
      201: { description: 'The account was created.', schema: adminUserSchema, headers: ['Location'] },
      401: adminKeyRefused,
      409: problem('An account with this e-mail address already exists.'),
      422: invalidBody,
      503: unavailable,
    },
    handler: async (ctx) => {
      const user = await createUser.execute(validatedBody<CreateUserBody>(ctx));
      answerJson(ctx, 201, presentAccount(await getUser.execute({ userId: user.id })), ['location', `/admin/users/${user.id}`]);
    },
  };
}
