import type { App } from '../../http.js';
import { actorOf } from '../../http.js';
import type { Deps } from '../../deps.js';

const HEARTBEAT_MS = 20_000;

/** Server-sent events for the signed-in user. A message is a hint to refetch; the tables are the truth. */
export function registerNotificationRoutes(app: App, deps: Deps) {
  app.get(
    '/api/notifications/stream',
    { schema: { tags: ['notifications'], summary: 'Server-sent events: `event: reminder` and `event: taskChanged` with data { taskId }' } },
    (req, reply) => {
      const actor = actorOf(req);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
        'X-Content-Type-Options': 'nosniff',
      });
      res.write(`retry: 3000\nevent: hello\ndata: {}\n\n`);
      const stop = deps.notifier.listen(actor.id, (n) => {
        res.write(`event: ${n.type}\ndata: ${JSON.stringify({ taskId: n.taskId })}\n\n`);
      });
      const beat = setInterval(() => res.write(`: keep-alive\n\n`), HEARTBEAT_MS);
      const end = () => {
        clearInterval(beat);
        stop();
      };
      req.raw.on('close', end);
      res.on('error', end);
    },
  );
}
