import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../test/test-db.js';
import { fixedClock } from '../lib/clock.js';
import { loadConfig } from '../config.js';
import { isValidInn } from '../features/counterparties/counterparties.logic.js';
import { verifyPassword } from '../lib/secrets.js';
import { getSettings } from '../features/settings/settings.service.js';
import { loadDemoData, type DemoResult } from './demo.js';

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
  const config = loadConfig({ LOG_LEVEL: 'silent' });

  beforeAll(async () => {
    database = await createTestDb();
    result = await loadDemoData(database, fixedClock(NOW), { config });
  }, 120_000);
  afterAll(async () => database?.close());

  const count = async (table: 'users' | 'counterparties' | 'contactPersons' | 'contactInfo' | 'auditLog') =>
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

  it('has about 40 counterparties of every kind with valid, unique requisites and spread managers', async () => {
    const rows = await database.db.selectFrom('counterparties').selectAll().execute();
    expect(rows).toHaveLength(40);
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
    expect(owners.size).toBe(40);
    const phones = info.filter((i) => i.kind === 'phone');
    for (const p of phones) {
      expect(p.normalized).toMatch(/^\+7\d{10}$/);
      expect(p.digits).toBe(p.normalized!.slice(1));
    }
    // Phones are written the ways people write them, not all in one form.
    expect(phones.some((p) => p.value.startsWith('8 ('))).toBe(true);
    expect(phones.some((p) => p.value.startsWith('+7 '))).toBe(true);
    expect(info.filter((i) => i.kind === 'email').every((e) => e.normalized === e.value.toLowerCase())).toBe(true);
    expect(info.some((i) => i.kind === 'website')).toBe(true);
    expect(info.filter((i) => i.kind === 'legalAddress').length).toBeGreaterThanOrEqual(37);
    expect(phones.some((p) => p.normalized === '+74951234567')).toBe(true);
  });

  it('has about 60 contact persons, 5 individuals and birthdays coming up', async () => {
    const persons = await database.db.selectFrom('contactPersons').selectAll().execute();
    const ofCounterparties = persons.filter((p) => p.counterpartyId !== null);
    expect(ofCounterparties.length).toBeGreaterThanOrEqual(55);
    expect(ofCounterparties.length).toBeLessThanOrEqual(70);
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
    expect(await count('auditLog')).toBe((await count('counterparties')) + (await count('contactPersons')));
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
