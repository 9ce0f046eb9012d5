// Every operation of /api/openapi.json gets generated requests, valid and hostile, on both databases
// with a fixed seed: no answer may be a 5xx, every error has the documented shape. The long run is
// `npm run fuzz -- --runs N`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './test/test-app.js';
import { fuzzApp, seedForFuzz } from './test/openapi-fuzz.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

describe('OpenAPI fuzz', () => {
  it('no generated request gets a server error', { timeout: 180_000 }, async () => {
    const seed = await seedForFuzz(t);
    const result = await fuzzApp(t, { seed: 20261130, runsPerOperation: 12, ...seed });
    expect(result.failures).toEqual([]);
    // The run reached past validation: some requests succeeded and some were refused.
    expect(result.byStatus['2xx']).toBeGreaterThan(50);
    expect(result.byStatus['4xx']).toBeGreaterThan(50);
  });
});
