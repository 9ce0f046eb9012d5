// Demo data for `npm run demo`: a Russian wholesale company with managers, counterparties, contact
// persons and individuals. Everything goes through the services, so validation, normalisation and
// the audit log apply exactly as for data typed in the UI.
// One function per section: to add one (events, tasks...), write `async function demoX(ctx)` and
// call it from loadDemoData in dependency order.
import type { FastifyBaseLogger } from 'fastify';
import { loadConfig, type Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Deps } from '../deps.js';
import type { Actor } from '../lib/actor.js';
import type { Clock } from '../lib/clock.js';
import { zonedToday } from '../lib/time.js';
import type { ContactInfoInput } from '../../shared/api/contact-info.js';
import { needsSetup } from '../features/auth/auth.service.js';
import { createUser } from '../features/users/users.service.js';
import { updateSettings } from '../features/settings/settings.service.js';
import * as counterparties from '../features/counterparties/counterparties.service.js';
import * as contactPersons from '../features/contact-persons/contact-persons.service.js';
import { CITIES, COMPANIES, DEMO_ADMIN, DEMO_COMPANY, DEMO_PASSWORD, INDIVIDUAL_NOTES, MANAGERS, type DemoCompany } from './demo.data.js';
import { birthdayInDays, birthdayLater, kppOf, legalInn, personInn, seededRandom, type Random } from './demo.logic.js';
import { addressIn, companyPhone, makePerson, mobilePhone, type DemoPerson } from './demo.people.js';

export interface DemoResult {
  loaded: boolean;
  adminEmail?: string;
  password?: string;
  reason?: string;
}

/** What every section gets: services' dependencies, the acting admin, the users and a seeded random. */
export interface DemoContext {
  deps: Deps;
  admin: Actor;
  managers: { id: string; name: string }[];
  /** Company "today" (YYYY-MM-DD): birthdays are placed relative to it. */
  today: string;
  r: Random;
  counterparties: { id: string; company: DemoCompany }[];
}

const noop = () => {};
const silentLog = {
  level: 'silent',
  fatal: noop,
  error: noop,
  warn: noop,
  info: noop,
  debug: noop,
  trace: noop,
  silent: noop,
  child: () => silentLog,
} as unknown as FastifyBaseLogger;
const silentNotifier: Deps['notifier'] = { notify: async () => {}, listen: () => noop };

/** Days from today of the contact persons whose birthday comes up soon (one today). */
const SOON_BIRTHDAYS = [0, 2, 5, 9, 16, 27];

export async function loadDemoData(
  database: Database,
  clock: Clock,
  opts: { config?: Config; log?: FastifyBaseLogger } = {},
): Promise<DemoResult> {
  const deps: Deps = {
    db: database.db,
    dialect: database.dialect,
    clock,
    log: opts.log ?? silentLog,
    config: opts.config ?? loadConfig(),
    notifier: silentNotifier,
  };
  if (!(await needsSetup(deps)))
    return { loaded: false, reason: 'the database already has users: demo data is loaded only into an empty one' };
  const admin = await demoAdmin(deps);
  const ctx: DemoContext = {
    deps,
    admin,
    managers: [],
    today: zonedToday(clock.now(), DEMO_COMPANY.timeZone),
    r: seededRandom(20_260_101),
    counterparties: [],
  };
  await demoSettings(ctx);
  await demoManagers(ctx);
  await demoCounterparties(ctx);
  await demoContactPersons(ctx);
  await demoIndividuals(ctx);
  // Events, tasks and orders: add their sections here, after the records they refer to.
  return { loaded: true, adminEmail: DEMO_ADMIN.email, password: DEMO_PASSWORD };
}

async function demoAdmin(deps: Deps): Promise<Actor> {
  const u = await createUser(deps, null, {
    ...DEMO_ADMIN,
    password: DEMO_PASSWORD,
    role: 'admin',
    language: 'ru',
    timeZone: DEMO_COMPANY.timeZone,
  });
  return { id: u.id, role: 'admin', name: u.name, email: u.email, language: u.language, timeZone: u.timeZone, via: 'session' };
}

async function demoSettings(ctx: DemoContext) {
  await updateSettings(ctx.deps, ctx.admin, { ...DEMO_COMPANY, defaultPhoneRegion: 'RU', scheduledJobsUserId: ctx.admin.id });
}

async function demoManagers(ctx: DemoContext) {
  for (const m of MANAGERS) {
    const u = await createUser(ctx.deps, ctx.admin, {
      ...m,
      password: DEMO_PASSWORD,
      role: 'manager',
      language: 'ru',
      timeZone: DEMO_COMPANY.timeZone,
    });
    ctx.managers.push({ id: u.id, name: u.name });
  }
}

function requisites(c: DemoCompany, serial: number) {
  const office = CITIES[c.city].taxOffices[serial % CITIES[c.city].taxOffices.length];
  if (c.kind === 'legalEntity') return { inn: legalInn(office, 10_000 + serial * 137), kpp: kppOf(office) };
  if (c.kind === 'soleTrader') return { inn: personInn(office, 200_000 + serial * 7919), kpp: null };
  // Private persons rarely give their INN; one of them did.
  return { inn: serial % 2 === 0 ? personInn(office, 500_000 + serial * 31) : null, kpp: null };
}

function counterpartyContactInfo(c: DemoCompany, r: Random, index: number): ContactInfoInput[] {
  const city = CITIES[c.city];
  const out: ContactInfoInput[] = [];
  if (c.kind === 'individual') {
    out.push({ kind: 'postalAddress', value: addressIn(city, r, 'flat') });
    out.push({ kind: 'phone', value: mobilePhone(r), comment: 'мобильный' });
    if (r.chance(0.6)) out.push({ kind: 'email', value: `${c.slug.replace('-', '.')}@${r.pick(['mail.ru', 'yandex.ru', 'gmail.com'])}` });
    return out;
  }
  const office = addressIn(city, r, 'office');
  out.push({ kind: 'legalAddress', value: c.kind === 'soleTrader' ? addressIn(city, r, 'flat') : office });
  out.push({ kind: 'actualAddress', value: r.chance(0.6) || c.kind === 'soleTrader' ? addressIn(city, r, 'warehouse') : office });
  // The first company answers to 8 (495) 123-45-67, the number the user guide searches for.
  out.push({
    kind: 'phone',
    value: index === 0 ? '8 (495) 123-45-67' : companyPhone(city, r),
    comment: c.kind === 'soleTrader' ? null : 'приёмная',
  });
  if (c.kind === 'legalEntity' && r.chance(0.5))
    out.push({ kind: 'phone', value: companyPhone(city, r), comment: r.pick(['отдел закупок', 'бухгалтерия', 'склад']) });
  if (c.kind === 'soleTrader') out.push({ kind: 'phone', value: mobilePhone(r), comment: 'мобильный' });
  if (c.kind === 'legalEntity' && r.chance(0.15)) out.push({ kind: 'fax', value: companyPhone(city, r) });
  out.push({
    kind: 'email',
    value: c.kind === 'soleTrader' ? `${c.slug}@${r.pick(['mail.ru', 'yandex.ru', 'bk.ru'])}` : `info@${c.slug}.ru`,
  });
  if (c.kind === 'legalEntity' && c.customer && r.chance(0.4)) out.push({ kind: 'email', value: `zakaz@${c.slug}.ru`, comment: 'заявки' });
  if (c.website) out.push({ kind: 'website', value: `https://www.${c.slug}.ru` });
  return out;
}

async function demoCounterparties(ctx: DemoContext) {
  for (const [i, c] of COMPANIES.entries()) {
    // Managers share the clients; every seventh card stays with the administrator.
    const responsibleUserId = i % 7 === 6 ? ctx.admin.id : ctx.managers[i % ctx.managers.length].id;
    const created = await counterparties.create(ctx.deps, ctx.admin, {
      name: c.name,
      fullName: c.fullName,
      kind: c.kind,
      ...requisites(c, i),
      isCustomer: c.customer,
      isSupplier: c.supplier,
      responsibleUserId,
      comment: c.comment ?? null,
      contactInfo: counterpartyContactInfo(c, ctx.r, i),
    });
    ctx.counterparties.push({ id: created.id, company: c });
  }
}

/** How many contact persons a counterparty gets: organisations 1-3, sole traders 0-1, private persons none. */
function personsFor(c: DemoCompany, i: number): number {
  if (c.kind === 'legalEntity') return [2, 3, 1][i % 3];
  if (c.kind === 'soleTrader') return i % 2;
  return 0;
}

function birthdayOf(ctx: DemoContext, personIndex: number, p: DemoPerson) {
  const soon = personIndex % 9 === 0 ? SOON_BIRTHDAYS[personIndex / 9] : undefined;
  if (soon !== undefined) return { birthday: birthdayInDays(ctx.today, soon, p.birthYear), birthdayReminderDays: ctx.r.int(0, 7) };
  if (ctx.r.chance(0.35)) return { birthday: null, birthdayReminderDays: null };
  return { birthday: birthdayLater(ctx.today, ctx.r, 35, p.birthYear), birthdayReminderDays: ctx.r.chance(0.7) ? ctx.r.int(0, 7) : null };
}

async function demoContactPersons(ctx: DemoContext) {
  let n = 0;
  for (const [i, cp] of ctx.counterparties.entries()) {
    const count = personsFor(cp.company, i);
    for (let k = 0; k < count; k++) {
      const p = makePerson(ctx.r, cp.company, k);
      await contactPersons.create(ctx.deps, ctx.admin, {
        counterpartyId: cp.id,
        lastName: p.lastName,
        firstName: p.firstName,
        middleName: p.middleName,
        position: p.position,
        role: p.role,
        ...birthdayOf(ctx, n++, p),
        contactInfo: p.contactInfo,
        comment: p.comment,
      });
    }
  }
}

async function demoIndividuals(ctx: DemoContext) {
  for (const [i, note] of INDIVIDUAL_NOTES.entries()) {
    const p = makePerson(ctx.r, null, i);
    await contactPersons.create(ctx.deps, ctx.admin, {
      counterpartyId: null,
      lastName: p.lastName,
      firstName: p.firstName,
      middleName: p.middleName,
      position: null,
      role: null,
      ...(i % 2 === 0 ? { birthday: birthdayLater(ctx.today, ctx.r, 35, p.birthYear), birthdayReminderDays: 1 } : {}),
      contactInfo: p.contactInfo,
      comment: note,
    });
  }
}
