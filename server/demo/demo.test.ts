import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../test/test-db.js';
import { fixedClock } from '../lib/clock.js';
import { loadConfig } from '../config.js';
import { isValidInn } from '../features/counterparties/counterparties.logic.js';
import { verifyPassword } from '../lib/secrets.js';
import { getSettings } from '../features/settings/settings.service.js';
import { loadDemoData, type DemoResult } from './demo.js';
import { buildApp } from '../app.js';
import { createPubSub } from '../db/dialect.js';
import { cookieFrom } from '../test/test-app.js';
import type { App } from '../http.js';
import { parseCsv, readXlsx } from '../features/reports/report-files.test-support.js';

// 21 December in Moscow: the upcoming birthdays cross the new year.
const NOW = '2026-12-20T22:30:00Z';
const TODAY = '2026-12-21';

/** Days from today to the next anniversary of a YYYY-MM-DD birthday. */
function daysUntil(birthday: string, today: string): number {
  const t = new Date(`${today}T00:00:00Z`);
  const md = birthday.slice(5);
  for (const year of [t.getUTCFullYear(), t.getUTCFullYear() + 1]) {
    // 29 February outside a leap year is celebrated on 1 March.
    const d = new Date(`${year}-${md}T00:00:00Z`);
    const date = Number.isNaN(d.getTime()) ? new Date(`${year}-03-01T00:00:00Z`) : d;
    const days = Math.round((date.getTime() - t.getTime()) / 86_400_000);
    if (days >= 0) return days;
  }
  throw new Error('unreachable');
}

describe('demo data', () => {
  let database: TestDatabase;
  let result: DemoResult;
  let app: App;
  let cookie: string;
  const config = loadConfig({ LOG_LEVEL: 'silent' });

  beforeAll(async () => {
    database = await createTestDb();
    result = await loadDemoData(database, fixedClock(NOW), { config });
    app = await buildApp({
      config,
      database,
      clock: fixedClock(NOW),
      pubsub: createPubSub(database.url, { pgSchema: database.schema }),
      logger: false,
      webDir: '/nonexistent',
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'demo@example.com', password: 'demo-password' },
    });
    cookie = cookieFrom(login);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });
  const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie } });

  const count = async (
    table:
      'users' | 'counterparties' | 'contactPersons' | 'contactInfo' | 'auditLog' | 'events' | 'tasks' | 'products' | 'orders' | 'sales',
  ) =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('loads an admin who can sign in and three managers', async () => {
    expect(result).toEqual({ loaded: true, adminEmail: 'demo@example.com', password: 'demo-password' });
    const users = await database.db.selectFrom('users').selectAll().orderBy('email').execute();
    expect(users.map((u) => [u.email, u.role])).toEqual([
      ['demo@example.com', 'admin'],
      ['kozlov@example.com', 'manager'],
      ['morozova@example.com', 'manager'],
      ['volkov@example.com', 'manager'],
    ]);
    for (const u of users) expect(await verifyPassword('demo-password', u.passwordHash)).toBe(true);
    const settings = await getSettings({ db: database.db });
    expect(settings.companyName).toBe('ООО "Торговый дом Север"');
    expect(settings.timeZone).toBe('Europe/Moscow');
  });

  it('has 40 counterparties of every kind and 10 that came this year, with valid, unique requisites and spread managers', async () => {
    const rows = await database.db.selectFrom('counterparties').selectAll().execute();
    expect(rows).toHaveLength(50);
    expect(rows.filter((r) => r.isCustomer === 0 && r.isSupplier === 0)).toHaveLength(5);
    const byKind = (k: string) => rows.filter((r) => r.kind === k);
    expect(byKind('legalEntity').length).toBeGreaterThanOrEqual(25);
    expect(byKind('soleTrader').length).toBeGreaterThanOrEqual(5);
    expect(byKind('individual').length).toBeGreaterThanOrEqual(2);
    for (const r of byKind('legalEntity')) {
      expect(r.inn).toMatch(/^\d{10}$/);
      expect(r.kpp).toMatch(/^\d{4}01001$/);
      expect(r.kpp!.slice(0, 4)).toBe(r.inn!.slice(0, 4));
    }
    for (const r of byKind('soleTrader')) expect(r.inn).toMatch(/^\d{12}$/);
    const inns = rows.map((r) => r.inn).filter((x): x is string => x !== null);
    expect(inns.every(isValidInn)).toBe(true);
    expect(new Set(inns).size).toBe(inns.length);
    expect(rows.some((r) => r.isSupplier === 1) && rows.some((r) => r.isCustomer === 1)).toBe(true);
    expect(new Set(rows.map((r) => r.responsibleUserId)).size).toBe(4);
    expect(rows.find((r) => r.name === 'ООО «Ёлочка»')?.nameSearch).toBe('ооо «елочка»');
  });

  it('gives every counterparty addresses, normalised phones and e-mails', async () => {
    const info = await database.db.selectFrom('contactInfo').selectAll().where('counterpartyId', 'is not', null).execute();
    const owners = new Set(info.map((i) => i.counterpartyId));
    expect(owners.size).toBe(50);
    const phones = info.filter((i) => i.kind === 'phone' || i.kind === 'fax');
    for (const p of phones) {
      expect(p.normalized).toMatch(/^\+7\d{10}$/);
      expect(p.digits).toBe(p.normalized!.slice(1));
      // One tidy form everywhere: "+7 (495) 123-45-67".
      expect(p.value).toMatch(/^\+7 \(\d{3}\) \d{3}-\d{2}-\d{2}$/);
    }
    expect(info.filter((i) => i.kind === 'email').every((e) => e.normalized === e.value.toLowerCase())).toBe(true);
    expect(info.some((i) => i.kind === 'website')).toBe(true);
    expect(info.filter((i) => i.kind === 'legalAddress').length).toBeGreaterThanOrEqual(37);
    expect(phones.some((p) => p.normalized === '+74951234567')).toBe(true);
  });

  it('has about 60 contact persons, 5 individuals and birthdays coming up', async () => {
    const persons = await database.db.selectFrom('contactPersons').selectAll().execute();
    const ofCounterparties = persons.filter((p) => p.counterpartyId !== null);
    expect(ofCounterparties.length).toBeGreaterThanOrEqual(65);
    expect(ofCounterparties.length).toBeLessThanOrEqual(80);
    expect(persons.filter((p) => p.counterpartyId === null)).toHaveLength(5);
    expect(persons.filter((p) => p.position === 'Главный бухгалтер').length).toBeGreaterThan(0);
    const withBirthday = persons.filter((p) => p.birthday !== null);
    for (const p of withBirthday) {
      expect(p.birthday! <= TODAY).toBe(true);
      if (p.birthdayReminderDays !== null) expect(p.birthdayReminderDays).toBeLessThanOrEqual(7);
    }
    const soon = withBirthday.filter((p) => daysUntil(p.birthday!, TODAY) <= 30);
    expect(soon.length).toBeGreaterThanOrEqual(4);
    expect(soon.length).toBeLessThanOrEqual(10);
    expect(soon.some((p) => daysUntil(p.birthday!, TODAY) === 0)).toBe(true);
    expect(soon.some((p) => p.birthday!.slice(5, 7) === '01')).toBe(true);
    // Every person can be reached.
    const reachable = await database.db
      .selectFrom('contactInfo')
      .select('contactPersonId')
      .distinct()
      .where('contactPersonId', 'is not', null)
      .execute();
    expect(reachable).toHaveLength(persons.length);
  });

  it('writes the audit log through the services', async () => {
    const created = await database.db
      .selectFrom('auditLog')
      .select(['entityType', (eb) => eb.fn.countAll<number>().as('n')])
      .where('action', '=', 'create')
      .groupBy('entityType')
      .execute();
    const byType = Object.fromEntries(created.map((r) => [r.entityType, Number(r.n)]));
    expect(byType).toEqual({
      counterparty: await count('counterparties'),
      contactPerson: await count('contactPersons'),
      event: await count('events'),
      product: await count('products'),
      order: await count('orders'),
      sale: await count('sales'),
      abcClassification: 2,
    });
  });

  it('trades for 18 months: orders in every state, some based on calls, shipments and direct sales for the ABC classification', async () => {
    const orders = await database.db.selectFrom('orders').selectAll().execute();
    const sales = await database.db.selectFrom('sales').selectAll().execute();
    expect(orders.length).toBeGreaterThanOrEqual(150);
    expect(new Set(orders.map((o) => o.state))).toEqual(new Set(['draft', 'confirmed', 'shipped', 'cancelled']));
    const based = orders.filter((o) => o.basisType === 'event');
    expect(based.length).toBeGreaterThanOrEqual(5);
    const basisEvents = await database.db
      .selectFrom('events')
      .select(['id', 'counterpartyId'])
      .where(
        'id',
        'in',
        based.map((o) => o.basisId!),
      )
      .execute();
    const eventCp = new Map(basisEvents.map((e) => [e.id, e.counterpartyId]));
    expect(based.every((o) => eventCp.get(o.basisId!) === o.counterpartyId)).toBe(true);
    // Every shipped order has its sale, dated the order's day; the rest were entered directly.
    const shipped = orders.filter((o) => o.state === 'shipped');
    const fromOrders = sales.filter((s) => s.orderId);
    expect(fromOrders).toHaveLength(shipped.length);
    const orderDate = new Map(orders.map((o) => [o.id, o.date]));
    expect(fromOrders.every((s) => s.date === orderDate.get(s.orderId!))).toBe(true);
    expect(sales.length - fromOrders.length).toBeGreaterThanOrEqual(30);
    const dates = sales.map((s) => s.date).sort();
    expect(dates[0] <= '2025-08-01').toBe(true);
    expect(dates.at(-1)! <= TODAY).toBe(true);
    expect(sales.every((s) => Number(s.revenue) > Number(s.cost) && Number(s.cost) > 0)).toBe(true);
    // A few customers make most of the revenue: the ABC classification has all three classes to show.
    const perCustomer = new Map<string, number>();
    for (const s of sales) perCustomer.set(s.counterpartyId, (perCustomer.get(s.counterpartyId) ?? 0) + Number(s.revenue));
    const ranked = [...perCustomer.values()].sort((a, b) => b - a);
    const total = ranked.reduce((a, b) => a + b, 0);
    expect(ranked.slice(0, Math.ceil(ranked.length / 5)).reduce((a, b) => a + b, 0) / total).toBeGreaterThan(0.5);
    expect(ranked.length).toBeGreaterThanOrEqual(20);
  });

  it('classifies the customers twice, half a year apart: classes on the cards, a history, moves and tasks for those who left A', async () => {
    const docs = await database.db.selectFrom('abcClassifications').selectAll().orderBy('date').execute();
    expect(docs.map((d) => d.state)).toEqual(['applied', 'applied']);
    expect(docs[1].periodTo < TODAY && docs[0].periodTo < docs[1].periodTo).toBe(true);
    const classes = await database.db.selectFrom('counterparties').select('abcClass').where('abcClass', 'is not', null).execute();
    expect(new Set(classes.map((c) => c.abcClass))).toEqual(new Set(['A', 'B', 'C']));
    const res = await app.inject({ method: 'GET', url: '/api/reports/abc', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const lines = await database.db.selectFrom('abcClassificationLines').selectAll().where('classificationId', '=', docs[1].id).execute();
    const moved = lines.filter((l) => l.previousClass && l.previousClass !== l.abcClass);
    expect(moved.length).toBeGreaterThan(0);
    const leftA = lines.filter((l) => l.previousClass === 'A' && l.abcClass !== 'A');
    const abcTasks = await database.db.selectFrom('tasks').select('subjectId').where('source', '=', 'abc').execute();
    expect(abcTasks.map((t) => t.subjectId).sort()).toEqual(leftA.map((l) => l.counterpartyId).sort());
  });

  it('fills the company requisites for the printed forms and keeps one product in the archive', async () => {
    const s = await getSettings({ db: database.db });
    expect(isValidInn(s.companyInn)).toBe(true);
    expect(s.companyBik).toMatch(/^\d{9}$/);
    expect(s.companyAccount).toMatch(/^\d{20}$/);
    const archived = await database.db.selectFrom('products').select('sku').where('archivedAt', 'is not', null).execute();
    expect(archived).toEqual([{ sku: 'КОНД-099' }]);
  });

  it('has a year of calls, meetings and letters, numbered in time order, with outcomes and importance', async () => {
    const events = await database.db.selectFrom('events').selectAll().orderBy('number').execute();
    expect(events.length).toBeGreaterThanOrEqual(300);
    expect(events.length).toBeLessThanOrEqual(600);
    expect(new Set(events.map((e) => e.kind))).toEqual(new Set(['phoneCall', 'meeting', 'email', 'letter', 'other']));
    const starts = events.map((e) => e.startAt);
    expect(starts).toEqual([...starts].sort());
    expect(starts[0] >= '2025-12-20').toBe(true);
    expect(starts.at(-1)! <= '2027-01-21').toBe(true);
    const past = events.filter((e) => e.startAt < NOW);
    const future = events.filter((e) => e.startAt > NOW);
    expect(past.filter((e) => e.state === 'completed').length / past.length).toBeGreaterThan(0.85);
    expect(past.some((e) => e.state === 'cancelled') && past.some((e) => e.state === 'planned')).toBe(true);
    expect(future.length).toBeGreaterThanOrEqual(20);
    expect(future.every((e) => e.state === 'planned')).toBe(true);
    const rated = past.filter((e) => e.state === 'completed' && e.kind === 'phoneCall');
    expect(rated.every((e) => e.outcome !== null)).toBe(true);
    expect(rated.some((e) => e.outcome === 'success') && rated.some((e) => e.outcome === 'failure')).toBe(true);
    expect(events.filter((e) => e.importance === 'high').length).toBeGreaterThanOrEqual(20);
    // Every manager and the administrator have their share of the work.
    expect(new Set(events.map((e) => e.responsibleUserId)).size).toBe(4);
    expect(new Set(events.map((e) => e.createdBy))).toEqual(new Set(events.map((e) => e.responsibleUserId)));
  });

  it('new counterparties came with requests from information sources and got cold calls', async () => {
    const requests = await database.db
      .selectFrom('events')
      .innerJoin('infoSources', 'infoSources.id', 'events.infoSourceId')
      .select(['infoSources.name', 'events.direction', 'events.counterpartyId'])
      .execute();
    expect(requests).toHaveLength(10);
    expect(requests.every((r) => r.direction === 'incoming')).toBe(true);
    expect(new Set(requests.map((r) => r.name)).size).toBe(5);
    const cold = await database.db.selectFrom('events').select('outcome').where('subject', 'like', 'Холодный звонок%').execute();
    expect(cold).toHaveLength(10);
  });

  it('has reminders and tasks: ahead, overdue and done', async () => {
    const tasks = await database.db.selectFrom('tasks').selectAll().execute();
    const open = tasks.filter((t) => t.status === 'open');
    const ahead = open.filter((t) => t.dueAt! > NOW);
    const overdue = open.filter((t) => t.dueAt! < NOW);
    const done = tasks.filter((t) => t.status === 'done');
    expect(ahead.length).toBeGreaterThanOrEqual(15);
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(overdue.length).toBeLessThanOrEqual(15);
    expect(done.length).toBeGreaterThanOrEqual(5);
    expect(new Set(tasks.map((t) => t.source))).toEqual(new Set(['eventReminder', 'manual']));
    expect(tasks.every((t) => t.remindAt! <= t.dueAt!)).toBe(true);
  });

  it('fills the journal, the events report and the cold-call statistics', async () => {
    const journal = (await get('/api/events?limit=50')).json();
    expect(journal.items).toHaveLength(50);
    const report = (await get('/api/reports/events?groupBy=responsible,period&details=false')).json();
    expect(report.totals.count).toBe(await count('events'));
    expect(report.rows.filter((r: any) => r.level === 0)).toHaveLength(4);
    expect(report.rows.filter((r: any) => r.level === 1).length).toBeGreaterThanOrEqual(40);
    const cold = (await get('/api/reports/cold-calls?period=month')).json();
    expect(new Set(cold.calls.map((c: any) => c.responsibleUserId)).size).toBe(4);
    expect(cold.calls.length).toBeGreaterThanOrEqual(30);
    expect(cold.calls.some((c: any) => c.successRate > 0 && c.successRate < 1)).toBe(true);
    // Five information sources, and requests nobody asked about.
    expect(cold.sources.map((x: any) => x.name ?? '-').sort()).toEqual([
      '-',
      'Выставка',
      'Реклама',
      'Рекомендация',
      'Сайт',
      'Холодный звонок',
    ]);
  });

  it('exports every phone as text: no apostrophe in CSV, text cells in XLSX', async () => {
    const csv = parseCsv((await get('/api/reports/contact-info?kinds=phone,fax&format=csv&lang=ru')).rawPayload, ';');
    const phones = csv.slice(1).flatMap((r) => r.slice(4).filter(Boolean));
    expect(phones.length).toBeGreaterThanOrEqual(120);
    for (const p of phones) expect(p).toMatch(/^\t\+7 \(\d{3}\) \d{3}-\d{2}-\d{2}(; \+7 \(\d{3}\) \d{3}-\d{2}-\d{2})*$/);
    expect(csv.flat().filter((f) => f.startsWith("'"))).toEqual([]);
    const [sheet] = await readXlsx((await get('/api/reports/contact-info?kinds=phone,fax&format=xlsx&lang=ru')).rawPayload);
    const cells = sheet.rows.slice(1).flatMap((r) => r.slice(4).filter((c) => c.value !== null));
    expect(cells).toHaveLength(phones.length);
    for (const c of cells) expect(typeof c.value === 'string' && !c.value.startsWith("'")).toBe(true);
  });

  it('does nothing the second time', async () => {
    const before = await Promise.all((['users', 'counterparties', 'contactPersons', 'contactInfo', 'auditLog'] as const).map(count));
    const again = await loadDemoData(database, fixedClock(NOW), { config });
    expect(again.loaded).toBe(false);
    expect(again.reason).toMatch(/already has users/);
    const after = await Promise.all((['users', 'counterparties', 'contactPersons', 'contactInfo', 'auditLog'] as const).map(count));
    expect(after).toEqual(before);
  });
});
