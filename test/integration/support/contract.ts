import supertest, { type Response } from 'supertest';
import { expect } from 'chai';
import { OpenApiContract, type OpenApiDocument } from './openapi-contract.js';

const contracts = new Map<string, Promise<OpenApiContract>>();

/** The contract a running service publishes at GET /openapi.json, fetched once per service. */
export function contractOf(origin: string): Promise<OpenApiContract> {
  let contract = contracts.get(origin);
  if (!contract) {
    contract = supertest(origin)
      .get('/openapi.json')
      .then((res) => {
        expect(res.status, 'GET /openapi.json').to.equal(200);
        return new OpenApiContract(res.body as OpenApiDocument);
      });
    contracts.set(origin, contract);
  }
  return contract;
}

/**
 * Fails unless the service's own OpenAPI document promises this response: the status is one
 * documented for the operation, the body has a documented media type and matches its schema,
 * and the required headers (X-Request-Id on every answer) are there. An unknown path must be
 * the documented 404, a known path with another method the documented 405. Method and path
 * default to the request's own.
 */
export async function expectMatchesContract(res: Response, method?: string, path?: string): Promise<void> {
  const url = new URL(res.request.url);
  const contract = await contractOf(url.origin);
  contract.check(res, (method ?? res.request.method).toLowerCase(), path ?? url.pathname);
}
