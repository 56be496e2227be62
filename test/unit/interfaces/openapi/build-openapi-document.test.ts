import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'chai';
import type { OpenAPIObject, OperationObject, ResponseObject } from 'openapi3-ts/oas31';
import { buildOpenApiDocument } from '../../../../src/interfaces/http/openapi/build-openapi-document.js';
import type { RouteSpec } from '../../../../src/interfaces/http/route-spec.js';
import { problem } from '../../../../src/interfaces/http/routes/responses.js';
import { credentialsSchema } from '../../../../src/interfaces/http/schemas/credentials-schema.js';
import { userSchema } from '../../../../src/interfaces/http/schemas/user-schema.js';

const handler = async () => undefined;
const route = (overrides: Partial<RouteSpec>): RouteSpec => ({
  method: 'get',
  path: '/things',
  operationId: 'listThings',
  summary: 'Things',
  tags: ['things'],
  responses: { 200: { description: 'The things.', schema: { type: 'array', items: { type: 'string' } } } },
  handler,
  ...overrides,
});
const build = (routes: RouteSpec[]) => buildOpenApiDocument(routes, { version: '1.2.3' });
const operation = (document: OpenAPIObject, path: string, method: string) => document.paths![path]![method as 'get'] as OperationObject;
const statuses = (op: OperationObject) => Object.keys(op.responses ?? {});
const response = (op: OperationObject, status: number) => op.responses![String(status)] as ResponseObject;

describe('buildOpenApiDocument', () => {
  it('writes an OpenAPI 3.1 document with the given version, served relative to its own origin', () => {
    const document = build([route({})]);
    expect(document.openapi).to.equal('3.1.0');
    expect(document.info.version).to.equal('1.2.3');
    expect(document.servers).to.deep.equal([{ url: '/', description: 'This service' }]);
  });

  it('writes a Koa path parameter as an OpenAPI template with a required path parameter', () => {
    const document = build([route({ method: 'delete', path: '/things/:thingId', operationId: 'deleteThing' })]);
    expect(operation(document, '/things/{thingId}', 'delete').parameters).to.deep.equal([
      { name: 'thingId', in: 'path', required: true, schema: { type: 'string' } },
    ]);
  });

  it('documents a body with the very schema the route validates with, and an example that passes it', () => {
    const document = build([route({ method: 'post', operationId: 'addThing', body: credentialsSchema })]);
    const body = operation(document, '/things', 'post').requestBody as { required: boolean; content: Record<string, { schema: unknown; example: unknown }> };
    expect(body.required).to.equal(true);
    expect(body.content['application/json']!.schema).to.deep.equal({ $ref: '#/components/schemas/Credentials' });
    expect(document.components!.schemas!.Credentials).to.deep.equal(credentialsSchema);
    const validate = new Ajv2020({ strict: true }).compile(credentialsSchema);
    expect(validate(body.content['application/json']!.example)).to.equal(true);
  });

  it('adds 400, 413, 415 and 422 problems to a route with a body, and none of them to a route without', () => {
    const document = build([route({ method: 'post', operationId: 'addThing', body: credentialsSchema }), route({})]);
    expect(statuses(operation(document, '/things', 'post'))).to.include.members(['400', '413', '415', '422']);
    expect(statuses(operation(document, '/things', 'get'))).to.deep.equal(['200', '500']);
  });

  it('keeps a route’s own 400 and adds the malformed-JSON cause to its description', () => {
    const own = route({ method: 'post', body: credentialsSchema, responses: { 204: { description: 'Done.' }, 400: problem('The link was already used.') } });
    expect(response(operation(build([own]), '/things', 'post'), 400).description).to.equal(
      'The link was already used. Or: the body is not parseable JSON, or is a bare value instead of an object.',
    );
  });

  it('requires the bearer scheme (http, bearer, JWT) on a bearer route only, with its 401 and WWW-Authenticate', () => {
    const document = build([route({ bearer: true }), route({ path: '/open', operationId: 'open' })]);
    expect(document.components!.securitySchemes!.bearerAuth).to.include({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    const secured = operation(document, '/things', 'get');
    expect(secured.security).to.deep.equal([{ bearerAuth: [] }]);
    expect(response(secured, 401).headers).to.have.property('WWW-Authenticate');
    expect(operation(document, '/open', 'get').security).to.equal(undefined);
    expect(statuses(operation(document, '/open', 'get'))).not.to.include('401');
  });

  it('documents problems as application/problem+json, a 422 with errors[] required', () => {
    const document = build([route({ method: 'post', body: credentialsSchema, responses: { 201: { description: 'Made.', schema: userSchema } } })]);
    const op = operation(document, '/things', 'post');
    expect(Object.keys(response(op, 422).content!)).to.deep.equal(['application/problem+json']);
    expect(response(op, 422).content!['application/problem+json']!.schema).to.deep.equal({ $ref: '#/components/schemas/ValidationProblem' });
    expect((document.components!.schemas!.ValidationProblem as { required: string[] }).required).to.deep.equal(['errors']);
    expect(Object.keys(response(op, 500).content!)).to.deep.equal(['application/problem+json']);
    expect(Object.keys(response(op, 201).content!)).to.deep.equal(['application/json']);
  });

  it('documents X-Request-Id on every response and the headers a route names', () => {
    const document = build([route({ responses: { 200: { description: 'Made.', schema: userSchema, headers: ['Location'] } } })]);
    const ok = response(operation(document, '/things', 'get'), 200);
    expect(Object.keys(ok.headers!)).to.deep.equal(['X-Request-Id', 'Location']);
    expect(document.components!.headers!['X-Request-Id']).to.include({ required: true });
  });

  it('takes a route’s own media type for a body that is not JSON', () => {
    const document = build([route({ responses: { 200: { description: 'A page.', schema: { type: 'string' }, mediaType: 'text/html' } } })]);
    expect(Object.keys(response(operation(document, '/things', 'get'), 200).content!)).to.deep.equal(['text/html']);
  });

  it('refuses two routes with one operationId, or one method and path twice', () => {
    expect(() => build([route({}), route({ path: '/other' })])).to.throw(/listThings/);
    expect(() => build([route({}), route({ operationId: 'again' })])).to.throw(/get \/things/);
  });

  it('lists each tag once, in the order routes first use it', () => {
    const document = build([route({ tags: ['b'] }), route({ path: '/a', operationId: 'a', tags: ['a', 'b'] })]);
    expect(document.tags!.map((tag) => tag.name)).to.deep.equal(['b', 'a']);
  });
});
