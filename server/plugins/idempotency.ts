// Idempotency-Key on POST: a client that lost the answer to a POST can send it again with the same
// key and get the first answer back instead of a second write. The key is reserved before the
// handler runs (a primary key per actor and key, so of two parallel requests only one runs) and
// filled with the answer when it is sent; an answer of 5xx frees the key so the request can be retried.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../http.js';
import type { Deps } from '../deps.js';
import { AppError, invalid } from '../errors.js';
import { isUniqueViolation } from '../db/dialect.js';

const HEADER = 'idempotency-key';
const KEEP_MS = 24 * 3600 * 1000;
const MAX_KEY_LENGTH = 255;

interface Reserved {
  userId: string;
  key: string;
}

const reserved = new WeakMap<FastifyRequest, Reserved>();

function requestHash(req: FastifyRequest): string {
  const h = createHash('sha256').update(`${req.method} ${req.url}\n`);
  const body = req.body;
  if (Buffer.isBuffer(body)) h.update(body);
  else if (typeof body === 'string') h.update(body);
  else if (body !== undefined) h.update(JSON.stringify(body));
  return h.digest('hex');
}

function keyOf(req: FastifyRequest): string | null {
  const raw = req.headers[HEADER];
  if (raw === undefined) return null;
  const key = (Array.isArray(raw) ? raw.join(',') : raw).trim();
  if (key === '' || key.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    throw invalid('Idempotency-Key', `must be 1 to ${MAX_KEY_LENGTH} visible ASCII characters`);
  }
  return key;
}

export function registerIdempotency(app: App, deps: Deps) {
  const { db } = deps;

  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.method !== 'POST' || !req.actor) return;
    const key = keyOf(req);
    if (key === null) return;
    const userId = req.actor.id;
    const hash = requestHash(req);
    const now = deps.clock.now();
    const cutoff = new Date(now.getTime() - KEEP_MS).toISOString();
    // Purged lazily: expired keys of everyone go whenever a new key is reserved.
    await db.deleteFrom('idempotencyKeys').where('createdAt', '<', cutoff).execute();
    try {
      await db
        .insertInto('idempotencyKeys')
        .values({ userId, key, requestHash: hash, status: null, contentType: null, body: null, createdAt: now.toISOString() })
        .execute();
      reserved.set(req, { userId, key });
      return;
    } catch (err) {
      if (!isUniqueViolation(err) && (err as { code?: string })?.code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw err;
    }
    const first = await db.selectFrom('idempotencyKeys').selectAll().where('userId', '=', userId).where('key', '=', key).executeTakeFirst();
    if (!first) throw new AppError(409, 'idempotency_in_progress', 'A request with this Idempotency-Key is still running');
    if (first.requestHash !== hash) {
      throw new AppError(422, 'idempotency_key_reused', 'This Idempotency-Key was used for another request', [
        { field: 'Idempotency-Key', code: 'idempotency_key_reused', message: 'use a new key for a different request' },
      ]);
    }
    if (first.status === null) {
      throw new AppError(409, 'idempotency_in_progress', 'A request with this Idempotency-Key is still running', [], {
        'retry-after': '1',
      });
    }
    reply.status(first.status).header('idempotency-replayed', 'true');
    if (first.contentType) reply.header('content-type', first.contentType);
    return reply.send(first.body ?? undefined);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const r = reserved.get(req);
    if (!r) return payload;
    reserved.delete(req);
    const where = db.updateTable('idempotencyKeys').where('userId', '=', r.userId).where('key', '=', r.key);
    if (reply.statusCode >= 500 || (payload !== null && payload !== undefined && typeof payload !== 'string')) {
      // Not replayable (a failure worth retrying, or a streamed answer): free the key.
      await db.deleteFrom('idempotencyKeys').where('userId', '=', r.userId).where('key', '=', r.key).execute();
      return payload;
    }
    const contentType = reply.getHeader('content-type');
    await where
      .set({
        status: reply.statusCode,
        contentType: typeof contentType === 'string' ? contentType : null,
        body: typeof payload === 'string' ? payload : null,
      })
      .execute();
    return payload;
  });
}
