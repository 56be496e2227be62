import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { registerAndLogin } from '../support/accounts.js';
import { decodeAccessToken } from '../support/access-tokens.js';
import { launchChromium, PageWatch } from '../support/browser.js';
import { startTestService, type TestService } from '../support/test-service.js';
import { servePasskeyPage } from './passkey-page.js';

interface PageAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** What passkey-page.ts puts on the page's window. */
interface PageApi {
  addPasskey(api: string, accessToken: string, currentPassword: string, name: string): Promise<PageAnswer>;
  signInWithPasskey(api: string): Promise<PageAnswer>;
}

/** A real Chromium with a CDP virtual authenticator (CTAP2, resident keys, user verification) on a page at http://localhost. */
describe('Passkeys in Chromium: register, then sign in, with the browser’s own WebAuthn API', function () {
  // A browser start on a busy 2-core CI machine can take seconds.
  this.timeout(60_000);
  let t: TestService;
  let browser: Browser;
  let site: Awaited<ReturnType<typeof servePasskeyPage>>;
  before(async () => {
    site = await servePasskeyPage();
    t = await startTestService({ WEBAUTHN_RP_ID: 'localhost', WEBAUTHN_ORIGINS: site.origin, CORS_ORIGINS: site.origin });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
    await site?.close();
  });

  async function pageWithAuthenticator(): Promise<{ page: Page; watch: PageWatch }> {
    const page = await (await browser.newContext()).newPage();
    const watch = new PageWatch(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    await page.goto(`${site.origin}/`);
    return { page, watch };
  }

  it('adds a passkey (201) and signs in with it (200, amr hwk user mfa) for the same account', async () => {
    const session = await registerAndLogin(t);
    const { page, watch } = await pageWithAuthenticator();
    const added = await page.evaluate(([api, token, password]) => (globalThis as unknown as PageApi).addPasskey(api!, token!, password!, 'Chromium'), [
      t.url,
      session.access_token,
      session.password,
    ]);
    expect(added.status, JSON.stringify(added.body)).to.equal(201);
    expect(added.body).to.deep.include({ name: 'Chromium', lastUsedAt: null });
    const signedIn = await page.evaluate((api) => (globalThis as unknown as PageApi).signInWithPasskey(api), t.url);
    expect(signedIn.status, JSON.stringify(signedIn.body)).to.equal(200);
    const { claims } = decodeAccessToken(String(signedIn.body.access_token));
    expect([claims.sub, claims.amr]).to.deep.equal([session.user.id, ['hwk', 'user', 'mfa']]);
    expect(watch.errors).to.deep.equal([]);
  });
});
