import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect } from 'chai';
import { expectProblem } from '../support/problems.js';
import { startTestService, type TestService } from '../support/test-service.js';

const DIST = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** GET /docs over HTTP: the page, its policy, and the fixed list of files it may load. */
describe('GET /docs and its files', () => {
  let t: TestService;
  before(async () => {
    t = await startTestService();
  });
  after(async () => {
    await t?.stop();
  });

  it('answers an HTML page whose CSP lets it load and call nothing but this service', async () => {
    const res = await t.http().get('/docs');
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.equal('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']).split(/;\s*/);
    expect(csp).to.include.members(["default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"]);
    expect(csp.join(' ')).not.to.match(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('refers only to files under /docs/ and has no inline script', async () => {
    const html = (await t.http().get('/docs')).text;
    const urls = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
    expect(urls).to.have.length.greaterThan(2);
    for (const url of urls) expect(url).to.match(/^\/docs\/[\w.-]+$/);
    expect(html).not.to.match(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('serves Swagger UI’s own files from the installed swagger-ui-dist, byte for byte', async () => {
    for (const [file, type] of [
      ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
      ['swagger-ui.css', 'text/css; charset=utf-8'],
      ['favicon-32x32.png', 'image/png'],
    ] as const) {
      const res = await t.http().get(`/docs/${file}`).buffer(true).parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
      expect(res.status, file).to.equal(200);
      expect(res.headers['content-type'], file).to.equal(type);
      expect((res.body as Buffer).equals(readFileSync(join(DIST, file))), file).to.equal(true);
    }
  });

  it('answers any other name under /docs/ with 404, however it is spelled', async () => {
    for (const path of ['/docs/index.html', '/docs/swagger-initializer.js.map', '/docs/swagger-ui-bundle.js.map', '/docs/oauth2-redirect.html', '/docs/..%2fpackage.json']) {
      expectProblem(await t.http().get(path), 404);
    }
  });
});
