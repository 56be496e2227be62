import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { only } from '../../unit/support/only.js';
import { TEST_PASSWORD, uniqueEmail } from '../support/accounts.js';
import { parseMime, type MimeMessage } from '../support/mime-message.js';
import { databaseKind } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';
import { waitFor } from '../support/wait-for.js';
import { APP_BASE_URL, NEW_PASSWORD, linkTokenIn } from './recovery-scenario.js';

describe(`the file outbox on the embedded default, without SMTP_URL (${databaseKind()})`, () => {
  const email = uniqueEmail();
  let dir: string;
  let t: TestService;
  let file: string;
  let raw: string;
  let mail: MimeMessage;
  let token: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'auth-outbox-'));
    t = await startTestService({ MAIL_OUTBOX_DIR: dir, MAIL_POLL_INTERVAL: '50ms', APP_BASE_URL });
    await t.http().post('/auth/register').send({ email, password: TEST_PASSWORD }).expect(201);
    await t.http().post('/auth/password-reset').send({ email }).expect(202);
    const files = await waitFor('an .eml file', async () => {
      const names = (await readdir(dir)).filter((name) => name.endsWith('.eml'));
      return names.length > 0 && names;
    });
    file = join(dir, only(files));
    raw = await readFile(file, 'utf8');
    mail = parseMime(raw);
    token = linkTokenIn(mail.text, 'reset-password');
  });
  after(async () => {
    await t?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the reset mail as one .eml file in MAIL_OUTBOX_DIR, and none at registration', async () => {
    expect((await readdir(dir)).filter((name) => name.endsWith('.eml'))).to.have.lengthOf(1);
  });

  it('addresses it to the account, from MAIL_FROM, with its subject', () => {
    expect([mail.headers.get('to'), mail.headers.get('from'), mail.headers.get('subject')]).to.deep.equal([email, 'no-reply@localhost', 'Reset your password']);
  });

  it('holds the link {APP_BASE_URL}/reset-password#token=<token> once quoted-printable is decoded, in both parts', () => {
    const link = `${APP_BASE_URL}/reset-password#token=${token}`;
    expect([mail.text?.includes(link), mail.html?.includes(`href="${link}"`)]).to.deep.equal([true, true]);
  });

  it('makes the file readable by its owner only', async () => {
    expect((await stat(file)).mode & 0o777).to.equal(0o600);
  });

  it('holds a token that resets the password', async () => {
    await t.http().post('/auth/password-reset/confirm').send({ token, newPassword: NEW_PASSWORD }).expect(204);
    await t.http().post('/auth/login').send({ email, password: NEW_PASSWORD }).expect(200);
  });

  it('puts no token in the log', () => {
    expect(t.logs.text()).not.to.include(token);
  });
});
