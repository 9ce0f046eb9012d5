// Demo data for `npm run demo`: a Russian wholesale company with managers, counterparties, contact
// persons and individuals. Everything goes through the services, so validation, normalisation and
// the audit log apply exactly as for data typed in the UI.
// One function per section: to add one, write `async function demoX(ctx)` and call it
// from loadDemoData in dependency order. Events, tasks and new counterparties are in demo.events.ts.
import type { FastifyBaseLogger } from 'fastify';
import { loadConfig, type Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Deps } from '../deps.js';
import type { Actor } from '../lib/actor.js';
import type { Clock } from '../lib/clock.js';
import { zonedToday } from '../lib/time.js';
import { needsSetup } from '../features/auth/auth.service.js';
import { createUser } from '../features/users/users.service.js';
import { updateSettings } from '../features/settings/settings.service.js';
import * as counterparties from '../features/counterparties/counterparties.service.js';
import * as contactPersons from '../features/contact-persons/contact-persons.service.js';
import { silentNotifier } from '../features/notifications/notifications.service.js';
import { COMPANIES, DEMO_ADMIN, DEMO_COMPANY, DEMO_PASSWORD, INDIVIDUAL_NOTES, MANAGERS, type DemoCompany } from './demo.data.js';
import { birthdayInDays, birthdayLater, seededRandom, type Random } from './demo.logic.js';
import { makePerson, type DemoPerson } from './demo.people.js';
import { counterpartyContactInfo, requisites } from './demo.companies.js';
import { demoEvents, demoProspects, demoTasks } from './demo.events.js';
import { demoTrade } from './demo.trade.js';
import { demoAbc } from './demo.abc.js';
import type { TradeEvent } from './demo.trade.logic.js';

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
  /** The managers, as the actors their work is recorded by. */
  managers: Actor[];
  /** Company "today" (YYYY-MM-DD): birthdays and the year of events are placed relative to it. */
  today: string;
  r: Random;
  counterparties: { id: string; company: DemoCompany; responsibleUserId: string; personIds: string[] }[];
  /** Contact persons without a counterparty, with the user who entered them. */
  individuals: { id: string; responsibleUserId: string }[];
  /** Counterparties that came during the year (demo.events.ts). */
  prospects: { id: string; personId: string; responsibleUserId: string; source: string; converted: boolean }[];
  /** Completed successful calls and meetings with counterparties (demo.events.ts): orders are based on some. */
  successfulEvents: TradeEvent[];
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
    individuals: [],
    prospects: [],
    successfulEvents: [],
  };
  await demoSettings(ctx);
  await demoManagers(ctx);
  await demoCounterparties(ctx);
  await demoContactPersons(ctx);
  await demoIndividuals(ctx);
  await demoProspects(ctx);
  await demoEvents(ctx);
  await demoTasks(ctx);
  await demoTrade(ctx);
  await demoAbc(ctx);
  return { loaded: true, adminEmail: DEMO_ADMIN.email, password: DEMO_PASSWORD };
}

const actorOf = (u: {
  id: string;
  role: Actor['role'];
  name: string;
  email: string;
  language: Actor['language'];
  timeZone: string;
}): Actor => ({
  id: u.id,
  role: u.role,
  name: u.name,
  email: u.email,
  language: u.language,
  timeZone: u.timeZone,
  via: 'session',
});

async function demoAdmin(deps: Deps): Promise<Actor> {
  const u = await createUser(deps, null, {
    ...DEMO_ADMIN,
    password: DEMO_PASSWORD,
    role: 'admin',
    language: 'ru',
    timeZone: DEMO_COMPANY.timeZone,
  });
  return actorOf({ ...u, role: 'admin' });
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
    ctx.managers.push(actorOf({ ...u, role: 'manager' }));
  }
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
    ctx.counterparties.push({ id: created.id, company: c, responsibleUserId, personIds: [] });
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
      const created = await contactPersons.create(ctx.deps, ctx.admin, {
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
      cp.personIds.push(created.id);
    }
  }
}

async function demoIndividuals(ctx: DemoContext) {
  for (const [i, note] of INDIVIDUAL_NOTES.entries()) {
    const p = makePerson(ctx.r, null, i);
    const created = await contactPersons.create(ctx.deps, ctx.admin, {
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
    ctx.individuals.push({ id: created.id, responsibleUserId: ctx.managers[i % ctx.managers.length].id });
  }
}
