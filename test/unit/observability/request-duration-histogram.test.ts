import { expect } from 'chai';
import { Histogram, Registry } from 'prom-client';
import { RequestDurationHistogram } from '../../../src/infrastructure/observability/request-duration-histogram.js';

const NAME = 'http_request_duration_seconds';
const HELP = 'Time from a request arriving to its answer, by method, route template and status.';
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

// Requests as the edge observes them: on a bound, between, past the last, a route template
// with the characters the text format escapes, and the same series again.
const OBSERVED = [
  { method: 'GET', route: '/users/me', status: 200, seconds: 0.0031 },
  { method: 'GET', route: '/users/me', status: 200, seconds: 0.005 },
  { method: 'POST', route: '/auth/login', status: 401, seconds: 0.25 },
  { method: 'GET', route: 'a"b\\c\nd', status: 404, seconds: 0 },
  { method: 'GET', route: '/users/me', status: 200, seconds: 12.5 },
  { method: 'POST', route: '/auth/login', status: 200, seconds: 1.000001 },
];

async function asPromClientWrites(): Promise<string> {
  const registry = new Registry();
  const histogram = new Histogram({ name: NAME, help: HELP, labelNames: ['method', 'route', 'status'], buckets: BUCKETS, registers: [registry] });
  for (const o of OBSERVED) histogram.observe({ method: o.method, route: o.route, status: String(o.status) }, o.seconds);
  return registry.metrics();
}

describe('RequestDurationHistogram', () => {
  it("writes the exposition prom-client's Histogram writes for the same requests, byte for byte", async () => {
    const histogram = new RequestDurationHistogram(NAME, HELP, BUCKETS);
    for (const o of OBSERVED) histogram.observe(o.method, o.route, o.status, o.seconds);
    expect(histogram.exposition()).to.equal(await asPromClientWrites());
  });

  it('writes its HELP and TYPE lines before the first request', () => {
    expect(new RequestDurationHistogram(NAME, HELP, BUCKETS).exposition()).to.equal(`# HELP ${NAME} ${HELP}\n# TYPE ${NAME} histogram\n`);
  });
});
