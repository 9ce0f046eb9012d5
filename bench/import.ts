// The counterparty import on a large file: generates a CSV of 100,000 counterparties (valid INNs,
// KPP, a phone, an e-mail, an address), uploads it through the API (app.inject, so the body limit,
// parsing and the one transaction are all measured), then uploads it again (every row matched by
// INN and unchanged) and reports the times and the process's peak memory.
//   npm run bench:import [-- DATABASE_URL] [--rows 100000]
// DATABASE_URL defaults to sqlite:./data/bench-import.sqlite, recreated on every run.
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { migrate } from '../server/db/migrate.js';
import { createPubSub } from '../server/db/dialect.js';
import { systemClock } from '../server/lib/clock.js';
import { flag, openBenchDb, preparePostgres, redact, resetSqlite } from './common.js';

const VALUE_FLAGS = ['--rows'];
const positional = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !VALUE_FLAGS.includes(all[i - 1]));
const url = positional ?? process.env.BENCH_IMPORT_DATABASE_URL ?? 'sqlite:./data/bench-import.sqlite';
const rows = Number(flag('rows') ?? 100_000);

const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
/** A 10-digit INN with a correct check digit, different for every n. */
function innOf(n: number): string {
  const d = [...String(1_000_000_000 + n).slice(1, 10)].map(Number);
  d[0] = 7;
  const check = (W10.reduce((s, w, i) => s + w * d[i], 0) % 11) % 10;
  return d.join('') + check;
}

function csvOf(count: number): string {
  const lines = ['Наименование;ИНН;КПП;Покупатель;Поставщик;Телефон;Эл. почта;Юридический адрес;Комментарий'];
  for (let n = 1; n <= count; n++) {
    const phone = `+7 495 ${String(10_000_000 + n).slice(1)}`;
    lines.push(`ООО «Контрагент ${n}»;${innOf(n)};770101001;да;нет;${phone};info${n}@example.ru;г. Москва, ул. Тестовая, д. ${n};Импорт`);
  }
  return lines.join('\r\n') + '\r\n';
}

async function main() {
  if (url.startsWith('sqlite:')) resetSqlite(url);
  else await preparePostgres(url, true);
  const database = openBenchDb(url);
  await migrate(database.db, database.dialect);
  const app = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url }),
    database,
    clock: systemClock,
    pubsub: createPubSub(url, {}),
    logger: false,
    webDir: '/nonexistent',
  });
  const setup = await app.inject({
    method: 'POST',
    url: '/api/setup',
    payload: { name: 'Администратор', email: 'bench-import@example.com', password: 'bench-password' },
  });
  const cookie = String(setup.headers['set-cookie']).split(';')[0];
  const csv = csvOf(rows);
  console.log(`${redact(url)}: ${rows} rows, ${(Buffer.byteLength(csv) / 1024 / 1024).toFixed(1)} MB of CSV`);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  for (const label of ['first upload (all created)', 'second upload (all unchanged)']) {
    const started = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: '/api/counterparties/import',
      headers: { cookie, 'content-type': 'text/csv' },
      payload: csv,
    });
    const ms = performance.now() - started;
    console.log(`${label}: ${res.statusCode} ${res.body.slice(0, 160)} in ${(ms / 1000).toFixed(1)} s`);
  }
  clearInterval(sampler);
  console.log(`peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB`);
  await app.close();
}

await main();
