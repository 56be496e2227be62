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
  const footer = 'If it was you, wait and try again later.';
  return {
    to,
    subject: 'Too many failed sign-ins to your account',
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
