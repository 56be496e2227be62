import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RouteSpec } from '../route-spec.js';
import type { SwaggerUiPage } from './swagger-ui-page.js';

interface Asset {
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly mediaType: string;
  readonly file: string;
}

// The installed swagger-ui-dist, never a CDN: the page works offline and leaks no visit.
const SWAGGER_UI_DIST = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** `load()` once, at its first call; the same answer (or failure) ever after. */
function once<T>(load: () => T): () => T {
  let loaded: { value: T } | undefined;
  return () => (loaded ??= { value: load() }).value;
}

/**
 * GET /docs and the files its page (koa2-swagger-ui's) loads, one route each: a fixed list,
 * so that no request path ever reaches the file system. The page is rendered and each file
 * read once, at its first request: a service nobody reads the docs of never loads
 * koa2-swagger-ui and handlebars (~40 modules, ~50 ms of the start) nor holds the ~1.8 MB of
 * files in memory.
 */
export function swaggerUiRoutes(): RouteSpec[] {
  const assets: Asset[] = [
    // The page asks for the .min name; swagger-ui-dist's stylesheet is minified already.
    { path: '/docs/swagger-ui.min.css', operationId: 'getSwaggerUiStylesheet', summary: 'Swagger UI’s stylesheet', mediaType: 'text/css', file: 'swagger-ui.css' },
    { path: '/docs/swagger-ui-bundle.js', operationId: 'getSwaggerUiScript', summary: 'Swagger UI’s script', mediaType: 'text/javascript', file: 'swagger-ui-bundle.js' },
    { path: '/docs/swagger-ui-standalone-preset.js', operationId: 'getSwaggerUiStandalonePreset', summary: 'Swagger UI’s standalone preset, which the page loads', mediaType: 'text/javascript', file: 'swagger-ui-standalone-preset.js' },
    { path: '/docs/favicon-32x32.png', operationId: 'getSwaggerUiIcon', summary: 'Swagger UI’s icon', mediaType: 'image/png', file: 'favicon-32x32.png' },
  ];
  const page = once(() => import('./swagger-ui-page.js').then((module) => module.renderSwaggerUiPage()));
  return [docsPageRoute(page), ...assets.map(assetRoute)];
}

function docsPageRoute(rendered: () => Promise<SwaggerUiPage>): RouteSpec {
  return {
    method: 'get',
    path: '/docs',
    operationId: 'getSwaggerUi',
    summary: 'Swagger UI: read this API and try it from the browser',
    tags: ['documentation'],
    responses: {
      200: { description: 'The page. Everything it loads comes from this service.', schema: { type: 'string' }, mediaType: 'text/html', headers: ['Content-Security-Policy'] },
    },
    handler: async (ctx) => {
      const page = await rendered();
      ctx.set('Content-Security-Policy', page.csp);
      ctx.set('Cache-Control', 'no-cache');
      ctx.type = 'text/html';
      ctx.body = page.html;
    },
  };
}

function assetRoute(asset: Asset): RouteSpec {
  const body = once(() => readFileSync(join(SWAGGER_UI_DIST, asset.file)));
  return {
    method: 'get',
    path: asset.path,
    operationId: asset.operationId,
    summary: asset.summary,
    tags: ['documentation'],
    undocumented: true,
    responses: { 200: { description: 'The file.', schema: { type: 'string' }, mediaType: asset.mediaType, headers: ['Cache-Control'] } },
    handler: async (ctx) => {
      ctx.set('Cache-Control', 'public, max-age=3600');
      ctx.type = asset.mediaType;
      ctx.body = body();
    },
  };
}
