// A year of a sales department's work, planned before anything is written: calls, meetings, e-mails
// and letters with outcomes, importance, reminders; requests from new counterparties with their
// information sources and the cold calls that follow. Pure: the same seed and "today" give the same
// plan, which demo.ts then writes through the services.
import { DateTime } from 'luxon';
import type { Random } from './demo.logic.js';

type Kind = 'phoneCall' | 'meeting' | 'email' | 'letter' | 'other';
type Direction = 'incoming' | 'outgoing' | null;

export interface PlannedEvent {
  kind: Kind;
  direction: Direction;
  startAt: string;
  endAt: string | null;
  counterpartyId: string | null;
  contactPersonId: string | null;
  subject: string;
  description: string | null;
  importance: 'low' | 'normal' | 'high';
  state: 'planned' | 'completed' | 'cancelled';
  outcome: 'success' | 'failure' | null;
  infoSource: string | null;
  responsibleUserId: string;
  /** A reminder task for the responsible user; `done`: completed afterwards. */
  reminder: { remindAt: string; dueAt: string; done: boolean } | null;
}

/** Who and what the plan talks about (ids of records already written). */
export interface ActivityInput {
  today: string;
  timeZone: string;
  counterparties: { id: string; responsibleUserId: string; customer: boolean; supplier: boolean; personIds: string[] }[];
  /** Individuals (contact persons without a counterparty) and who keeps in touch with them. */
  individuals: { id: string; responsibleUserId: string }[];
  /** New counterparties that came during the year: how they found us, when, who took them. */
  prospects: { id: string; personId: string; responsibleUserId: string; source: string; converted: boolean }[];
}

const SUBJECTS: Record<string, string[]> = {
  'phoneCall/outgoing': [
    'Согласование заказа',
    'Уточнение остатков на складе',
    'Напоминание об оплате счета',
    'Предложение новой продукции',
    'Согласование графика поставок',
    'Сверка взаиморасчетов',
    'Подтверждение отгрузки',
  ],
  'phoneCall/incoming': [
    'Запрос прайс-листа',
    'Претензия по качеству партии',
    'Уточнение сроков доставки',
    'Вопрос по счету',
    'Заказ на следующую неделю',
  ],
  meeting: ['Переговоры о годовом договоре', 'Презентация новой продукции', 'Приемка партии на складе', 'Обсуждение скидок на объем'],
  'email/outgoing': ['Коммерческое предложение', 'Счет на оплату', 'Акт сверки', 'Прайс-лист на месяц'],
  'email/incoming': ['Заявка на поставку', 'Реквизиты для договора', 'Запрос сертификатов качества'],
  'letter/outgoing': ['Договор поставки (оригиналы)', 'Акт сверки за квартал', 'Гарантийное письмо'],
  'letter/incoming': ['Подписанный договор', 'Претензия (оригинал)'],
  other: ['Отгрузка образцов', 'Участие в дегустации'],
};
const RESULTS = {
  success: ['Договорились о заказе', 'Отправили КП, ждут счет', 'Подтвердили отгрузку на пятницу', 'Согласовали скидку 3 %'],
  failure: [
    'Не дозвонились',
    'Перенесли разговор на следующую неделю',
    'Отказ: работают с другим поставщиком',
    'Нет бюджета до конца квартала',
  ],
};

const MINUTES: Record<Kind, [number, number] | null> = {
  phoneCall: [3, 25],
  meeting: [30, 120],
  email: [5, 20],
  letter: null,
  other: [15, 60],
};

/** A working moment `daysFromToday` away (moved off weekends), 9:00-17:45 in the company's zone. */
function workTime(input: ActivityInput, r: Random, daysFromToday: number): DateTime {
  let d = DateTime.fromISO(input.today, { zone: input.timeZone }).plus({ days: daysFromToday });
  if (d.weekday === 6) d = d.minus({ days: 1 });
  if (d.weekday === 7) d = d.plus({ days: 1 });
  return d.set({ hour: r.int(9, 17), minute: r.pick([0, 15, 30, 45]) });
}

const iso = (d: DateTime) => d.toUTC().toISO()!;

function pickKind(r: Random): Kind {
  const x = r.next();
  return x < 0.5 ? 'phoneCall' : x < 0.65 ? 'meeting' : x < 0.85 ? 'email' : x < 0.95 ? 'letter' : 'other';
}

function pickDirection(kind: Kind, r: Random): Direction {
  if (kind === 'meeting' || kind === 'other') return null;
  return r.chance(kind === 'letter' ? 0.7 : 0.62) ? 'outgoing' : 'incoming';
}

const subjectOf = (kind: Kind, direction: Direction, r: Random) => r.pick(SUBJECTS[direction ? `${kind}/${direction}` : kind]);

interface Draft {
  kind: Kind;
  direction: Direction;
  at: DateTime;
  counterpartyId: string | null;
  contactPersonId: string | null;
  subject: string;
  responsibleUserId: string;
  infoSource?: string | null;
  /** Success odds of an outgoing call or meeting (cold calls succeed less often). */
  successRate?: number;
}

/** State, outcome, duration, importance and reminder of a draft, decided by its time. */
function finish(d: Draft, input: ActivityInput, r: Random, now: DateTime): PlannedEvent {
  const past = d.at < now;
  const state = !past ? 'planned' : r.chance(0.04) ? 'cancelled' : r.chance(0.04) ? 'planned' : 'completed';
  const rated = state === 'completed' && (d.kind === 'phoneCall' || d.kind === 'meeting');
  const outcome = rated ? (r.chance(d.successRate ?? 0.65) ? 'success' : 'failure') : null;
  const span = MINUTES[d.kind];
  const end = state === 'completed' && span ? d.at.plus({ minutes: r.int(span[0], span[1]) }) : null;
  const daysAgo = now.diff(d.at, 'days').days;
  let reminder: PlannedEvent['reminder'] = null;
  // Future work has reminders; so have some of the last weeks' events: done, or overdue when forgotten.
  if (!past ? r.chance(0.7) : state === 'planned' ? daysAgo < 30 : state === 'completed' && daysAgo < 45 && r.chance(0.25)) {
    const remindAt = d.at.hour >= 12 ? d.at.minus({ hours: 1 }) : d.at.minus({ days: 1 }).set({ hour: 16, minute: 0 });
    reminder = { remindAt: iso(remindAt), dueAt: iso(d.at), done: state === 'completed' };
  }
  return {
    kind: d.kind,
    direction: d.direction,
    startAt: iso(d.at),
    endAt: end ? iso(end) : null,
    counterpartyId: d.counterpartyId,
    contactPersonId: d.contactPersonId,
    subject: d.subject,
    description: outcome ? r.pick(RESULTS[outcome]) : null,
    importance: r.chance(0.1) ? 'high' : r.chance(0.08) ? 'low' : 'normal',
    state,
    outcome,
    infoSource: d.infoSource ?? null,
    responsibleUserId: d.responsibleUserId,
    reminder,
  };
}

/** The year's events, oldest first (so document numbers follow time, as in 1C). */
export function planActivity(input: ActivityInput, r: Random, now: Date): PlannedEvent[] {
  const drafts: Draft[] = [];
  // Regular customers and suppliers: about 330 events over the year, a month of plans ahead.
  const weighted = input.counterparties.flatMap((c) => Array<typeof c>(c.customer ? 3 : 1).fill(c));
  for (let i = 0; i < 360; i++) {
    const c = r.pick(weighted);
    const kind = pickKind(r);
    const direction = pickDirection(kind, r);
    drafts.push({
      kind,
      direction,
      at: workTime(input, r, i < 330 ? -r.int(1, 365) : r.int(0, 30)),
      counterpartyId: c.id,
      contactPersonId: c.personIds.length && r.chance(0.8) ? r.pick(c.personIds) : null,
      subject: subjectOf(kind, direction, r),
      responsibleUserId: c.responsibleUserId,
    });
  }
  for (const p of input.individuals) {
    drafts.push({
      kind: 'meeting',
      direction: null,
      at: workTime(input, r, -r.int(10, 300)),
      counterpartyId: null,
      contactPersonId: p.id,
      subject: 'Личная встреча',
      responsibleUserId: p.responsibleUserId,
    });
  }
  // New counterparties: a request (call or e-mail) from an information source, then cold calls
  // and, for those who became customers, a meeting.
  for (const p of input.prospects) {
    const first = -r.int(20, 330);
    const base = { counterpartyId: p.id, contactPersonId: p.personId, responsibleUserId: p.responsibleUserId };
    const kind: Kind = r.chance(0.7) ? 'phoneCall' : 'email';
    drafts.push({
      ...base,
      kind,
      direction: 'incoming',
      at: workTime(input, r, first),
      subject: 'Первичное обращение',
      infoSource: p.source,
    });
    const calls = r.int(2, 4);
    for (let k = 1; k <= calls; k++) {
      drafts.push({
        ...base,
        kind: 'phoneCall',
        direction: 'outgoing',
        at: workTime(input, r, Math.min(-1, first + k * r.int(3, 12))),
        subject: k === 1 ? 'Холодный звонок: знакомство' : 'Повторный звонок: условия поставки',
        successRate: p.converted ? 0.6 : 0.2,
      });
    }
    if (p.converted) {
      drafts.push({ ...base, kind: 'meeting', direction: null, at: workTime(input, r, first + 20), subject: 'Встреча: первый заказ' });
    }
  }
  const nowDt = DateTime.fromJSDate(now, { zone: input.timeZone });
  return drafts.sort((a, b) => a.at.toMillis() - b.at.toMillis()).map((d) => finish(d, input, r, nowDt));
}
