// The counterparty import on a large file: a CSV and an XLSX of N counterparties (valid INNs, KPP,
// a phone, an e-mail, an address) are made on disk by a child process, then each is uploaded through
// the API as a stream (app.inject with a file stream, so spooling, parsing and the one transaction
// are all measured) into a fresh database, and uploaded again (every row matched by INN, unchanged).
// For each upload: the wall time and how much the process's RSS grew during the request (sampled
// every 50 ms from just before it), which is what the file's size must not drive.
//   npm run bench:import [-- DATABASE_URL] [--rows 100000] [--format csv|xlsx|both]
// DATABASE_URL defaults to sqlite:./data/bench-import.sqlite, recreated for every format. The files
// are kept in the system's temporary folder (crm-bench-import-<rows>.csv/.xlsx) for the next run.
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { migrate } from '../server/db/migrate.js';
import { createPubSub } from '../server/db/dialect.js';
import { systemClock } from '../server/lib/clock.js';
import { flag, openBenchDb, preparePostgres, redact, resetSqlite } from './common.js';

const VALUE_FLAGS = ['--rows', '--format', '--generate'];
const positional = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !VALUE_FLAGS.includes(all[i - 1]));
const url = positional ?? process.env.BENCH_IMPORT_DATABASE_URL ?? 'sqlite:./data/bench-import.sqlite';
const rows = Number(flag('rows') ?? 100_000);
const format = flag('format') ?? 'both';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
/** A 10-digit INN with a correct check digit, different for every n. */
function innOf(n: number): string {
  const d = [...String(1_000_000_000 + n).slice(1, 10)].map(Number);
  d[0] = 7;
  const check = (W10.reduce((s, w, i) => s + w * d[i], 0) % 11) % 10;
  return d.join('') + check;
}

const HEADER = ['Наименование', 'ИНН', 'КПП', 'Покупатель', 'Поставщик', 'Телефон', 'Эл. почта', 'Юридический адрес', 'Комментарий'];
const rowOf = (n: number) => [
  `ООО «Контрагент ${n}»`,
  innOf(n),
  '770101001',
  'да',
  'нет',
  `+7 495 ${String(10_000_000 + n).slice(1)}`,
  `info${n}@example.ru`,
  `г. Москва, ул. Тестовая, д. ${n}`,
  'Импорт',
];

const fileOf = (count: number, ext: 'csv' | 'xlsx') => join(tmpdir(), `crm-bench-import-${count}.${ext}`);

async function writeCsv(path: string, count: number) {
  const out = createWriteStream(path);
  out.write(HEADER.join(';') + '\r\n');
  for (let n = 1; n <= count; n++) if (!out.write(rowOf(n).join(';') + '\r\n')) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** Written as Excel writes a workbook: every text in the shared strings table. */
async function writeXlsx(path: string, count: number) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('Контрагенты');
  ws.addRow(HEADER).commit();
  for (let n = 1; n <= count; n++) ws.addRow(rowOf(n)).commit();
  ws.commit();
  await wb.commit();
}

/** Makes the missing files in a child process, so that their making does not inflate this one's memory. */
function ensureFiles(formats: ('csv' | 'xlsx')[]) {
  const missing = formats.filter((f) => !existsSync(fileOf(rows, f)));
  if (!missing.length) return;
  const self = fileURLToPath(import.meta.url);
  for (const f of missing)
    execFileSync(process.execPath, [...process.execArgv, self, '--generate', f, '--rows', String(rows)], { stdio: 'inherit' });
}

async function generate(f: 'csv' | 'xlsx') {
  const path = fileOf(rows, f);
  const partial = `${path}.part`;
  await (f === 'csv' ? writeCsv(partial, rows) : writeXlsx(partial, rows));
  renameSync(partial, path);
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

async function benchFormat(f: 'csv' | 'xlsx') {
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
  const path = fileOf(rows, f);
  console.log(`${redact(url)}: ${rows} rows, ${f.toUpperCase()} of ${(statSync(path).size / 1024 / 1024).toFixed(1)} MB`);
  for (const label of ['first upload (all created)', 'second upload (all unchanged)']) {
    (globalThis as { gc?: () => void }).gc?.();
    const { rss: base, heapUsed: heapBase } = process.memoryUsage();
    let peak = base;
    let heapPeak = heapBase;
    const sample = () => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.rss);
      heapPeak = Math.max(heapPeak, m.heapUsed);
      if (process.env.BENCH_TRACE)
        console.log(`    rss ${mb(m.rss)} heap ${mb(m.heapUsed)} external ${mb(m.external)} buffers ${mb(m.arrayBuffers)}`);
    };
    const sampler = setInterval(sample, process.env.BENCH_TRACE ? 1000 : 50);
    const started = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: '/api/counterparties/import',
      headers: { cookie, 'content-type': f === 'csv' ? 'text/csv' : XLSX_TYPE },
      payload: createReadStream(path),
    });
    const ms = performance.now() - started;
    clearInterval(sampler);
    sample();
    (globalThis as { gc?: () => void }).gc?.();
    const retained = process.memoryUsage().heapUsed - heapBase;
    console.log(
      `  ${label}: ${res.statusCode} ${res.body.slice(0, 120)} in ${(ms / 1000).toFixed(1)} s; ` +
        `RSS ${mb(base)} -> peak ${mb(peak)} MB (+${mb(peak - base)} MB); JS heap peak +${mb(heapPeak - heapBase)} MB, retained +${mb(retained)} MB`,
    );
  }
  await app.close();
  await database.close();
}

async function main() {
  const generating = flag('generate');
  if (generating === 'csv' || generating === 'xlsx') return generate(generating);
  const formats = format === 'both' ? (['csv', 'xlsx'] as const) : ([format] as ['csv' | 'xlsx']);
  ensureFiles([...formats]);
  for (const f of formats) await benchFormat(f);
}

await main();
