import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { App } from '../http.js';

/** Hashed build output: a changed file gets a new name, so a browser may keep one for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and other unhashed files: always revalidated (ETag), so a release shows at once. */
export const REVALIDATE = 'no-cache';

/**
 * Serves the built single-page app; unknown non-API paths get index.html so deep links work.
 * `vite build` writes .br and .gz copies beside the files: the one the browser accepts is sent.
 */
export async function registerStaticWeb(app: App, webDir: string) {
  const hasWeb = existsSync(join(webDir, 'index.html'));
  if (hasWeb) {
    const assets = join(webDir, 'assets') + sep;
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders(res, path) {
        res.setHeader('Cache-Control', path.startsWith(assets) ? IMMUTABLE : REVALIDATE);
        res.setHeader('Vary', 'Accept-Encoding');
      },
    });
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
