import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';

// How many SQL statements a request ran, for tests and the benchmark only (config
// exposeStatementCount): the answer carries it as `x-db-statements`. createDb's query log counts
// every statement the driver executes — BEGIN and COMMIT included — into the request's counter.

interface Counter {
  n: number;
}

const current = new AsyncLocalStorage<Counter>();
const counters = new WeakMap<FastifyRequest, Counter>();

/** Called by the database's query log for each executed statement; nothing outside a counted request. */
export function countStatement(): void {
  const c = current.getStore();
  if (c) c.n++;
}

/** Registered before the auth hook, so the credential's lookup is counted too. */
export function registerStatementCount(app: FastifyInstance): void {
  app.addHook('onRequest', (req, _reply, done) => {
    const c = { n: 0 };
    counters.set(req, c);
    current.run(c, done);
  });
  // A body is read in the socket's own callbacks, outside the context entered above: enter it again.
  app.addHook('preValidation', (req, _reply, done) => {
    const c = counters.get(req);
    if (c) current.run(c, done);
    else done();
  });
  app.addHook('onSend', async (req, reply) => {
    const c = counters.get(req);
    if (c) void reply.header('x-db-statements', String(c.n));
  });
}
