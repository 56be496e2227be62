import { expect } from 'chai';
import type { Response } from 'supertest';
import { OpenApiContract, type OpenApiDocument } from '../../../integration/support/openapi-contract.js';

const requestId = { $ref: '#/components/headers/X-Request-Id' };
const problem = (description: string, headers: object = {}) => ({
  description,
  headers: { 'X-Request-Id': requestId, ...headers },
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const DOCUMENT = {
  openapi: '3.1.0',
  paths: {
    '/things/{id}': {
      get: {
        operationId: 'getThing',
        responses: {
          200: {
            description: 'The thing.',
            headers: { 'X-Request-Id': requestId },
            content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] } } },
          },
          204: { description: 'Nothing.', headers: { 'X-Request-Id': requestId } },
        },
      },
    },
  },
  components: {
    schemas: { Problem: { type: 'object', properties: { status: { type: 'integer' } }, required: ['status'] } },
    headers: { 'X-Request-Id': { required: true, schema: { type: 'string' } } },
    responses: { NotFound: problem('No such path.'), MethodNotAllowed: problem('No such method.', { Allow: { schema: { type: 'string' } } }) },
  },
} as unknown as OpenApiDocument;

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
function res(status: number, body?: object, headers: Record<string, string> = {}): Response {
  const type = body ? { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8' } : {};
  return { status, body: body ?? {}, text: body ? JSON.stringify(body) : '', headers: { 'x-request-id': 'r-1', ...type, ...headers } } as unknown as Response;
}

describe('OpenApiContract (the integration tests’ response checker)', () => {
  const contract = new OpenApiContract(DOCUMENT);

  it('accepts a documented status whose body matches its schema', () => {
    expect(() => contract.check(res(200, { id: ID }), 'get', `/things/${ID}`)).not.to.throw();
  });

  it('accepts a documented response without a body', () => {
    expect(() => contract.check(res(204), 'get', '/things/x')).not.to.throw();
  });

  it('refuses a status the operation does not document', () => {
    expect(() => contract.check(res(401, { status: 401 }), 'get', '/things/x')).to.throw(/getThing.*401.*does not document/);
  });

  it('refuses a body that breaks its schema, formats included', () => {
    expect(() => contract.check(res(200, { id: 'not-a-uuid' }), 'get', '/things/x')).to.throw(/must match format "uuid"/);
  });

  it('refuses a media type the response does not document', () => {
    expect(() => contract.check(res(200, { id: ID }, { 'content-type': 'text/plain' }), 'get', '/things/x')).to.throw(/media type/);
  });

  it('refuses a response without a required header (X-Request-Id)', () => {
    const missing = res(200, { id: ID });
    delete (missing.headers as Record<string, string>)['x-request-id'];
    expect(() => contract.check(missing, 'get', '/things/x')).to.throw(/X-Request-Id/);
  });

  it('expects the documented 404 for a path the document does not have', () => {
    expect(() => contract.check(res(404, { status: 404 }), 'get', '/other')).not.to.throw();
    expect(() => contract.check(res(200, { id: ID }), 'get', '/other')).to.throw(/status/);
  });

  it('expects the documented 405 with Allow naming the documented methods (and HEAD with GET)', () => {
    expect(() => contract.check(res(405, { status: 405 }, { allow: 'HEAD, GET' }), 'post', '/things/x')).not.to.throw();
    expect(() => contract.check(res(405, { status: 405 }, { allow: 'GET, POST' }), 'post', '/things/x')).to.throw(/Allow/);
  });
});
