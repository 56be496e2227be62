import { expect } from 'chai';
import { emailVerificationMail, loginCeilingNoticeMail, passwordResetMail } from '../../../src/application/services/account-mails.js';

const TOKEN = 'q7Hk3Jx_0aZ-b9W2c8dEfGhIjKlMnOpQrStUvWxYz12';
// A base URL with every character HTML treats specially in an attribute.
const AWKWARD_BASE = `https://app.example.com/a?x=1&y='2'&z="<3>"`;

describe('account mails', () => {
  describe('the password reset mail', () => {
    const mail = passwordResetMail('Ann@example.com', 'https://app.example.com', TOKEN, 30);
    const link = `https://app.example.com/reset-password#token=${TOKEN}`;

    it('is addressed to the account and says what it is about', () => {
      expect([mail.to, mail.subject]).to.deep.equal(['Ann@example.com', 'Reset your password']);
    });

    it('carries the link in the text part', () => {
      expect(mail.text).to.include(link);
    });

    it('carries the same link as the href and the text of an anchor in the HTML part', () => {
      expect(mail.html).to.include(`<a href="${link}">${link}</a>`);
    });

    it('says how long the link lasts, in minutes', () => {
      expect(mail.text).to.include('within 30 minutes');
    });
  });

  describe('the verification mail', () => {
    const mail = emailVerificationMail('Ann@example.com', 'https://app.example.com', TOKEN, 24);
    const link = `https://app.example.com/verify-email#token=${TOKEN}`;

    it('is addressed to the account and says what it is about', () => {
      expect([mail.to, mail.subject]).to.deep.equal(['Ann@example.com', 'Confirm your e-mail address']);
    });

    it('carries the link in both parts', () => {
      expect([mail.text.includes(link), mail.html.includes(`href="${link}"`)]).to.deep.equal([true, true]);
    });

    it('says how long the link lasts, in hours', () => {
      expect(mail.text).to.include('within 24 hours');
    });
  });

  describe('the notice that password sign-in is paused', () => {
    const mail = loginCeilingNoticeMail('Ann@example.com', 15);

    it('is addressed to the account and says what it is about', () => {
      expect([mail.to, mail.subject]).to.deep.equal(['Ann@example.com', 'Too many failed sign-ins to your account']);
    });

    it('says for how long, in minutes, and that a password reset ends it sooner', () => {
      expect([mail.text.includes('up to 15 minutes'), mail.text.includes('reset your password')]).to.deep.equal([true, true]);
    });

    it('says it in the HTML part too', () => {
      expect([mail.html.includes('up to 15 minutes'), mail.html.includes('reset your password')]).to.deep.equal([true, true]);
    });

    it('holds no link and no token: a notice anyone could be sent must not be phishing bait', () => {
      expect(`${mail.text}${mail.html}`).not.to.match(/https?:|#token=|<a\b|href\s*=/i);
    });
  });

  describe('in HTML', () => {
    const mail = passwordResetMail('ann@example.com', AWKWARD_BASE, TOKEN, 30);
    const escaped = 'https://app.example.com/a?x=1&amp;y=&#39;2&#39;&amp;z=&quot;&lt;3&gt;&quot;';

    it('escapes the link, so that it cannot end the attribute or open a tag', () => {
      expect(mail.html).to.include(`<a href="${escaped}/reset-password#token=${TOKEN}">`);
    });

    it('leaves no unescaped special character of the link in the markup', () => {
      expect(mail.html).not.to.include('"<3>"').and.not.to.include("'2'");
    });

    it('keeps the link as it is in the text part', () => {
      expect(mail.text).to.include(`${AWKWARD_BASE}/reset-password#token=${TOKEN}`);
    });
  });

  describe('holds no remote content', () => {
    for (const [name, mail] of [
      ['the reset mail', passwordResetMail('ann@example.com', 'https://app.example.com', TOKEN, 30)],
      ['the verification mail', emailVerificationMail('ann@example.com', 'https://app.example.com', TOKEN, 24)],
    ] as const) {
      it(`in ${name}: no image, style sheet, script or frame`, () => {
        expect(mail.html).not.to.match(/<img|<link|<script|<iframe|<object|\bsrc\s*=|url\(|@import|background\s*=/i);
      });

      it(`in ${name}: one link, the one with the token`, () => {
        expect(mail.html.match(/https?:\/\/[^"<\s]+/g)?.every((url) => url.includes(`#token=${TOKEN}`))).to.equal(true);
      });
    }
  });
});
