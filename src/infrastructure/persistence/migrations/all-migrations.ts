import { CreateUsersAndSessions1764000000000 } from './1764000000000-create-users-and-sessions.js';

/** Every migration, oldest first. A new one is appended here and nowhere else. */
export const allMigrations = [CreateUsersAndSessions1764000000000];
