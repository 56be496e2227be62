import { mkdir, writeFile } from 'node:fs/promises';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { registerAndLogin, TEST_PASSWORD, uniqueEmail, type TokenResponse, type UserBody } from '../support/accounts.js';
import { launchChromium, PageWatch } from '../support/browser.js';
import { HTTP_METHODS, type OpenApiDocument } from '../support/openapi-contract.js';
import { SwaggerUiDriver } from '../support/swagger-ui-driver.js';
import { startTestService, type TestService } from '../support/test-service.js';

// The README shows it: dist/test/integration/openapi -> docs/.
const SCREENSHOT = new URL('../../../../docs/swagger-ui.png', import.meta.url);

/** /docs in a real (Debian) Chromium: what a person sees and can do, and that it calls no one else. */
describe('Swagger UI at /docs in Chromium', function () {
  // A browser start on a busy 2-core CI machine can take seconds.
  this.timeout(60_000);
  let t: TestService;
  let browser: Browser;
  before(async () => {
    t = await startTestService();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
  });

  async function openDocs(): Promise<{ page: Page; watch: PageWatch; ui: SwaggerUiDriver }> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const watch = new PageWatch(page);
    await page.goto(`${t.url}/docs`);
    await page.locator('.opblock').first().waitFor();
    return { page, watch, ui: new SwaggerUiDriver(page) };
  }

  function expectNothingFromOutside(watch: PageWatch): void {
    expect(watch.requestsOutside(t.url), 'requests outside the service').to.deep.equal([]);
    expect(watch.errors, 'errors in the page (a CSP refusal is one)').to.deep.equal([]);
  }

  it('renders every operation of /openapi.json, loading everything from the service itself', async () => {
    const document = (await t.http().get('/openapi.json')).body as OpenApiDocument;
    const expected = Object.values(document.paths).flatMap((item) =>
      HTTP_METHODS.flatMap((method) => {
        const operation = item[method] as { operationId: string; tags: string[] } | undefined;
        return operation ? [`operations-${operation.tags[0]}-${operation.operationId}`] : [];
      }),
    );
    const { page, watch, ui } = await openDocs();
    expect((await ui.operationIds()).sort()).to.deep.equal(expected.sort());
    expect(watch.requests).to.include.members([`${t.url}/docs/swagger-ui-bundle.js`, `${t.url}/docs/swagger-ui-standalone-preset.js`, `${t.url}/docs/swagger-ui.min.css`, `${t.url}/openapi.json`]);
    expectNothingFromOutside(watch);
    await mkdir(new URL('.', SCREENSHOT), { recursive: true });
    await writeFile(SCREENSHOT, await page.screenshot());
  });

  it('registers and then logs in through "Try it out", showing the 201 and the 200', async () => {
    const { watch, ui } = await openDocs();
    const email = uniqueEmail('swagger');
    const registered = await ui.tryItOut('auth', 'register', { email, password: TEST_PASSWORD });
    expect(registered.status).to.equal(201);
    expect((registered.body as UserBody).email).to.equal(email);
    const login = await ui.tryItOut('auth', 'login', { email, password: TEST_PASSWORD });
    expect(login.status).to.equal(200);
    expect(login.body).to.include({ token_type: 'Bearer' });
    expect((login.body as TokenResponse).access_token).to.match(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expectNothingFromOutside(watch);
  });

  it('takes the access token in "Authorize" and sends it: GET /users/me answers 200 with the account', async () => {
    const session = await registerAndLogin(t, uniqueEmail('swagger'));
    const { watch, ui } = await openDocs();
    await ui.authorize(session.access_token);
    const me = await ui.tryItOut('users', 'getCurrentUser');
    expect(me.status).to.equal(200);
    expect(me.body).to.deep.equal({ ...session.user, emailVerifiedAt: null, mfaEnabled: false });
    expectNothingFromOutside(watch);
  });
});
