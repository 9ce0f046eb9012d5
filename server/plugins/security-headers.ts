import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';

/** Security headers on every answer (helmet): a strict Content-Security-Policy — scripts only from
 * this origin, never inline; styles may be inline because Mantine sets style attributes and its CSS
 * variables at run time — no framing, no sniffing, a same-origin referrer, and HSTS when the app is
 * served over HTTPS (SECURE_COOKIES=true). */
export function helmetOptions(config: Pick<Config, 'secureCookies'>): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Only over HTTPS: on plain http://localhost an upgrade would break every request.
        ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // The app loads nothing from other origins; these two would only get in the way of /api/docs.
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
  };
}

/** The headers helmet sets for these options. None of them depends on the request (no nonces, no
 * per-request directives), so helmet runs once at start-up against a recording response instead of
 * on every request (the Fastify wrapper rebuilds the middleware per request: 6 % of a card's CPU). */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}

export function registerSecurityHeaders(app: FastifyInstance, config: Config) {
  const headers = securityHeaders(helmetOptions(config));
  const entries = Object.entries(headers);
  // On the raw response, as helmet itself sets them: an answer that takes the response over and
  // writes its own head (the notifications event stream) keeps them too.
  app.addHook('onRequest', (_req, reply, done) => {
    for (const [name, value] of entries) reply.raw.setHeader(name, value);
    done();
  });
}
