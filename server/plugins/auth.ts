import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../http.js';
import type { Deps } from '../deps.js';
import { AppError, forbidden, unauthorized } from '../errors.js';
import { actorFromToken } from '../features/sessions/tokens.service.js';
import { actorFromSession } from '../features/sessions/sessions.service.js';

export const SESSION_COOKIE = 'crm_session';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A state-changing request from a page on another origin is refused (CSRF defence beside SameSite). */
function checkOrigin(req: FastifyRequest) {
  if (!UNSAFE.has(req.method)) return;
  const origin = req.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw forbidden('Request from a foreign origin refused');
  }
  if (host !== req.headers.host) throw forbidden('Request from a foreign origin refused');
}

export function registerAuth(app: App, deps: Deps) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    // The web app and the API docs page (static assets, no data) need no session.
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    try {
      checkOrigin(req);
      const auth = req.headers.authorization;
      if (auth?.startsWith('Bearer ')) {
        req.actor = await actorFromToken(deps, auth.slice(7).trim(), { touch: true });
        if (!req.actor) throw unauthorized('Invalid or revoked API token');
      } else {
        const token = req.cookies[SESSION_COOKIE];
        if (token) req.actor = await actorFromSession(deps, token);
      }
      if (!req.actor && !req.routeOptions.config?.public) throw unauthorized();
    } catch (err) {
      if (err instanceof AppError) {
        return reply
          .status(err.status)
          .headers(err.headers)
          .send({ error: { code: err.code, message: err.message, details: err.details } });
      }
      throw err;
    }
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: 14 * 24 * 3600 });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
