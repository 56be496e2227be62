import type { AccountAdministration } from '../application/ports/account-administration.js';
import type { AuditLog } from '../application/ports/audit-log.js';
import type { AuditTrail } from '../application/ports/audit-trail.js';
import type { Clock } from '../application/ports/clock.js';
import type { IdGenerator } from '../application/ports/id-generator.js';
import type { PasswordHasher } from '../application/ports/password-hasher.js';
import type { UserDirectory } from '../application/ports/user-directory.js';
import type { UserRepository } from '../application/ports/user-repository.js';
import type { NewPasswordCheck } from '../application/services/new-password-check.js';
import { CreateUser } from '../application/use-cases/create-user.js';
import { DisableUser } from '../application/use-cases/disable-user.js';
import { EnableUser } from '../application/use-cases/enable-user.js';
import { EndUserSessions } from '../application/use-cases/end-user-sessions.js';
import { EraseUser } from '../application/use-cases/erase-user.js';
import { ListAuditEvents } from '../application/use-cases/list-audit-events.js';
import { GetUserOverview } from '../application/use-cases/get-user-overview.js';
import { ListUsers } from '../application/use-cases/list-users.js';
import { ResetUserMfa } from '../application/use-cases/reset-user-mfa.js';
import type { RouteSpec } from '../interfaces/http/route-spec.js';
import { disableUserRoute, enableUserRoute, endUserSessionsRoute, eraseUserRoute, resetUserMfaRoute } from '../interfaces/http/routes/admin-account-routes.js';
import { listAuditEventsRoute } from '../interfaces/http/routes/admin-audit-routes.js';
import { createUserRoute, getUserRoute, listUsersRoute } from '../interfaces/http/routes/admin-user-routes.js';

export interface AdminPorts {
  readonly users: UserRepository;
  readonly accounts: AccountAdministration;
  readonly directory: UserDirectory;
  readonly hasher: PasswordHasher;
  readonly newPasswordCheck: NewPasswordCheck;
  readonly ids: IdGenerator;
  readonly clock: Clock;
  readonly audit: AuditTrail;
  readonly auditLog: AuditLog;
}

/** The admin API's routes: given only when ADMIN_API_KEY is set, so that otherwise no /admin path exists (404). */
export function buildAdminRoutes(adminApiKey: string | null, ports: AdminPorts): RouteSpec[] {
  if (!adminApiKey) return [];
  const { accounts, clock, audit } = ports;
  const getUser = new GetUserOverview(ports.directory);
  return [
    listUsersRoute(new ListUsers(ports.directory)),
    createUserRoute(new CreateUser({ users: ports.users, hasher: ports.hasher, newPassword: ports.newPasswordCheck, ids: ports.ids, clock, audit }), getUser),
    getUserRoute(getUser),
    disableUserRoute(new DisableUser(accounts, clock, audit)),
    enableUserRoute(new EnableUser(accounts, audit)),
    endUserSessionsRoute(new EndUserSessions(accounts, clock, audit)),
    resetUserMfaRoute(new ResetUserMfa(accounts, audit)),
    eraseUserRoute(new EraseUser(accounts, audit)),
    listAuditEventsRoute(new ListAuditEvents(ports.auditLog)),
  ];
}
