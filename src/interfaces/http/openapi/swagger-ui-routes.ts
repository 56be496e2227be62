import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RouteSpec } from '../route-spec.js';
import { SWAGGER_UI_CSP, SWAGGER_UI_INITIALIZER, SWAGGER_UI_PAGE } from './swagger-ui-page.js';

interface Asset {
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly mediaType: string;
  readonly body: string | Buffer;
}

// The installed swagger-ui-dist, never a CDN: the page works offline and leaks no visit.
const SWAGGER_UI_DIST = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const distFile = (name: string) => readFileSync(join(SWAGGER_UI_DIST, name));

/**
 * GET /docs and the files it loads, one route each: a fixed list, so that no request path
 * ever reaches the file system. The files are read once, at start.
 */
export function swaggerUiRoutes(): RouteSpec[] {
  const assets: Asset[] = [
    { path: '/docs/swagger-ui.css', operationId: 'getSwaggerUiStylesheet', summary: 'Swagger UI’s stylesheet', mediaType: 'text/css', body: distFile('swagger-ui.css') },
    { path: '/docs/swagger-ui-bundle.js', operationId: 'getSwaggerUiScript', summary: 'Swagger UI’s script', mediaType: 'text/javascript', body: distFile('swagger-ui-bundle.js') },
    { path: '/docs/swagger-initializer.js', operationId: 'getSwaggerUiInitializer', summary: 'The script that starts Swagger UI on /openapi.json', mediaType: 'text/javascript', body: SWAGGER_UI_INITIALIZER },
    { path: '/docs/favicon-32x32.png', operationId: 'getSwaggerUiIcon', summary: 'Swagger UI’s icon', mediaType: 'image/png', body: distFile('favicon-32x32.png') },
  ];
  return [docsPageRoute(), ...assets.map(assetRoute)];
}

function docsPageRoute(): RouteSpec {
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
      ctx.set('Content-Security-Policy', SWAGGER_UI_CSP);
      ctx.set('Cache-Control', 'no-cache');
      ctx.type = 'text/html';
      ctx.body = SWAGGER_UI_PAGE;
    },
  };
}

function assetRoute(asset: Asset): RouteSpec {
  return {
    method: 'get',
    path: asset.path,
    operationId: asset.operationId,
    summary: asset.summary,
    tags: ['documentation'],
    responses: { 200: { description: 'The file.', schema: { type: 'string' }, mediaType: asset.mediaType, headers: ['Cache-Control'] } },
    handler: async (ctx) => {
      ctx.set('Cache-Control', 'public, max-age=3600');
      ctx.type = asset.mediaType;
      ctx.body = asset.body;
    },
  };
}
