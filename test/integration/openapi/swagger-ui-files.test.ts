import { createHash } from 'node:crypto';
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
    expect(csp).to.include.members(["default-src 'none'", "connect-src 'self'", "frame-ancestors 'none'"]);
    // 'self' and hashes only: their exact lists are the next test's.
    expect(csp.find((directive) => directive.startsWith('script-src '))).to.match(/^script-src 'self'( 'sha256-[\w+/=]+')*$/);
    expect(csp.find((directive) => directive.startsWith('style-src '))).to.match(/^style-src 'self'( 'sha256-[\w+/=]+'| 'unsafe-hashes')*$/);
    expect(csp.join(' ')).not.to.match(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  // CSP Level 3 §8.4: an inline element runs when the sha256 of its exact text is listed; a
  // style attribute needs 'unsafe-hashes' besides. Anything else inline is refused.
  it('lets its inline script and styles run by their sha256 alone, never by unsafe-inline', async () => {
    const res = await t.http().get('/docs');
    const html = res.text;
    const csp = new Map(String(res.headers['content-security-policy']).split(/;\s*/).map((directive) => {
      const [name, ...sources] = directive.split(' ');
      return [name, sources] as const;
    }));
    const sha256 = (text = '') => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => sha256(match[1]));
    const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => sha256(match[1]));
    const styleAttributes = [...html.matchAll(/\sstyle="([^"]*)"/g)].map((match) => sha256(match[1]));
    expect(scripts, 'inline scripts').to.have.length.greaterThan(0);
    expect(csp.get('script-src')).to.deep.equal(["'self'", ...new Set(scripts)]);
    expect(csp.get('style-src')).to.deep.equal(["'self'", ...new Set(styles), ...(styleAttributes.length > 0 ? ["'unsafe-hashes'", ...new Set(styleAttributes)] : [])]);
    expect(res.headers['content-security-policy']).not.to.match(/unsafe-inline|unsafe-eval/);
  });

  it('refers only to files under /docs/', async () => {
    const html = (await t.http().get('/docs')).text;
    const urls = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
    expect(urls).to.have.length.greaterThan(2);
    for (const url of urls) expect(url).to.match(/^\/docs\/[\w.-]+$/);
  });

  it('serves Swagger UI’s own files from the installed swagger-ui-dist, byte for byte', async () => {
    for (const [path, file, type] of [
      ['swagger-ui-bundle.js', 'swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
      ['swagger-ui-standalone-preset.js', 'swagger-ui-standalone-preset.js', 'text/javascript; charset=utf-8'],
      // The name koa2-swagger-ui's page asks for; swagger-ui-dist's stylesheet is minified already.
      ['swagger-ui.min.css', 'swagger-ui.css', 'text/css; charset=utf-8'],
      ['favicon-32x32.png', 'favicon-32x32.png', 'image/png'],
    ] as const) {
      const res = await t.http().get(`/docs/${path}`).buffer(true).parse((response, done) => {
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
    for (const path of ['/docs/index.html', '/docs/swagger-ui.css', '/docs/swagger-initializer.js', '/docs/swagger-initializer.js.map', '/docs/swagger-ui-bundle.js.map', '/docs/oauth2-redirect.html', '/docs/..%2fpackage.json']) {
      expectProblem(await t.http().get(path), 404);
    }
  });
});
