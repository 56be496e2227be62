import { readFile } from 'node:fs/promises';
import { expect } from 'chai';
import { generateTypes } from 'openapi-client-generator';
import createClient from 'openapi-fetch';
import { TEST_PASSWORD, uniqueEmail } from '../support/accounts.js';
import { startTestService, type TestService } from '../support/test-service.js';
import type { paths } from './generated/api.js';
import { ADMIN_KEY } from '../admin/admin-support.js';

type Document = Record<string, Record<string, unknown>>;

/** Which paths and top-level members differ, so that a stale file says where. */
function differences(a: Document, b: Document): string {
  const differ = (x: Record<string, unknown> = {}, y: Record<string, unknown> = {}) =>
    [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((key) => JSON.stringify(x[key]) !== JSON.stringify(y[key]));
  return [...differ(a.paths, b.paths), ...differ(a, b).filter((key) => key !== 'paths')].join(', ');
}

// The committed output of `npm run generate:client` (dist/test/integration/openapi -> test/...).
const GENERATED = new URL('../../../../test/integration/openapi/generated/', import.meta.url);

/** A typed client generated from /openapi.json (openapi-typescript), used with openapi-fetch. */
describe('the client generated from /openapi.json', () => {
  let t: TestService;
  before(async () => {
    // As generate-client.mjs runs it: with the admin API on.
    t = await startTestService({ ADMIN_API_KEY: ADMIN_KEY });
  });
  after(async () => {
    await t?.stop();
  });

  it('is up to date with the document the service serves (else: npm run generate:client)', async () => {
    const document = (await t.http().get('/openapi.json')).body as Document;
    const committed = JSON.parse(await readFile(new URL('openapi.json', GENERATED), 'utf8')) as Document;
    expect(committed, `generated/openapi.json is stale (${differences(committed, document)}): run npm run generate:client`).to.deep.equal(document);
    const types = await generateTypes(document);
    expect(types === (await readFile(new URL('api.d.ts', GENERATED), 'utf8')), 'generated/api.d.ts is stale: run npm run generate:client').to.equal(true);
  });

  it('registers, logs in and reads /users/me with openapi-fetch and the generated types', async () => {
    const client = createClient<paths>({ baseUrl: t.url });
    const email = uniqueEmail('client');
    const registered = await client.POST('/auth/register', { body: { email, password: TEST_PASSWORD } });
    expect(registered.response.status).to.equal(201);
    expect(registered.data?.email).to.equal(email);

    const login = await client.POST('/auth/login', { body: { email, password: TEST_PASSWORD } });
    expect(login.response.status).to.equal(200);
    const accessToken: string = login.data!.access_token;

    const me = await client.GET('/users/me', { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(me.response.status).to.equal(200);
    expect(me.data).to.deep.equal({ ...registered.data, emailVerifiedAt: null, mfaEnabled: false });
  });

  it('types a refusal as the problem the document names', async () => {
    const client = createClient<paths>({ baseUrl: t.url });
    const { error, response } = await client.POST('/auth/login', { body: { email: uniqueEmail('client'), password: TEST_PASSWORD } });
    expect(response.status).to.equal(401);
    const status: number | undefined = error?.status;
    expect(status).to.equal(401);
    expect(error?.requestId).to.equal(response.headers.get('X-Request-Id'));
  });
});
