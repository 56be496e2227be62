import { expect } from 'chai';
import { ConfigError } from '../../../src/infrastructure/config/config-error.js';
import { loadConfig } from '../../../src/infrastructure/config/config.js';
import type { Env } from '../../../src/infrastructure/config/env-readers.js';
import { thrownBy } from '../support/thrown-by.js';

const load = (env: Env) => loadConfig({ JWT_SECRET: 's'.repeat(32), ...env });
const refusal = (env: Env) => {
  const error = thrownBy(() => load(env));
  expect(error).to.be.instanceOf(ConfigError);
  return [(error as ConfigError).variable, (error as ConfigError).message];
};

describe('loadConfig: the WebAuthn relying party', () => {
  it('defaults to the host and origin of APP_BASE_URL, named MFA_ISSUER', () => {
    expect(load({ APP_BASE_URL: 'https://app.example.com/base', MFA_ISSUER: 'Example' }).webauthn).to.deep.equal({ rpId: 'app.example.com', rpName: 'Example', origins: ['https://app.example.com'] });
  });

  it('takes a parent domain as RP ID and comma-separated origins on it', () => {
    const env = { WEBAUTHN_RP_ID: 'example.com', WEBAUTHN_ORIGINS: 'https://app.example.com, https://example.com,http://localhost.example.com:8080', WEBAUTHN_RP_NAME: 'Ex' };
    expect(load(env).webauthn).to.deep.equal({ rpId: 'example.com', rpName: 'Ex', origins: ['https://app.example.com', 'https://example.com', 'http://localhost.example.com:8080'] });
  });

  it('refuses an origin that is not on the RP ID, saying so', () => {
    const [variable, message] = refusal({ WEBAUTHN_RP_ID: 'example.com', WEBAUTHN_ORIGINS: 'https://app.example.com,https://evil-example.com' });
    expect(variable).to.equal('WEBAUTHN_ORIGINS');
    expect(message).to.include('"https://evil-example.com" is not on the RP ID "example.com"');
  });

  it('refuses an origin with a path or trailing slash, and one that is no URL', () => {
    const refused = ['https://app.example.com/', 'https://app.example.com/login', 'app.example.com', 'ftp://app.example.com'].map((origin) => refusal({ WEBAUTHN_RP_ID: 'example.com', WEBAUTHN_ORIGINS: origin })[0]);
    expect(refused).to.deep.equal(['WEBAUTHN_ORIGINS', 'WEBAUTHN_ORIGINS', 'WEBAUTHN_ORIGINS', 'WEBAUTHN_ORIGINS']);
  });

  it('refuses an RP ID with a scheme, a port or capitals', () => {
    const refused = ['https://example.com', 'example.com:443', 'Example.com'].map((rpId) => refusal({ WEBAUTHN_RP_ID: rpId })[0]);
    expect(refused).to.deep.equal(['WEBAUTHN_RP_ID', 'WEBAUTHN_RP_ID', 'WEBAUTHN_RP_ID']);
  });
});
