import type { Response, Test } from 'supertest';

/**
 * Sends a supertest request now and returns its answer. (A supertest request is lazy: it is
 * sent only when awaited, so one meant to be waiting in the server meanwhile must be started.)
 */
export function inFlight(request: Test): Promise<Response> {
  return new Promise((resolve, reject) => {
    request.end((error, res) => (error && !res ? reject(error) : resolve(res)));
  });
}
