import type { App } from '../../http.js';
import { actorOf } from '../../http.js';
import type { Deps } from '../../deps.js';
import { unauthorized } from '../../errors.js';
import { actorFromCredential, credentialOf } from '../../plugins/auth.js';
import { runEventStream } from './notifications.stream.js';

/** Server-sent events for the signed-in user. A message is a hint to refetch; the tables are the truth. */
export function registerNotificationRoutes(app: App, deps: Deps) {
  app.get(
    '/api/notifications/stream',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Server-sent events: `event: reminder` and `event: taskChanged` with data { taskId }',
        description: 'The stream ends when the session or token it was opened with ends (sign-out, block, password change, revocation).',
      },
    },
    (req, reply) => {
      const actor = actorOf(req);
      const credential = credentialOf(req);
      if (!credential) throw unauthorized();
      reply.hijack();
      runEventStream(deps, actor, () => actorFromCredential(deps, credential, { touch: false }), reply.raw);
    },
  );
}
