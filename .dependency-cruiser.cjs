// The dependency rule of the hexagon, checked on every `npm test`: dependencies point inward.
const LIBRARIES = ['koa', '@koa', 'koa-body', 'koa-compose', 'typeorm', 'mysql2', 'better-sqlite3', 'jose', 'bcrypt', 'brakes', 'bunyan', 'tsyringe', 'ioredis', 'nodemailer', 'prom-client', 'rate-limiter-flexible', 'ajv', 'openapi3-ts', 'pg', 'otpauth', 'koa2-swagger-ui', '@zxcvbn-ts', '@simplewebauthn'];
const IO_MODULES = ['fs', 'fs/promises', 'net', 'http', 'https', 'dgram', 'child_process', 'crypto', 'dns', 'tls'];
const IO_AND_FRAMEWORKS = `(^|/)node_modules/(${LIBRARIES.join('|')})(/|$)|^(node:)?(${IO_MODULES.join('|')})$`;
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain imports nothing outside src/domain: no layer, library or Node module.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'application-needs-only-domain',
      comment: 'Use cases and ports depend on the domain and each other, never on adapters or the edge.',
      severity: 'error',
      from: { path: '^src/application/' },
      to: { path: '^src/(infrastructure|interfaces)/|^src/composition-root' },
    },
    {
      name: 'application-imports-no-io-or-framework',
      severity: 'error',
      from: { path: '^src/application/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'core'], path: IO_AND_FRAMEWORKS },
    },
    {
      name: 'infrastructure-does-not-know-the-edge',
      severity: 'error',
      from: { path: '^src/infrastructure/' },
      to: { path: '^src/interfaces/|^src/composition-root' },
    },
    {
      name: 'interfaces-own-their-needs',
      comment: 'The HTTP edge talks to use cases and to the small interfaces it owns (src/interfaces/http/needs/): never to an adapter, not even its type. The composition root hands it the adapters.',
      severity: 'error',
      from: { path: '^src/interfaces/' },
      to: { path: '^src/infrastructure/' },
    },
    {
      name: 'only-the-composition-root-uses-the-container',
      severity: 'error',
      from: { pathNot: '^src/composition-root' },
      to: { path: 'tsyringe' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    // TypeScript 7's tsc has no compiler API for dependency-cruiser to parse with; swc reads the .ts.
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
