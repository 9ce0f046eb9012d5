import { Type } from '@sinclair/typebox';
import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import { IdParams, ListOf, ListQuery, Ok } from '../../../shared/api/common.js';
import { MeSettingsPatch, PasswordChange, User, UserCreate, UserPatch, UserRef } from '../../../shared/api/users.js';
import { SESSION_COOKIE } from '../../plugins/auth.js';
import * as service from './users.service.js';

export function registerUserRoutes(app: App, deps: Deps) {
  app.get('/api/me', { schema: { tags: ['me'], response: { 200: User, ...errors } } }, async (req) => service.getMe(deps, actorOf(req)));

  app.patch('/api/me/settings', { schema: { tags: ['me'], body: MeSettingsPatch, response: { 200: User, ...errors } } }, async (req) =>
    service.updateMySettings(deps, actorOf(req), req.body),
  );

  app.post('/api/me/password', { schema: { tags: ['me'], body: PasswordChange, response: { 200: Ok, ...errors } } }, async (req) => {
    const cookie = req.cookies[SESSION_COOKIE];
    await service.changeMyPassword(deps, actorOf(req), req.body.currentPassword, req.body.newPassword, cookie ?? null);
    return { ok: true };
  });

  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Users by name, keyset-paged like the other lists (admin only)',
        querystring: Type.Object(ListQuery, { additionalProperties: false }),
        response: { 200: ListOf(User), ...errors },
      },
    },
    async (req) => service.listUsers(deps, actorOf(req), req.query),
  );

  app.get(
    '/api/user-refs',
    {
      schema: {
        tags: ['users'],
        summary: 'Names of all users, for pickers',
        response: { 200: Type.Object({ items: Type.Array(UserRef) }), ...errors },
      },
    },
    async () => ({ items: await service.listUserRefs(deps) }),
  );

  app.post('/api/users', { schema: { tags: ['users'], body: UserCreate, response: { 201: User, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await service.createUser(deps, actorOf(req), req.body)),
  );

  app.patch(
    '/api/users/:id',
    { schema: { tags: ['users'], params: IdParams, body: UserPatch, response: { 200: User, ...errors } } },
    async (req) => service.updateUser(deps, actorOf(req), req.params.id, req.body),
  );
}
