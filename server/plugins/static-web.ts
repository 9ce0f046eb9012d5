import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '../http.js';

/** Serves the built single-page app; unknown non-API paths get index.html so deep links work. */
export async function registerStaticWeb(app: App, webDir: string) {
  const hasWeb = existsSync(join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((req, reply) => {
    // A missing asset is a 404, never index.html (a browser would fail on the MIME type instead).
    if (req.url.startsWith('/api/') || req.url.startsWith('/assets/') || req.method !== 'GET' || !hasWeb) {
      return reply
        .status(404)
        .send({ error: { code: 'not_found', message: `Route ${req.method} ${req.url.split('?')[0]} not found`, details: [] } });
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
