import { expect } from 'chai';
import crypto from 'node:crypto';
import sinon from 'sinon';
import { DependencyUnavailable } from '../../../src/domain/errors.js';
import { PwnedRangeBreachedPasswordChecker } from '../../../src/infrastructure/breached-passwords/pwned-range-breached-password-checker.js';
import { UpstreamUnavailable } from '../../../src/infrastructure/http-gateway/upstream-unavailable.js';
import { createLogger } from '../../../src/infrastructure/logging/create-logger.js';
import { LogCapture } from '../../integration/support/log-capture.js';
import { FakeOutboundHttp } from '../fakes/fake-outbound-http.js';
import { only } from '../support/only.js';
import { rejectionOf } from '../support/rejection-of.js';

// SHA-1("Tr0ub4dor&5") = BFA92 4FC06BC1BE51A7A9B871BBA2E9CA7BF58B5: prefix, and suffix as listed.
const PASSWORD = 'Tr0ub4dor&5';
const PREFIX = 'BFA92';
const SUFFIX = '4FC06BC1BE51A7A9B871BBA2E9CA7BF58B5';
const OTHER_LINES = ['003D68EB55068C33ACE09247EE4C639306B:3', '012C192B2F16F82EA0EB9EF18D9D539B0DD:1'];
const rangeBody = (...lines: string[]) => [...OTHER_LINES, ...lines].join('\r\n');

describe('PwnedRangeBreachedPasswordChecker', () => {
  let gateway: FakeOutboundHttp;
  let logs: LogCapture;

  beforeEach(() => {
    gateway = new FakeOutboundHttp();
    logs = new LogCapture();
  });

  afterEach(() => sinon.restore());

  const checker = (failOpen: boolean) =>
    new PwnedRangeBreachedPasswordChecker({
      baseUrl: 'http://127.0.0.1:9/pwned',
      failOpen,
      gateway,
      logger: createLogger({ level: 'info', stream: logs.stream }),
    });
  const down = () => (gateway.failure = new UpstreamUnavailable('breached-password-api', 'timeout'));

  it('asks only for the first five characters of the uppercase SHA-1, with Add-Padding', async () => {
    gateway.body = rangeBody();
    await checker(true).isBreached(PASSWORD);
    const { upstream, request } = only(gateway.calls);
    expect([upstream, request.url, request.headers?.['Add-Padding']]).to.deep.equal(['breached-password-api', `http://127.0.0.1:9/pwned/range/${PREFIX}`, 'true']);
  });

  it('finds a password whose suffix is listed', async () => {
    gateway.body = rangeBody(`${SUFFIX}:3730471`);
    expect(await checker(true).isBreached(PASSWORD)).to.equal(true);
  });

  it('passes a password whose suffix is not listed', async () => {
    gateway.body = rangeBody();
    expect(await checker(true).isBreached(PASSWORD)).to.equal(false);
  });

  it('ignores padding lines, whose count is 0', async () => {
    gateway.body = rangeBody(`${SUFFIX}:0`);
    expect(await checker(true).isBreached(PASSWORD)).to.equal(false);
  });

  it('compares every line in constant time, even after a match', async () => {
    const compare = sinon.spy(crypto, 'timingSafeEqual');
    gateway.body = [`${SUFFIX}:12`, ...OTHER_LINES].join('\r\n');
    await checker(true).isBreached(PASSWORD);
    expect(compare.args.map(([a, b]) => [a.byteLength, b.byteLength])).to.deep.equal([[35, 35], [35, 35], [35, 35]]);
  });

  describe('when the range API cannot answer', () => {
    it('accepts the password unchecked when failing open', async () => {
      down();
      expect(await checker(true).isBreached(PASSWORD)).to.equal(false);
    });

    it('logs a warning that names the upstream and not the password or its hash', async () => {
      down();
      await checker(true).isBreached(PASSWORD);
      const line = only(logs.entries);
      expect([line.level, line.upstream, line.reason]).to.deep.equal([40, 'breached-password-api', 'timeout']);
      expect(logs.text()).not.to.match(new RegExp(`Tr0ub4dor|${PREFIX}|${SUFFIX}`, 'i'));
    });

    it('refuses with DependencyUnavailable when failing closed', async () => {
      down();
      const error = await rejectionOf(checker(false).isBreached(PASSWORD));
      expect(error).to.be.instanceOf(DependencyUnavailable).and.include({ code: 'dependency_unavailable', dependency: 'breached-password-api' });
    });

    it('asks the client to come back when the circuit closes', async () => {
      gateway.failure = new UpstreamUnavailable('breached-password-api', 'circuit-open', 12_300);
      const error = await rejectionOf(checker(false).isBreached(PASSWORD));
      expect((error as DependencyUnavailable).retryAfterSeconds).to.equal(13);
    });

    it('treats an answer other than 200 as no answer', async () => {
      gateway.status = 404;
      gateway.body = rangeBody(`${SUFFIX}:3`);
      expect(await rejectionOf(checker(false).isBreached(PASSWORD))).to.be.instanceOf(DependencyUnavailable);
    });

    it('treats an answer without a single range line as no answer', async () => {
      gateway.body = '<html>captive portal</html>';
      expect(await rejectionOf(checker(false).isBreached(PASSWORD))).to.be.instanceOf(DependencyUnavailable);
    });
  });

  it('lets an error that is not the upstream being down through', async () => {
    gateway.failure = new TypeError('a bug');
    expect(await rejectionOf(checker(true).isBreached(PASSWORD))).to.be.instanceOf(TypeError);
  });
});
