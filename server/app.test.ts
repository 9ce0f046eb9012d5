import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './test/test-app.js';
import { ConfigError, loadConfig } from './config.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(async () => t.close());

describe('application', () => {
  it('serves an OpenAPI document with the stable core and a docs page', async () => {
    const res = await t.get(null, '/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of [
      '/api/health',
      '/api/setup',
      '/api/auth/login',
      '/api/me',
      '/api/me/settings',
      '/api/me/tokens',
      '/api/users',
      '/api/users/{id}',
      '/api/settings',
      '/api/counterparties',
      '/api/counterparties/{id}',
      '/api/counterparties/{id}/archive',
      '/api/contact-persons',
      '/api/contact-persons/{id}',
      '/api/events',
      '/api/events/{id}',
      '/api/events/{id}/related',
      '/api/tasks',
      '/api/tasks/{id}/complete',
      '/api/tasks/{id}/snooze',
      '/api/notifications/stream',
      '/api/reports/contact-info',
      '/api/reports/events',
    ]) {
      expect(paths, p).toContain(p);
    }
    expect((await t.get(null, '/api/docs/')).statusCode).toBe(200);
  });

  it('answers unknown API routes with the error shape and sets protective headers', async () => {
    const res = await t.get(t.adminCookie, '/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a malformed JSON body with 400 and writes nothing', async () => {
    const res = await t.request(t.adminCookie, {
      method: 'POST',
      url: '/api/counterparties',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBeDefined();
  });
});

describe('configuration', () => {
  it('reads defaults and refuses a wrong value with a line naming the variable', () => {
    expect(loadConfig({})).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: 'sqlite:./data/crm.sqlite' });
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('takes DATABASE_LISTEN_URL only beside a PostgreSQL DATABASE_URL, and hides its password in the message', () => {
    const pgUrl = 'postgres://crm@pooler:6432/crm';
    expect(loadConfig({ DATABASE_URL: pgUrl }).databaseListenUrl).toBeNull();
    expect(loadConfig({ DATABASE_URL: pgUrl, DATABASE_LISTEN_URL: 'postgres://crm@db:5432/crm' }).databaseListenUrl).toBe(
      'postgres://crm@db:5432/crm',
    );
    expect(() => loadConfig({ DATABASE_LISTEN_URL: 'postgres://crm@db:5432/crm' })).toThrow(/DATABASE_LISTEN_URL is only for PostgreSQL/);
    expect(() => loadConfig({ DATABASE_URL: pgUrl, DATABASE_LISTEN_URL: 'mysql://u:secret@db/crm' })).toThrow(/DATABASE_LISTEN_URL/);
    expect(() => loadConfig({ DATABASE_URL: pgUrl, DATABASE_LISTEN_URL: 'mysql://u:secret@db/crm' })).not.toThrow(/secret/);
  });
});

describe('static web app', () => {
  it('answers a missing asset with 404, not the page', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'crm-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>CRM</title>');
    const { buildApp } = await import('./app.js');
    const app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: t.database.url }),
      database: t.database,
      clock: t.clock,
      logger: false,
      webDir: dir,
    });
    expect((await app.inject({ method: 'GET', url: '/assets/missing-123.js' })).statusCode).toBe(404);
    const deep = await app.inject({ method: 'GET', url: '/counterparties/123' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<title>CRM</title>');
    await app.close();
  });
});
