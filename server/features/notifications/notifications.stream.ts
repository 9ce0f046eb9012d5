import type { ServerResponse } from 'node:http';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';

const HEARTBEAT_MS = 20_000;

/**
 * One open event stream of a signed-in user. It lives only as long as the credential it was opened
 * with: it re-checks that credential at every heartbeat (which also covers a sign-out on another
 * instance whose hint was lost) and at once when told that a session or token of the user ended
 * (sign-out, block, password change, token revocation), and ends the response when it is gone.
 */
export function runEventStream(deps: Deps, actor: Actor, stillSignedIn: () => Promise<Actor | null>, res: ServerResponse): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
    'X-Content-Type-Options': 'nosniff',
  });
  res.write(`retry: 3000\nevent: hello\ndata: {}\n\n`);

  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(beat);
    stop();
    res.end();
  };

  // One check at a time; a request for another while one runs is remembered, because the running one
  // may have read the row just before it was deleted.
  let checking = false;
  let again = false;
  const recheck = async () => {
    if (checking) {
      again = true;
      return;
    }
    checking = true;
    try {
      do {
        again = false;
        const current = await stillSignedIn().catch((err) => {
          // A database hiccup is not a sign-out: keep the stream and look again at the next beat.
          deps.log.warn({ err, userId: actor.id }, 'event stream re-check failed');
          return actor;
        });
        if (current?.id !== actor.id) close();
      } while (again && !closed);
    } finally {
      checking = false;
    }
  };

  const stop = deps.notifier.listen(actor.id, (n) => {
    if (closed) return;
    if (n.type === 'signedOut') return void recheck();
    res.write(`event: ${n.type}\ndata: ${JSON.stringify({ taskId: n.taskId })}\n\n`);
  });
  const beat = setInterval(() => {
    res.write(`: keep-alive\n\n`);
    void recheck();
  }, HEARTBEAT_MS);
  // The response closes when the browser goes away (or after close() ended it).
  res.on('close', close);
  res.on('error', close);
}
