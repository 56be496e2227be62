import type { OutgoingMail } from '../ports/outgoing-mail.js';

// Links carry the token in the fragment, which browsers never send to a server: the front
// end's access logs never see it (docs/api.md, "Mailed links").
export function passwordResetMail(to: string, appBaseUrl: string, token: string, ttlMinutes: number): OutgoingMail {
  const link = `${appBaseUrl}/reset-password#token=${token}`;
  return compose(to, 'Reset your password', [
    'Someone (we hope you) asked to reset the password of this account.',
    `Choose a new password here within ${ttlMinutes} minutes:`,
  ], link, 'If it was not you, ignore this mail: your password stays as it is.');
}

export function emailVerificationMail(to: string, appBaseUrl: string, token: string, ttlHours: number): OutgoingMail {
  const link = `${appBaseUrl}/verify-email#token=${token}`;
  return compose(to, 'Confirm your e-mail address', [
    'Confirm that this address is yours by opening this link',
    `within ${ttlHours} hours:`,
  ], link, 'If you did not create an account, ignore this mail.');
}

// No link, on purpose: anyone can make this mail go out (by guessing wrong), so it must not
// teach owners to click links in unexpected mail. It names no address or time of the attempts.
export function loginCeilingNoticeMail(to: string, windowMinutes: number): OutgoingMail {
  const lines = [
    'There have been many failed attempts to sign in to this account with a password,',
    `so signing in with the password is paused for up to ${windowMinutes} minutes.`,
    'If that was not you, someone may be guessing your password. It has not been revealed.',
    'To sign in sooner, reset your password from the sign-in page.',
  ];
  return composeNotice(to, 'Too many failed sign-ins to your account', lines, 'If it was you, wait and try again later.');
}

export function emailChangeMail(to: string, appBaseUrl: string, token: string, ttlHours: number): OutgoingMail {
  const link = `${appBaseUrl}/confirm-email#token=${token}`;
  return compose(to, 'Confirm your new e-mail address', [
    'Someone (we hope you) asked to make this the e-mail address of an account.',
    `Confirm it by opening this link within ${ttlHours} hours:`,
  ], link, 'If it was not you, ignore this mail: nothing changes.');
}

// The notices below carry no link, for the reason given at loginCeilingNoticeMail, and no
// secret: they tell the owner what changed, so that a change it did not make shows.
const NOT_YOU = 'If that was not you, reset your password from the sign-in page at once.';

/** To the address an account is leaving: it names neither the new address nor the requester's. */
export function emailChangeNoticeMail(to: string): OutgoingMail {
  return composeNotice(to, 'Your e-mail address is being changed', [
    'Someone signed in to this account asked to change its e-mail address to another one.',
    'The change takes effect once a link mailed to the new address is followed;',
    'from then on, this address no longer signs in to the account.',
  ], NOT_YOU);
}

export function passwordChangedNoticeMail(to: string): OutgoingMail {
  return composeNotice(to, 'Your password was changed', [
    'The password of this account was just changed, and every device signed in to it was signed out.',
  ], NOT_YOU);
}

/** Which second factor a notice is about: TOTP now; the admin MFA reset removes them all. */
export type SecondFactorNoticeKind = 'totp' | 'every_factor';

const FACTOR_NAME: Record<SecondFactorNoticeKind, string> = {
  totp: 'An authenticator app (TOTP)',
  every_factor: 'Every second factor, with the recovery codes,',
};

export function secondFactorAddedNoticeMail(to: string, kind: SecondFactorNoticeKind): OutgoingMail {
  return composeNotice(to, 'A second factor was added to your account', [
    `${FACTOR_NAME[kind]} was just set up for signing in to this account.`,
  ], NOT_YOU);
}

export function secondFactorRemovedNoticeMail(to: string, kind: SecondFactorNoticeKind): OutgoingMail {
  return composeNotice(to, 'A second factor was removed from your account', [
    `${FACTOR_NAME[kind]} was just removed from this account: signing in needs only the password now.`,
  ], NOT_YOU);
}

// The passkey's name is left out: whoever added it chose it, and it would be text of theirs in the owner's mail.
export function passkeyAddedNoticeMail(to: string): OutgoingMail {
  return composeNotice(to, 'A passkey was added to your account', ['A passkey was just added to this account: it signs in without the password.'], NOT_YOU);
}

export function passkeyRemovedNoticeMail(to: string): OutgoingMail {
  return composeNotice(to, 'A passkey was removed from your account', ['A passkey was just removed from this account: it no longer signs in.'], NOT_YOU);
}

function composeNotice(to: string, subject: string, lines: string[], footer: string): OutgoingMail {
  return {
    to,
    subject,
    text: `${lines.join('\n')}\n\n${footer}\n`,
    html: `<!doctype html><html><body><p>${lines.map(escapeHtml).join('<br>')}</p><p>${escapeHtml(footer)}</p></body></html>`,
  };
}

function compose(to: string, subject: string, lines: string[], link: string, footer: string): OutgoingMail {
  const text = `${lines.join('\n')}\n\n${link}\n\n${footer}\n`;
  const html =
    `<!doctype html><html><body><p>${lines.map(escapeHtml).join('<br>')}</p>` +
    `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p><p>${escapeHtml(footer)}</p></body></html>`;
  return { to, subject, text, html };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
