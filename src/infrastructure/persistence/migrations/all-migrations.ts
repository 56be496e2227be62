import { CreateUsersAndSessions1764000000000 } from './1764000000000-create-users-and-sessions.js';
import { CreateRateLimits1764000001000 } from './1764000001000-create-rate-limits.js';
import { CreateAccountTokensAndMailOutbox1764000002000 } from './1764000002000-create-account-tokens-and-mail-outbox.js';
import { BinaryIdentifierCollation1764000003000 } from './1764000003000-binary-identifier-collation.js';
import { CreatePasswordResetRequests1764000004000 } from './1764000004000-create-password-reset-requests.js';
import { AddSessionAuthentication1764000006000 } from './1764000006000-add-session-authentication.js';
import { CreateSecondFactors1764000007000 } from './1764000007000-create-second-factors.js';
import { AddUserAdministration1764000008000 } from './1764000008000-add-user-administration.js';
import { AddAccountTokenNewEmail1764000009000 } from './1764000009000-add-account-token-new-email.js';
import { CreatePasskeys1764000010000 } from './1764000010000-create-passkeys.js';
import { CreateAuditEvents1764000011000 } from './1764000011000-create-audit-events.js';
import { IndexUnspentRefreshTokens1764000012000 } from './1764000012000-index-unspent-refresh-tokens.js';
import { CoverLiveRefreshTokenCheck1764000013000 } from './1764000013000-cover-live-refresh-token-check.js';

/** Every migration, oldest first. A new one is appended here and nowhere else. */
export const allMigrations = [
  CreateUsersAndSessions1764000000000,
  CreateRateLimits1764000001000,
  CreateAccountTokensAndMailOutbox1764000002000,
  BinaryIdentifierCollation1764000003000,
  CreatePasswordResetRequests1764000004000,
  AddSessionAuthentication1764000006000,
  CreateSecondFactors1764000007000,
  AddUserAdministration1764000008000,
  AddAccountTokenNewEmail1764000009000,
  CreatePasskeys1764000010000,
  CreateAuditEvents1764000011000,
  IndexUnspentRefreshTokens1764000012000,
  CoverLiveRefreshTokenCheck1764000013000,
];
