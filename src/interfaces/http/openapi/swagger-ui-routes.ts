import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RouteSpec } from '../route-spec.js';
import { renderSwaggerUiPage, type SwaggerUiPage } from './swagger-ui-page.js';

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
 * GET /docs and the files its page (koa2-swagger-ui's) loads, one route each: a fixed list,
 * so that no request path ever reaches the file system. The page is rendered and the files
 * are read once, at start.
 */
export function swaggerUiRoutes(): RouteSpec[] {
  const assets: Asset[] = [
    // The page asks for the .min name; swagger-ui-dist's stylesheet is minified already.
    { path: '/docs/swagger-ui.min.css', operationId: 'getSwaggerUiStylesheet', summary: 'Swagger UI’s stylesheet', mediaType: 'text/css', body: distFile('swagger-ui.css') },
    { path: '/docs/swagger-ui-bundle.js', operationId: 'getSwaggerUiScript', summary: 'Swagger UI’s script', mediaType: 'text/javascript', body: distFile('swagger-ui-bundle.js') },
    { path: '/docs/swagger-ui-standalone-preset.js', operationId: 'getSwaggerUiStandalonePreset', summary: 'Swagger UI’s standalone preset, which the page loads', mediaType: 'text/javascript', body: distFile('swagger-ui-standalone-preset.js') },
    { path: '/docs/favicon-32x32.png', operationId: 'getSwaggerUiIcon', summary: 'Swagger UI’s icon', mediaType: 'image/png', body: distFile('favicon-32x32.png') },
  ];
  return [docsPageRoute(renderSwaggerUiPage()), ...assets.map(assetRoute)];
}

function docsPageRoute(page: SwaggerUiPage): RouteSpec {
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
      ctx.set('Content-Security-Policy', page.csp);
      ctx.set('Cache-Control', 'no-cache');
      ctx.type = 'text/html';
      ctx.body = page.html;
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
    undocumented: true,
    responses: { 200: { description: 'The file.', schema: { type: 'string' }, mediaType: asset.mediaType, headers: ['Cache-Control'] } },
    handler: async (ctx) => {
      ctx.set('Cache-Control', 'public, max-age=3600');
      ctx.type = asset.mediaType;
      ctx.body = asset.body;
    },
  };
}
