import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../http.js';
import type { Deps } from '../deps.js';
import type { Actor } from '../lib/actor.js';
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

/** What a request authenticates with: a Bearer token wins over the session cookie. */
export interface Credential {
  kind: 'token' | 'session';
  secret: string;
}

export function credentialOf(req: FastifyRequest): Credential | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return { kind: 'token', secret: auth.slice(7).trim() };
  const token = req.cookies[SESSION_COOKIE];
  return token ? { kind: 'session', secret: token } : null;
}

/** The actor a credential stands for now, or null once it has ended (signed out, revoked, blocked,
 * expired). Requests read it from memory when cached (sessions/*.service.ts). `touch: false` only
 * checks, in the database itself: long-lived streams re-check without recording a token use, and
 * see a credential ended on any instance even if no message reached this one. */
export function actorFromCredential(deps: Deps, c: Credential, opts: { touch: boolean }): Promise<Actor | null> {
  return c.kind === 'token' ? actorFromToken(deps, c.secret, opts) : actorFromSession(deps, c.secret, { fresh: !opts.touch });
}

export function registerAuth(app: App, deps: Deps) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    // The web app and the API docs page (static assets, no data) need no session.
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    try {
      checkOrigin(req);
      const credential = credentialOf(req);
      if (credential) req.actor = await actorFromCredential(deps, credential, { touch: true });
      if (!req.actor && credential?.kind === 'token') throw unauthorized('Invalid or revoked API token');
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
