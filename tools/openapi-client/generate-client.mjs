// `npm run generate:client`: starts the service as the integration tests do (built first, on a
// temporary SQLite file), reads its GET /openapi.json, and writes the document and the client
// types generated from it next to the tests that use them.
import { mkdir, writeFile } from 'node:fs/promises';
import { startTestService } from '../../dist/test/integration/support/test-service.js';
import { ADMIN_KEY } from '../../dist/test/integration/admin/admin-support.js';
import { generateTypes } from './generate-types.mjs';

const OUT = new URL('../../test/integration/openapi/generated/', import.meta.url);

// With the admin API on: the client covers its routes too.
const service = await startTestService({ ADMIN_API_KEY: ADMIN_KEY });
try {
  const response = await fetch(`${service.url}/openapi.json`);
  if (response.status !== 200) throw new Error(`GET /openapi.json answered ${response.status}`);
  const document = await response.json();
  await mkdir(OUT, { recursive: true });
  await writeFile(new URL('openapi.json', OUT), `${JSON.stringify(document, null, 2)}\n`);
  await writeFile(new URL('api.d.ts', OUT), await generateTypes(document));
  console.log(`wrote ${new URL('api.d.ts', OUT).pathname} and openapi.json (OpenAPI ${document.openapi}, ${Object.keys(document.paths).length} paths)`);
} finally {
  await service.stop();
}
