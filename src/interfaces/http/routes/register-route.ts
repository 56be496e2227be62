import type { RegisterUser } from '../../../application/use-cases/register-user.js';
import { clientOf, validatedBody } from '../app-state.js';
import { answerJson } from '../json-answer.js';
import { presentUser } from '../presenters.js';
import type { RouteSpec } from '../route-spec.js';
import { credentialsSchema, type Credentials } from '../schemas/credentials-schema.js';
import { userSchema } from '../schemas/user-schema.js';
import { invalidBody, problem, tooManyAttempts, unavailable } from './responses.js';

export function registerRoute(registerUser: RegisterUser): RouteSpec {
  return {
    method: 'post',
    path: '/auth/register',
    operationId: 'register',
    summary: 'Open an account with an e-mail address and a password',
    tags: ['auth'],
    body: credentialsSchema,
    responses: {
      201: { description: 'The account was created.', schema: userSchema, headers: ['Location'] },
      409: problem('An account with this e-mail address already exists.'),
      422: invalidBody,
      429: tooManyAttempts,
      503: unavailable,
    },
    handler: async (ctx) => {
      const user = await registerUser.execute({ ...validatedBody<Credentials>(ctx), ip: clientOf(ctx).ip });
      answerJson(ctx, 201, presentUser(user), ['location', '/users/me']);
    },
  };
}
