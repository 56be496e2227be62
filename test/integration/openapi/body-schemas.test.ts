import { expect } from 'chai';
import { compiledOnFirstUse } from '../../../src/interfaces/http/body-schema-compiler.js';
import { startTestService, type TestService } from '../support/test-service.js';

// The body schemas are compiled at each route's first request, not at start: this compiles
// them all, as the routes will, so that a schema ajv's strict mode refuses fails here.
describe('the request body schemas of every mounted route', () => {
  let t: TestService;
  before(async () => {
    t = await startTestService({ ADMIN_API_KEY: 'a'.repeat(40) });
  });
  after(async () => {
    await t?.stop();
  });

  it('compile under ajv\'s strict mode, each into a validator that refuses an unknown member', () => {
    const withBodies = t.service.routes.filter((route) => route.body);
    expect(withBodies.length, 'routes with a body').to.be.above(20);
    for (const route of withBodies) {
      const validate = compiledOnFirstUse(route.body!)();
      expect(validate({ 'not-a-member-of-any-body': 1 }), `${route.method} ${route.path}`).to.equal(false);
    }
  });
});
