import { readFileSync } from 'node:fs';
import Router from '@koa/router';
import { validate } from '@readme/openapi-parser';
import { expect } from 'chai';
import sinon from 'sinon';
import { HTTP_METHODS, type OpenApiDocument } from '../support/openapi-contract.js';
import { startTestService, type TestService } from '../support/test-service.js';

interface ResponseDoc {
  readonly content?: Record<string, { schema?: object }>;
  readonly headers?: Record<string, unknown>;
}
interface OperationDoc {
  readonly operationId: string;
  readonly responses: Record<string, ResponseDoc>;
}

const PACKAGE = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string };

/** Every (method, path) of the document, with its operation. */
function operationsOf(document: OpenApiDocument): Array<{ key: string; operation: OperationDoc }> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({ key: `${method.toUpperCase()} ${path}`, operation: item[method] as unknown as OperationDoc })),
  );
}

describe('GET /openapi.json', () => {
  let t: TestService;
  let document: OpenApiDocument;
  /** What the router really mounted, seen as createHttpApp hands it to Koa. */
  let mounted: string[];
  before(async () => {
    const routes = sinon.spy(Router.prototype, 'routes');
    try {
      t = await startTestService();
    } finally {
      routes.restore();
    }
    const layers = routes.thisValues.flatMap((router: Router) => router.stack);
    mounted = layers.flatMap((layer) =>
      layer.methods.filter((method) => method !== 'HEAD').map((method) => `${method} ${String(layer.path).replace(/:(\w+)/g, '{$1}')}`),
    );
    document = (await t.http().get('/openapi.json')).body as OpenApiDocument;
  });
  after(async () => {
    await t?.stop();
  });

  it('is a valid OpenAPI 3.1 document (@readme/openapi-parser)', async () => {
    expect(document.openapi).to.match(/^3\.1\.\d+$/);
    const result = await validate(structuredClone(document) as never);
    expect(result, JSON.stringify(result)).to.include({ valid: true });
  });

  it('carries the version of package.json', () => {
    expect((document as unknown as { info: { version: string } }).info.version).to.equal(PACKAGE.version);
  });

  // Swagger UI's own files are mounted but left out: a generated client has no use for them.
  const SWAGGER_UI_FILE = /^GET \/docs\/./;

  it('documents every route the router mounts but Swagger UI’s files, and nothing else', () => {
    expect(mounted).to.have.length.greaterThan(10);
    const api = mounted.filter((key) => !SWAGGER_UI_FILE.test(key));
    expect(operationsOf(document).map(({ key }) => key).sort()).to.deep.equal(api.sort());
  });

  it('leaves out every file of Swagger UI, which the service still serves', () => {
    const files = mounted.filter((key) => SWAGGER_UI_FILE.test(key));
    expect(files).to.have.length.greaterThan(2);
    expect(operationsOf(document).filter(({ key }) => SWAGGER_UI_FILE.test(key))).to.deep.equal([]);
  });

  it('shows, as each route’s 422 example, an error about a field that route takes', () => {
    for (const { key, operation } of operationsOf(document)) {
      const example = (operation.responses['422']?.content?.['application/problem+json'] as { example?: { errors?: Array<{ pointer: string }> } } | undefined)?.example;
      if (!example) continue;
      const schema = (operation as { requestBody?: { content: Record<string, { schema: { $ref?: string; properties?: object } }> } }).requestBody?.content['application/json']?.schema;
      const components = (document as unknown as { components: { schemas: Record<string, { properties?: object }> } }).components.schemas;
      const resolved = schema?.$ref ? components[schema.$ref.replace('#/components/schemas/', '')] : schema;
      const fields = Object.keys(resolved?.properties ?? {});
      const pointers = (example.errors ?? []).map((error) => error.pointer.slice(1));
      expect(pointers, key).to.have.length.greaterThan(0);
      for (const pointer of pointers) expect(fields, `${key}: its 422 example names ${pointer}`).to.include(pointer);
    }
  });

  it('gives every response that has a body a schema, for each of its media types', () => {
    for (const { key, operation } of operationsOf(document)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (status === '204') {
          expect(response.content, `${key} ${status}`).to.equal(undefined);
          continue;
        }
        const content = Object.entries(response.content ?? {});
        expect(content, `${key} ${status} has no body documented`).not.to.be.empty;
        for (const [mediaType, body] of content) expect(body.schema, `${key} ${status} ${mediaType}`).to.be.an('object');
      }
    }
  });

  it('documents X-Request-Id on every response', () => {
    for (const { key, operation } of operationsOf(document)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        expect(response.headers, `${key} ${status}`).to.have.property('X-Request-Id');
      }
    }
  });

  it('documents problems as application/problem+json, a 422 as the problem with errors[]', () => {
    const problems = new Set(['#/components/schemas/Problem', '#/components/schemas/ValidationProblem', '#/components/schemas/MfaRequiredProblem']);
    let seen = 0;
    for (const { key, operation } of operationsOf(document)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const [mediaType, body] of Object.entries(response.content ?? {})) {
          const ref = (body.schema as { $ref?: string }).$ref ?? '';
          expect(mediaType === 'application/problem+json', `${key} ${status} ${mediaType} ${ref}`).to.equal(problems.has(ref));
          if (status === '422') expect(ref, `${key} 422`).to.equal('#/components/schemas/ValidationProblem');
          if (problems.has(ref)) seen++;
        }
      }
    }
    expect(seen).to.be.greaterThan(20);
  });

  it('is answered as JSON with X-Request-Id and Cache-Control: no-cache', async () => {
    const res = await t.http().get('/openapi.json');
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.equal('application/json; charset=utf-8');
    expect(res.headers['cache-control']).to.equal('no-cache');
    expect(res.headers['x-request-id']).to.be.a('string');
  });
});
