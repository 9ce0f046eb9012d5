// One request budget per minute for the whole API, per session or API token (per address when
// anonymous), so one runaway client cannot starve the others. The sign-in throttle is separate and
// stricter; the notification stream is one long request and the web app's files carry no data, so
// neither counts. The budget is per instance (memory store): behind several instances it multiplies.
import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { App } from '../http.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { credentialOf } from './auth.js';

const EXEMPT = ['/api/notifications/stream', '/api/docs'];

function exempt(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0];
  return !path.startsWith('/api/') || EXEMPT.some((p) => path === p || path.startsWith(`${p}/`));
}

function keyOf(req: FastifyRequest): string {
  const credential = req.actor ? credentialOf(req) : null;
  if (!credential) return `ip:${req.ip}`;
  return `${credential.kind}:${createHash('sha256').update(credential.secret).digest('base64url')}`;
}

export async function registerRateLimit(app: App, config: Pick<Config, 'rateLimitPerMinute'>) {
  if (config.rateLimitPerMinute === 0) return;
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    // After authentication, so the budget is the session's or the token's, and before the
    // Idempotency-Key is reserved, so a refused request leaves no answer to replay.
    hook: 'preValidation',
    keyGenerator: keyOf,
    allowList: (req) => exempt(req),
    enableDraftSpec: true,
    errorResponseBuilder: (_req, ctx) =>
      new AppError(429, 'rate_limited', `Too many requests: at most ${ctx.max} a minute, try again in ${ctx.after}`, [], {
        'retry-after': String(Math.max(1, Math.ceil(ctx.ttl / 1000))),
      }),
  });
}
