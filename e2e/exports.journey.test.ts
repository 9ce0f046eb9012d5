import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { download, waitToastsGone } from './helpers';
import { apiPatch, cellsOf } from './events.helpers';
import { loadDemoData } from '../server/demo/demo';
import { loadConfig } from '../server/config';
import { systemClock } from '../server/lib/clock';
import { parseCsv, readXlsx, textsOf } from '../server/features/reports/report-files.test-support';

// The demo company (as `npm run demo` loads it) in the browser at 1366×768, in Russian: the events
// report with direction and importance, the cold-call statistics and the contact information, each
// exported to CSV and XLSX and read back as a spreadsheet would: numbers are numbers, dates are
// dates, phones are text without an apostrophe, nothing runs. Screenshots: docs/screenshots/exports-*.png

const PHONE = /^\+7 \(\d{3}\) \d{3}-\d{2}-\d{2}(; \+7 \(\d{3}\) \d{3}-\d{2}-\d{2})*$/;

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ locale: 'ru-RU', viewport: { width: 1366, height: 768 } });
  const demo = await loadDemoData(h.database, systemClock, { config: loadConfig({ LOG_LEVEL: 'silent' }) });
  expect(demo.loaded).toBe(true);
  const { page } = h;
  await page.goto('/');
  await page.getByTestId('login-email').fill(demo.adminEmail!);
  await page.getByTestId('login-password').fill(demo.password!);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-events').waitFor();
  // The pages under test, not the administrator's task list at start-up.
  await apiPatch(page, '/api/me/settings', { showTasksAtStartup: false });
});

afterAll(async () => {
  await h?.close();
});

describe('exports journey', () => {
  it('the demo journal is full; the events report shows direction and importance and exports typed cells', async () => {
    const { page } = h;
    await page.getByTestId('nav-events').click();
    await expect.poll(() => page.getByTestId('event-row').count()).toBeGreaterThan(5);

    await page.getByTestId('nav-events-report').click();
    await page.getByTestId('grouping-remove-kind').click();
    await page.getByTestId('grouping-add').selectOption('responsible');
    await page.getByTestId('events-report-generate').click();
    await page.getByTestId('events-report-table').waitFor();
    const summary = (await page.getByTestId('events-report-summary').textContent()) ?? '';
    expect(Number(/Событий: (\d+)/.exec(summary)?.[1])).toBeGreaterThan(300);
    // Importance and direction columns, as in the journal: "!" and "Напр." with their full names.
    const table = page.getByTestId('events-report-table');
    expect(await table.locator('th[aria-label="Важность"]').count()).toBe(1);
    expect(await table.locator('th[aria-label="Направление"]').count()).toBe(1);
    expect(await table.getByTestId('importance-high').count()).toBeGreaterThan(0);
    const row = page.getByTestId('events-report-row').filter({ hasText: 'Исх.' }).first();
    expect(await cellsOf(row)).toEqual(expect.arrayContaining(['Звонок', 'Исх.']));
    await waitToastsGone(page);
    await h.screenshot('exports-events-report.ru');

    const xlsx = await download(page, page.getByTestId('events-report-export-xlsx'));
    const [sheet] = await readXlsx(xlsx.bytes);
    expect(sheet.rows[0].map((c) => c.value)).toEqual([
      'Группировка',
      'Значение',
      'Количество',
      'Длительность, мин',
      'Дата',
      'Контрагент',
      'Контактное лицо',
      'Вид',
      'Направление',
      'Важность',
      'Состояние',
    ]);
    const body = sheet.rows.slice(1);
    expect(body.every((r) => r[2].type === ExcelJS.ValueType.Number)).toBe(true);
    const dated = body.filter((r) => r[4].value !== null);
    expect(dated.length).toBeGreaterThan(300);
    for (const r of dated) expect(r[4]).toMatchObject({ type: ExcelJS.ValueType.Date, numFmt: 'dd.mm.yyyy hh:mm' });
    expect(body.some((r) => r[8].value === 'Входящее') && body.some((r) => r[9].value === 'Высокая')).toBe(true);
    expect(textsOf([sheet]).filter((v) => v.startsWith("'"))).toEqual([]);
    expect(sheet.sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });

    const csv = await download(page, page.getByTestId('events-report-export-csv'));
    const rows = parseCsv(csv.bytes, ';');
    expect(rows.at(-1)![0]).toBe('Итого');
    expect(rows.filter((r) => /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/.test(r[4])).length).toBe(dated.length);
  });

  it('cold-call statistics of the demo export as two tables with numbers, months and shares', async () => {
    const { page } = h;
    await page.getByTestId('nav-cold-calls').click();
    await page.getByTestId('cold-calls-row').first().waitFor();
    expect(await page.getByTestId('cold-calls-row').count()).toBeGreaterThan(20);
    expect(await page.getByTestId('cold-calls-source-row').count()).toBeGreaterThanOrEqual(5);
    await h.screenshot('exports-cold-calls.ru');

    const xlsx = await download(page, page.getByTestId('cold-calls-export-xlsx'));
    expect(xlsx.name).toMatch(/^Статистика холодных звонков \d{4}-\d{2}-\d{2}\.xlsx$/);
    const [calls, sources] = await readXlsx(xlsx.bytes);
    expect([calls.name, sources.name]).toEqual(['Исходящие звонки', 'Обращения по источникам']);
    const body = calls.rows.slice(1, -1);
    for (const r of body) {
      expect(r[1]).toMatchObject({ type: ExcelJS.ValueType.Date, numFmt: '[$-419]mmmm yyyy' });
      expect(r[2].type).toBe(ExcelJS.ValueType.Number);
    }
    const total = calls.rows.at(-1)!;
    expect(total[0].value).toBe('Итого');
    expect(total[2].value).toBe(body.reduce((s, r) => s + (r[2].value as number), 0));
    expect(total[6]).toMatchObject({ type: ExcelJS.ValueType.Number, numFmt: '0.0%' });
    expect(sources.rows.at(-1)!.map((c) => c.value)).toEqual(['Итого', expect.any(Number), 1]);

    const csv = parseCsv((await download(page, page.getByTestId('cold-calls-export-csv'))).bytes, ';');
    expect(csv[0]).toEqual(['Исходящие звонки']);
    expect(csv).toContainEqual(['Обращения по источникам']);
  });

  it('contact information exports every phone as text: no apostrophe, none a number', async () => {
    const { page } = h;
    await page.getByTestId('nav-contact-info-report').click();
    await page.getByTestId('report-generate').click();
    await page.getByTestId('report-table').waitFor();
    await h.screenshot('exports-contact-info-report.ru');

    const rows = parseCsv((await download(page, page.getByTestId('report-export-csv'))).bytes, ';');
    const phoneColumn = rows[0].indexOf('Телефон');
    const phones = rows
      .slice(1)
      .map((r) => r[phoneColumn])
      .filter(Boolean);
    expect(phones.length).toBeGreaterThan(100);
    for (const p of phones) {
      expect(p.startsWith('\t')).toBe(true);
      expect(p.slice(1)).toMatch(PHONE);
    }
    expect(rows.flat().filter((f) => f.startsWith("'"))).toEqual([]);

    const [sheet] = await readXlsx((await download(page, page.getByTestId('report-export-xlsx'))).bytes);
    const cells = sheet.rows.slice(1).map((r) => r[phoneColumn]);
    const filled = cells.filter((c) => c.value !== null);
    expect(filled).toHaveLength(phones.length);
    for (const c of filled) expect(c).toMatchObject({ type: ExcelJS.ValueType.String, value: expect.stringMatching(PHONE) });
  });
});
