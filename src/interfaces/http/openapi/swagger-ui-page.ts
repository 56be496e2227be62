/**
 * The Swagger UI page and its start-up script, served from /docs. The script is a file of its
 * own (/docs/swagger-initializer.js), so the page's CSP needs no 'unsafe-inline' for scripts.
 */
export const SWAGGER_UI_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>auth-service API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/swagger-initializer.js"></script>
</body>
</html>
`;

// validatorUrl null: by default Swagger UI sends the document to validator.swagger.io for a badge.
export const SWAGGER_UI_INITIALIZER = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    deepLinking: true,
    displayRequestDuration: true,
    validatorUrl: null,
  });
});
`;

/**
 * Only this service: scripts and styles from 'self', images also as data: URIs (the
 * stylesheet's icons), calls ("Try it out") to 'self'. No inline script, no eval, no frames.
 */
export const SWAGGER_UI_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
