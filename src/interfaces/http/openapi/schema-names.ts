import type { JsonSchema } from '../schemas/json-schema.js';
import { changePasswordSchema } from '../schemas/change-password-schema.js';
import { credentialsSchema } from '../schemas/credentials-schema.js';
import { jwksSchema } from '../schemas/jwks-schema.js';
import { problemSchema } from '../schemas/problem-schema.js';
import { refreshTokenBodySchema } from '../schemas/refresh-token-schema.js';
import { sessionListSchema } from '../schemas/session-schema.js';
import { tokenResponseSchema } from '../schemas/token-response-schema.js';
import { userSchema } from '../schemas/user-schema.js';
import { authenticationResponseSchema, creationOptionsSchema, passkeyListSchema, passkeySchema, registrationResponseSchema, requestOptionsSchema } from '../schemas/passkey-schemas.js';
import { mfaLoginSchema, mfaRequiredProblemSchema, recoveryCodesSchema, totpEnrolmentSchema } from '../schemas/mfa-schemas.js';

/**
 * Names under components/schemas for the schemas routes share, so that a generated client
 * has `components["schemas"]["User"]` rather than one anonymous type per operation. A schema
 * missing here is still documented, inline where it is used.
 */
export const SCHEMA_NAMES: ReadonlyMap<JsonSchema, string> = new Map([
  [problemSchema, 'Problem'],
  [userSchema, 'User'],
  [tokenResponseSchema, 'TokenResponse'],
  [credentialsSchema, 'Credentials'],
  [refreshTokenBodySchema, 'RefreshTokenRequest'],
  [changePasswordSchema, 'ChangePasswordRequest'],
  [sessionListSchema, 'SessionList'],
  [jwksSchema, 'JsonWebKeySet'],
  [mfaLoginSchema, 'MfaLoginRequest'],
  [mfaRequiredProblemSchema, 'MfaRequiredProblem'],
  [totpEnrolmentSchema, 'TotpEnrolment'],
  [recoveryCodesSchema, 'RecoveryCodes'],
  [creationOptionsSchema, 'PublicKeyCredentialCreationOptionsJSON'],
  [requestOptionsSchema, 'PublicKeyCredentialRequestOptionsJSON'],
  [registrationResponseSchema, 'RegistrationResponseJSON'],
  [authenticationResponseSchema, 'AuthenticationResponseJSON'],
  [passkeySchema, 'Passkey'],
  [passkeyListSchema, 'PasskeyList'],
]);
