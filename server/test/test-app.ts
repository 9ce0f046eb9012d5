import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { fixedClock } from '../lib/clock.js';
import type { App } from '../http.js';
import { createTestDb, type TestDatabase } from './test-db.js';
import { createPubSub } from '../db/dialect.js';

export const ADMIN = { name: 'Анна Админова', email: 'admin@example.com', password: 'admin-password-1' };

export interface TestApp {
  app: App;
  database: TestDatabase;
  db: TestDatabase['db'];
  clock: ReturnType<typeof fixedClock>;
  /** Cookie header of the first admin, created by setup. */
  adminCookie: string;
  adminId: string;
  request(cookie: string | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(cookie: string | null, url: string): Promise<LightMyRequestResponse>;
  post(cookie: string | null, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(cookie: string | null, url: string, body: unknown): Promise<LightMyRequestResponse>;
  /** Creates a user through the API (as admin) and returns its id and a signed-in cookie. */
  userWithCookie(role: 'admin' | 'manager', name?: string): Promise<{ id: string; cookie: string; email: string }>;
  login(email: string, password: string): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export function cookieFrom(res: LightMyRequestResponse): string {
  const header = res.headers['set-cookie'];
  const list = Array.isArray(header) ? header : header ? [header] : [];
  const c = list.find((h) => h.startsWith('crm_session=') && !h.startsWith('crm_session=;'));
  if (!c) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  return c.split(';')[0];
}

let userSeq = 0;

export async function makeTestApp(
  opts: { now?: string; setupLanguage?: 'ru' | 'en'; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const database = await createTestDb();
  const clock = fixedClock(opts.now ?? '2026-11-27T09:00:00Z');
  const pubsub = createPubSub(database.url, { pgSchema: database.schema });
  const app = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database.url, RATE_LIMIT_PER_MINUTE: '1000000', ...opts.env }),
    database,
    clock,
    pubsub,
    logger: false,
    webDir: '/nonexistent',
  });
  const request = (cookie: string | null, o: InjectOptions) =>
    app.inject({ ...o, headers: { ...(cookie ? { cookie } : {}), ...(o.headers ?? {}) } });
  const setup = await app.inject({
    method: 'POST',
    url: '/api/setup',
    payload: { ...ADMIN, ...(opts.setupLanguage && { language: opts.setupLanguage }) },
  });
  if (setup.statusCode !== 201) throw new Error(`setup failed: ${setup.body}`);
  const adminCookie = cookieFrom(setup);
  const t: TestApp = {
    app,
    database,
    db: database.db,
    clock,
    adminCookie,
    adminId: setup.json().id,
    request,
    get: (cookie, url) => request(cookie, { method: 'GET', url }),
    post: (cookie, url, body = {}) => request(cookie, { method: 'POST', url, payload: body as object }),
    patch: (cookie, url, body) => request(cookie, { method: 'PATCH', url, payload: body as object }),
    login: (email, password) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } }),
    async userWithCookie(role, name) {
      const email = `user${++userSeq}-${Date.now()}@example.com`;
      const created = await t.post(adminCookie, '/api/users', { name: name ?? `User ${userSeq}`, email, password: 'password-123', role });
      if (created.statusCode !== 201) throw new Error(`user create failed: ${created.body}`);
      const res = await t.login(email, 'password-123');
      return { id: created.json().id, cookie: cookieFrom(res), email };
    },
    async close() {
      await app.close();
      await pubsub.close();
      await database.close();
    },
  };
  return t;
}
