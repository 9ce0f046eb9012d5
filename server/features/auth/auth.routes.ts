import { Type } from '@sinclair/typebox';
import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import { IdParams, Ok } from '../../../shared/api/common.js';
import { LoginBody, SetupBody, SetupStatus, TokenCreate, TokenCreated, TokenInfo, User } from '../../../shared/api/users.js';
import { SESSION_COOKIE, clearSessionCookie, setSessionCookie } from '../../plugins/auth.js';
import * as service from './auth.service.js';
import * as tokens from '../sessions/tokens.service.js';

export function registerAuthRoutes(app: App, deps: Deps) {
  const client = (req: { ip: string; headers: Record<string, unknown>; cookies: Record<string, string | undefined> }) => ({
    ip: req.ip,
    userAgent: (req.headers['user-agent'] as string | undefined) ?? null,
    previousToken: req.cookies[SESSION_COOKIE] ?? null,
  });

  app.get(
    '/api/health',
    { config: { public: true }, schema: { tags: ['system'], response: { 200: Type.Object({ status: Type.String() }) } } },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/api/setup',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'Whether the first administrator must be created', response: { 200: SetupStatus } },
    },
    async () => ({ needsSetup: await service.needsSetup(deps) }),
  );

  app.post(
    '/api/setup',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'Create the first administrator', body: SetupBody, response: { 201: User, ...errors } },
    },
    async (req, reply) => {
      const s = await service.setup(deps, req.body, client(req));
      setSessionCookie(reply, s.sessionToken, deps.config.secureCookies);
      return reply.status(201).send(s.user);
    },
  );

  app.post(
    '/api/auth/login',
    { config: { public: true }, schema: { tags: ['auth'], body: LoginBody, response: { 200: User, ...errors } } },
    async (req, reply) => {
      try {
        const s = await service.login(deps, req.body.email, req.body.password, client(req));
        setSessionCookie(reply, s.sessionToken, deps.config.secureCookies);
        return s.user;
      } catch (err) {
        clearSessionCookie(reply);
        throw err;
      }
    },
  );

  app.post('/api/auth/logout', { config: { public: true }, schema: { tags: ['auth'], response: { 200: Ok } } }, async (req, reply) => {
    await service.logout(deps, req.cookies[SESSION_COOKIE] ?? null);
    clearSessionCookie(reply);
    return { ok: true };
  });

  app.get(
    '/api/me/tokens',
    { schema: { tags: ['me'], response: { 200: Type.Object({ items: Type.Array(TokenInfo) }), ...errors } } },
    async (req) => ({ items: await tokens.listTokens(deps, actorOf(req)) }),
  );

  app.post(
    '/api/me/tokens',
    {
      schema: {
        tags: ['me'],
        summary: 'Create a personal API token (shown once)',
        body: TokenCreate,
        response: { 201: TokenCreated, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await tokens.createToken(deps, actorOf(req), req.body.name)),
  );

  app.post('/api/me/tokens/:id/revoke', { schema: { tags: ['me'], params: IdParams, response: { 200: Ok, ...errors } } }, async (req) => {
    await tokens.revokeToken(deps, actorOf(req), req.params.id);
    return { ok: true };
  });
}
