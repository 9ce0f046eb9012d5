// Demo sections for the year of work: counterparties that came with a request, the events of the
// sales department (planned in demo.activity.ts) with their reminders, and manual tasks. All of it
// through the services, acting as the responsible user, like the rest of the demo.
import { DateTime } from 'luxon';
import type { Actor } from '../lib/actor.js';
import { zonedToday } from '../lib/time.js';
import * as counterparties from '../features/counterparties/counterparties.service.js';
import * as contactPersons from '../features/contact-persons/contact-persons.service.js';
import * as events from '../features/events/events.service.js';
import * as infoSources from '../features/info-sources/info-sources.service.js';
import * as tasks from '../features/tasks/tasks.service.js';
import { PROSPECTS } from './demo.data.js';
import { planActivity } from './demo.activity.js';
import { makePerson } from './demo.people.js';
import { counterpartyContactInfo, requisites } from './demo.companies.js';
import type { DemoContext } from './demo.js';

function usersOf(ctx: DemoContext): Map<string, Actor> {
  return new Map([ctx.admin, ...ctx.managers].map((u) => [u.id, u]));
}

/** New counterparties of the year, each taken by a manager, with the person who wrote to us. */
export async function demoProspects(ctx: DemoContext) {
  for (const [i, c] of PROSPECTS.entries()) {
    const manager = ctx.managers[i % ctx.managers.length];
    const created = await counterparties.create(ctx.deps, manager, {
      name: c.name,
      fullName: c.fullName,
      kind: c.kind,
      ...requisites(c, 100 + i),
      isCustomer: c.customer,
      isSupplier: false,
      responsibleUserId: manager.id,
      comment: `Пришел сам: ${c.source.toLowerCase()}`,
      contactInfo: counterpartyContactInfo(c, ctx.r, 100 + i),
    });
    const p = makePerson(ctx.r, c, 2);
    const person = await contactPersons.create(ctx.deps, manager, {
      counterpartyId: created.id,
      lastName: p.lastName,
      firstName: p.firstName,
      middleName: p.middleName,
      position: p.position,
      role: p.role,
      contactInfo: p.contactInfo,
    });
    ctx.prospects.push({ id: created.id, personId: person.id, responsibleUserId: manager.id, source: c.source, converted: c.converted });
  }
}

/** A few hundred events over the last year and the coming month, oldest first. */
export async function demoEvents(ctx: DemoContext) {
  const users = usersOf(ctx);
  const sourceIds = new Map((await infoSources.list(ctx.deps)).map((s) => [s.name, s.id]));
  const plan = planActivity(
    {
      today: ctx.today,
      timeZone: ctx.admin.timeZone,
      counterparties: ctx.counterparties.map((c) => ({
        id: c.id,
        responsibleUserId: c.responsibleUserId,
        customer: c.company.customer,
        supplier: c.company.supplier,
        personIds: c.personIds,
      })),
      individuals: ctx.individuals,
      prospects: ctx.prospects,
    },
    ctx.r,
    ctx.deps.clock.now(),
  );
  for (const e of plan) {
    const actor = users.get(e.responsibleUserId)!;
    const { infoSource, reminder, ...fields } = e;
    const created = await events.create(ctx.deps, actor, {
      ...fields,
      infoSourceId: infoSource ? (sourceIds.get(infoSource) ?? null) : null,
      ...(reminder && { reminder: { remindAt: reminder.remindAt, dueAt: reminder.dueAt } }),
    });
    // Successful calls and meetings with a counterparty: the conversations orders come out of.
    if (e.counterpartyId && e.state === 'completed' && e.outcome === 'success' && (e.kind === 'phoneCall' || e.kind === 'meeting'))
      ctx.successfulEvents.push({
        id: created.id,
        counterpartyId: e.counterpartyId,
        contactPersonId: e.contactPersonId,
        responsibleUserId: e.responsibleUserId,
        date: zonedToday(new Date(e.startAt), actor.timeZone),
      });
    if (reminder?.done) {
      const task = await tasks.list(ctx.deps, actor, { subjectType: 'event', subjectId: created.id, status: 'open' });
      for (const t of task.items) await tasks.complete(ctx.deps, actor, t.id);
    }
  }
}

const MANUAL_TASKS: { title: string; dueInDays: number; done?: boolean }[] = [
  { title: 'Подготовить коммерческое предложение', dueInDays: -3 },
  { title: 'Позвонить насчет дебиторской задолженности', dueInDays: -1 },
  { title: 'Выставить счет на предоплату', dueInDays: -10, done: true },
  { title: 'Отправить образцы продукции', dueInDays: -20, done: true },
  { title: 'Согласовать договор с юристом', dueInDays: 5 },
  { title: 'Обновить прайс-лист для ключевых клиентов', dueInDays: 2 },
  { title: 'Проверить отгрузку после претензии', dueInDays: -6 },
  { title: 'Запросить акт сверки за квартал', dueInDays: -15, done: true },
];

/** Manual tasks about counterparties: some done, some overdue, some ahead. */
export async function demoTasks(ctx: DemoContext) {
  const users = usersOf(ctx);
  for (const [i, t] of MANUAL_TASKS.entries()) {
    const c = ctx.counterparties[(i * 5) % ctx.counterparties.length];
    const actor = users.get(c.responsibleUserId)!;
    const due = DateTime.fromISO(ctx.today, { zone: actor.timeZone }).plus({ days: t.dueInDays }).set({ hour: 18 });
    const task = await tasks.create(ctx.deps, actor, {
      title: t.title,
      dueAt: due.toUTC().toISO()!,
      remindAt: due.set({ hour: 10 }).toUTC().toISO()!,
      subject: { type: 'counterparty', id: c.id },
    });
    if (t.done) await tasks.complete(ctx.deps, actor, task.id);
  }
}
