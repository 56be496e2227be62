import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { configurationReference, readVariables } from '../../../src/infrastructure/config/configuration-reference.js';
import { VARIABLE_SECTIONS } from '../../../src/infrastructure/config/variable-descriptions.js';

const described = VARIABLE_SECTIONS.flatMap((section) => Object.keys(section.variables));

describe('docs/configuration.md', () => {
  it('describes every variable the configuration reads', () => {
    const undescribed = [...readVariables().keys()].filter((name) => !described.includes(name));
    expect(undescribed).to.deep.equal([]);
  });

  it('describes no variable the configuration does not read', () => {
    const reads = readVariables();
    expect(described.filter((name) => !reads.has(name))).to.deep.equal([]);
  });

  it('describes each variable once', () => {
    expect(new Set(described).size).to.equal(described.length);
  });

  it('is the page generated from the configuration module (run npm run docs:config)', () => {
    const page = readFileSync(new URL('../../../../docs/configuration.md', import.meta.url), 'utf8');
    expect(page).to.equal(configurationReference());
  });

  it('shows the default and range each read enforces', () => {
    expect(configurationReference()).to.include('| `BCRYPT_COST` | `12` | 4 to 15 |');
    expect(configurationReference()).to.include('| `ACCESS_TOKEN_TTL` | `15m` | 10s to 1d |');
  });
});
