import { writeFileSync } from 'node:fs';
import { configurationReference } from '../src/infrastructure/config/configuration-reference.js';

// npm run docs:config: rewrites docs/configuration.md from the configuration module.
writeFileSync(new URL('../../docs/configuration.md', import.meta.url), configurationReference());
