/** What a single-use link sent by mail proves when it comes back. */
export type AccountTokenPurpose = 'password_reset' | 'email_verification' | 'email_change';
