import { createHash } from 'node:crypto';
import type { Middleware } from 'koa';
import { koaSwagger } from 'koa2-swagger-ui';

export interface SwaggerUiPage {
  readonly html: string;
  readonly csp: string;
}

/**
 * The /docs page as koa2-swagger-ui renders it, once, at start. It asks for
 * `${swaggerCdnUrl}/${swaggerVersion}/<file>`: '' and 'docs' make that /docs/<file>, the
 * copies of swagger-ui-dist this service serves itself (swagger-ui-routes.ts), so the page
 * works offline and tells no CDN of a visit.
 */
export function renderSwaggerUiPage(): SwaggerUiPage {
  const middleware = koaSwagger({
    title: 'auth-service API',
    routePrefix: '/docs',
    swaggerCdnUrl: '',
    swaggerVersion: 'docs',
    favicon: '/docs/favicon-32x32.png',
    // Its top bar has a box that points the page at any URL: this page shows one document.
    hideTopbar: true,
    swaggerOptions: {
      url: '/openapi.json',
      layout: 'BaseLayout',
      deepLinking: true,
      displayRequestDuration: true,
      // By default Swagger UI sends the document to validator.swagger.io for a badge.
      validatorUrl: null,
    },
  });
  const ctx = { path: '/docs', type: '', body: undefined as unknown };
  void (middleware as Middleware)(ctx as never, async () => undefined);
  if (typeof ctx.body !== 'string') throw new Error('koa2-swagger-ui rendered no page for /docs');
  const html = withoutOutsideStylesheets(ctx.body);
  return { html, csp: contentSecurityPolicy(html) };
}

// Its template always links Google Fonts; the stylesheet falls back to the system's fonts.
function withoutOutsideStylesheets(html: string): string {
  const page = html.replace(/<link\b[^>]*\bhref="(?:https?:)?\/\/[^"]*"[^>]*>\s*/g, '');
  const outside = /\b(?:src|href)="(?:https?:)?\/\/[^"]*"/.exec(page);
  if (outside) throw new Error(`the Swagger UI page would load ${outside[0]} from outside the service`);
  return page;
}

/**
 * Only this service: scripts and styles from 'self' plus the page's own inline script and
 * styles by hash (CSP Level 3 §8.4; a style attribute needs 'unsafe-hashes' besides), images
 * also as data: URIs (the stylesheet's icons), calls ("Try it out") to 'self'. No
 * 'unsafe-inline', no eval, no frames.
 */
function contentSecurityPolicy(html: string): string {
  const hashes = (pattern: RegExp) => [...new Set([...html.matchAll(pattern)].map((match) => sha256(match[1] ?? '')))];
  const scripts = hashes(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g);
  const styles = hashes(/<style[^>]*>([\s\S]*?)<\/style>/g);
  const styleAttributes = hashes(/\sstyle="([^"&]*)"/g);
  if (/\sstyle="[^"]*&/.test(html)) throw new Error('a style attribute of the Swagger UI page holds a character reference: its hash would not match');
  return [
    "default-src 'none'",
    ["script-src 'self'", ...scripts].join(' '),
    ["style-src 'self'", ...styles, ...(styleAttributes.length > 0 ? ["'unsafe-hashes'", ...styleAttributes] : [])].join(' '),
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

// The browser hashes the text as parsed, after turning CR LF into LF (a script's or style's
// text has no character references to decode; attributes are checked above).
function sha256(text: string): string {
  if (text.includes('\r')) throw new Error('an inline script or style of the Swagger UI page holds a CR: its hash would not match');
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}
