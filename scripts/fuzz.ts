export {};
// The long OpenAPI fuzz run: `npm run fuzz -- [--runs N] [--seed S] [--db sqlite|postgres]`.
// N generated requests per operation (default 300) against a fresh database; prints one summary line
// and every failing request (a 5xx, or an error answer without the documented shape). Exit 1 on any.
// The suite runs the same generator with a fixed seed and 12 requests per operation.
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
process.env.TEST_DB = arg('db', process.env.TEST_DB ?? 'sqlite');
const runs = Number(arg('runs', '300'));
const seed = Number(arg('seed', String(Date.now() % 1_000_000)));

// Imported after TEST_DB is set: the test database module reads it when loaded.
const { makeTestApp } = await import('../server/test/test-app.js');
const { fuzzApp, seedForFuzz } = await import('../server/test/openapi-fuzz.js');

const started = Date.now();
const t = await makeTestApp();
try {
  const result = await fuzzApp(t, { seed, runsPerOperation: runs, ...(await seedForFuzz(t)) });
  for (const f of result.failures.slice(0, 50)) console.error(JSON.stringify(f));
  const statuses = Object.entries(result.byStatus)
    .sort()
    .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
    .join(', ');
  console.log(
    `fuzz (${process.env.TEST_DB}, seed ${seed}): ${result.requests.toLocaleString('en')} requests, ${statuses}; ` +
      `${result.failures.length} failures; ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  process.exitCode = result.failures.length ? 1 : 0;
} finally {
  await t.close();
}
