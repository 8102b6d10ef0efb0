import type { Hono } from 'hono';
import { openAPIRouteHandler } from 'hono-openapi';
import type { AppEnv } from '../env';

/**
 * `/api/openapi.json` is generated from the routes' zod schemas; `/api/docs` renders it with
 * Swagger UI served from our own static assets (no CDN: tablets and CI are offline). Its init
 * script is a file too (scripts/build-clients.mjs writes it), so the page's CSP needs no inline script.
 */
export function mountDocs(app: Hono<AppEnv>) {
  app.get(
    '/api/openapi.json',
    openAPIRouteHandler(app, {
      documentation: {
        openapi: '3.1.0',
        info: {
          title: '云卡 CloudCard API',
          version: '0.1.0',
          description: 'Membership, stored value and loyalty for chain stores. Money is integer fen; times are UTC ms.',
        },
        components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
      },
      exclude: ['/api/openapi.json', '/api/docs', /^\/(clerk|member|hq)/],
    }),
  );
  app.get('/api/docs', (c) =>
    c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CloudCard API</title>
<link rel="stylesheet" href="/vendor/swagger-ui/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/vendor/swagger-ui/swagger-ui-bundle.js"></script>
<script src="/vendor/swagger-ui/init.js"></script>
</body></html>`),
  );
}
