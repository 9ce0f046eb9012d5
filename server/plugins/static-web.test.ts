import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { App } from '../http.js';
import { fixedClock } from '../lib/clock.js';
import { createTestDb, type TestDatabase } from '../test/test-db.js';
import { IMMUTABLE, REVALIDATE } from './static-web.js';

// A small built web app in a temporary folder, laid out as `vite build` writes it: index.html,
// hashed files under assets/ with .br and .gz copies beside the larger ones.

const SCRIPT = `export const greeting = ${JSON.stringify('Привет, CRM! '.repeat(400))};\n`;
const INDEX =
  '<!doctype html><html lang="ru"><head><title>CRM</title><script type="module" src="/assets/index-Ab12Cd34.js"></script></head></html>';

let dir: string;
let database: TestDatabase;
let app: App;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crm-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js'), SCRIPT);
  writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js.br'), brotliCompressSync(SCRIPT));
  writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js.gz'), gzipSync(SCRIPT));
  // Too small to be worth compressing: the build leaves it alone.
  writeFileSync(join(dir, 'assets', 'tiny-Ef56Gh78.css'), 'body{margin:0}');
  database = await createTestDb();
  app = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database.url }),
    database,
    clock: fixedClock('2026-11-27T09:00:00Z'),
    logger: false,
    webDir: dir,
  });
});

afterAll(async () => {
  await app?.close();
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('static web app: compression', () => {
  it('sends the brotli copy to a browser that accepts br', async () => {
    const res = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 5);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends the gzip copy when only gzip is accepted', async () => {
    const res = await get('/assets/index-Ab12Cd34.js', 'gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends the plain file when no encoding is accepted, or when there is no compressed copy', async () => {
    const plain = await get('/assets/index-Ab12Cd34.js');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);

    const tiny = await get('/assets/tiny-Ef56Gh78.css', 'br, gzip');
    expect(tiny.statusCode).toBe(200);
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body).toBe('body{margin:0}');
  });
});

describe('static web app: caching', () => {
  it('lets browsers keep hashed assets for a year, whichever encoding they get', async () => {
    for (const enc of ['br', 'gzip', undefined]) {
      expect((await get('/assets/index-Ab12Cd34.js', enc)).headers['cache-control']).toBe(IMMUTABLE);
    }
    expect((await get('/assets/tiny-Ef56Gh78.css')).headers['cache-control']).toBe(IMMUTABLE);
    expect(IMMUTABLE).toBe('public, max-age=31536000, immutable');
  });

  it('never caches index.html without asking: at /, by name and for a deep link', async () => {
    for (const url of ['/', '/index.html', '/counterparties/123']) {
      const res = await get(url, 'br, gzip');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe(REVALIDATE);
      expect(res.body, url).toContain('<title>CRM</title>');
    }
    expect(REVALIDATE).toBe('no-cache');
  });

  it('revalidates index.html with its ETag (304, nothing sent again)', async () => {
    const first = await get('/');
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await app.inject({ method: 'GET', url: '/', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('answers a missing asset with 404 in the API error shape, not with the page', async () => {
    const res = await get('/assets/missing-123.js', 'br');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
