import { expect } from 'chai';
import nodemailer from 'nodemailer';
import { addressIn, decodeQuotedPrintable, parseMime } from '../support/mime-message.js';

// The tests of recovery read mails with this small parser: it must read what nodemailer writes.
const LINK = `https://app.example.test/reset-password#token=${'x'.repeat(43)}`;

async function built(text: string, html: string): Promise<string> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await transport.sendMail({ from: 'no-reply@example.test', to: 'Ann <ann@example.com>', subject: 'Grüße, Ann', text, html });
  return (info.message as Buffer).toString('utf8');
}

describe('parseMime, on messages nodemailer builds', () => {
  it('reads both parts of a multipart/alternative mail', async () => {
    const mail = parseMime(await built(`Open:\n\n${LINK}\n`, `<p><a href="${LINK}">${LINK}</a></p>`));
    expect([mail.text, mail.html]).to.deep.equal([`Open:\n\n${LINK}\n`, `<p><a href="${LINK}">${LINK}</a></p>`]);
  });

  it('decodes a long quoted-printable line and non-ASCII text', async () => {
    const text = `Grüße — ${'lorem ipsum '.repeat(20)}= ${LINK}`;
    expect(parseMime(await built(text, '<p>x</p>')).text).to.equal(text);
  });

  it('decodes an encoded-word subject and reads an address in angle brackets', async () => {
    const mail = parseMime(await built('x', '<p>x</p>'));
    expect([mail.headers.get('subject'), addressIn(mail.headers.get('to'))]).to.deep.equal(['Grüße, Ann', 'ann@example.com']);
  });

  it('reverses soft line breaks and =XX octets', () => {
    expect(decodeQuotedPrintable('a=3Db=\nc=C3=BC')).to.equal('a=bcü');
  });
});
