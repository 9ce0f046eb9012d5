// Rows of the large data set's activity: products, events (with reminder tasks) and sales with
// their lines, shaped as the services write them (searchKey for subject and names, the sales
// service's own line and total arithmetic through saleLineOf / saleTotals).
import { v7 } from 'uuid';
import type { Insertable } from 'kysely';
import type { EventsTable, ProductsTable, SaleLinesTable, SalesTable, TasksTable } from '../server/db/schema.js';
import { searchKey } from '../server/lib/names.js';
import { saleLineOf, saleTotals } from '../server/features/sales/sales.logic.js';
import { skuKeyOf } from '../server/features/products/products.logic.js';
import { alertAtOf } from '../server/features/tasks/tasks.logic.js';
import type { VatRate } from '../shared/money.js';
import type { ErrorDetail } from '../server/errors.js';
import type { Random } from '../server/demo/demo.logic.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Everything the activity needs to know about the counterparties already written. */
export interface Population {
  ids: string[];
  /** Index into `users` of the responsible user. */
  owner: Uint16Array;
  isCustomer: Uint8Array;
  /** A contact person of the counterparty, if it has one. */
  firstPerson: (string | null)[];
  users: string[];
  /** Picks a user index with the skewed (Zipf-like) ownership distribution. */
  pickUser: (r: Random) => number;
}

/** Zipf weights 1/rank over `n` users: the first few own most of the customers. */
export function zipfPicker(n: number, s = 1): (r: Random) => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) cumulative[k] = sum += 1 / (k + 1) ** s;
  return (r) => {
    const x = r.next() * sum;
    let lo = 0,
      hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const GOODS = [
  'Бумага офисная А4',
  'Картридж',
  'Саморез',
  'Шуруп',
  'Дюбель',
  'Кабель ВВГ',
  'Розетка',
  'Выключатель',
  'Лампа светодиодная',
  'Краска фасадная',
  'Грунтовка',
  'Шпатлёвка',
  'Плитка керамическая',
  'Ламинат',
  'Гипсокартон',
  'Профиль',
  'Утеплитель',
  'Мешки полипропиленовые',
  'Плёнка стрейч',
  'Скотч упаковочный',
  'Перчатки рабочие',
  'Масло моторное',
  'Фильтр масляный',
  'Аккумулятор',
  'Шина',
  'Чай чёрный',
  'Кофе зерновой',
  'Сахар',
  'Мука',
  'Крупа гречневая',
];
const VARIANTS = ['', ' стандарт', ' премиум', ' эконом', ' 10 шт.', ' 25 кг', ' 1 л', ' 5 л', ' белый', ' серый', ' чёрный', ' усиленный'];
const UNITS = ['шт', 'уп', 'кг', 'м', 'л'];

export interface CatalogueProduct {
  id: string;
  price: number;
  costPrice: number;
  vatRate: VatRate;
}

export function products(
  r: Random,
  count: number,
  adminId: string,
  at: string,
): { rows: Insertable<ProductsTable>[]; catalogue: CatalogueProduct[] } {
  const rows: Insertable<ProductsTable>[] = [];
  const catalogue: CatalogueProduct[] = [];
  for (let i = 0; i < count; i++) {
    const sku = `АРТ-${String(i + 1).padStart(5, '0')}`;
    const name = `${GOODS[i % GOODS.length]}${VARIANTS[Math.floor(i / GOODS.length) % VARIANTS.length]} (${sku})`;
    const price = r.int(10, 50_000) * 100;
    const costPrice = Math.floor(price * (0.55 + r.next() * 0.3));
    const vatRate: VatRate = r.chance(0.85) ? '22' : r.chance(0.7) ? '10' : 'none';
    const id = v7();
    rows.push({
      id,
      sku,
      skuKey: skuKeyOf(sku),
      name,
      nameSearch: searchKey(name),
      unit: r.pick(UNITS),
      price,
      costPrice,
      vatRate,
      createdAt: at,
      createdBy: adminId,
      updatedAt: at,
      updatedBy: adminId,
      archivedAt: null,
    });
    catalogue.push({ id, price, costPrice, vatRate });
  }
  return { rows, catalogue };
}

const SUBJECTS: Record<EventsTable['kind'], string[]> = {
  phoneCall: ['Звонок по заказу', 'Уточнение цены', 'Согласование отгрузки', 'Напоминание об оплате', 'Входящий запрос', 'Холодный звонок'],
  meeting: ['Встреча в офисе клиента', 'Переговоры по договору', 'Презентация ассортимента', 'Встреча на выставке'],
  email: ['Отправлен прайс-лист', 'Коммерческое предложение', 'Запрос документов', 'Сверка взаиморасчётов'],
  letter: ['Письмо с договором', 'Акт сверки почтой', 'Претензия'],
  other: ['Подготовка КП', 'Проверка контрагента', 'Поздравление'],
};

/** A counterparty index: r^2 puts the busy ones first (the first thousandth gets about 3 % of the rows). */
export const busyCounterparty = (r: Random, total: number) => Math.min(total - 1, Math.floor(total * r.next() ** 2));

export interface EventSpan {
  /** Events start from `fromMs` over `spanMs` (two years, the last quarter in the future). */
  fromMs: number;
  spanMs: number;
  nowMs: number;
}

export function event(
  r: Random,
  pop: Population,
  span: EventSpan,
  number: number,
  out: { events: Insertable<EventsTable>[]; tasks: Insertable<TasksTable>[] },
) {
  const roll = r.next();
  const kind: EventsTable['kind'] =
    roll < 0.5 ? 'phoneCall' : roll < 0.7 ? 'email' : roll < 0.85 ? 'meeting' : roll < 0.9 ? 'letter' : 'other';
  const withCounterparty = r.chance(0.92);
  const cp = withCounterparty ? busyCounterparty(r, pop.ids.length) : -1;
  const startMs = Math.floor((span.fromMs + r.next() * span.spanMs) / (5 * MINUTE)) * 5 * MINUTE;
  const past = startMs < span.nowMs;
  const state: EventsTable['state'] = past ? (r.chance(0.85) ? 'completed' : r.chance(0.6) ? 'planned' : 'cancelled') : 'planned';
  const responsible = cp >= 0 && r.chance(0.85) ? pop.users[pop.owner[cp]] : pop.users[pop.pickUser(r)];
  const subject = r.pick(SUBJECTS[kind]);
  const createdMs = Math.min(span.nowMs, startMs - r.int(0, 14) * DAY);
  const createdAt = new Date(createdMs).toISOString();
  const startAt = new Date(startMs).toISOString();
  const id = v7({ msecs: createdMs });
  out.events.push({
    id,
    number,
    kind,
    direction: kind === 'phoneCall' || kind === 'email' || kind === 'letter' ? (r.chance(0.5) ? 'incoming' : 'outgoing') : null,
    startAt,
    endAt: kind === 'meeting' || kind === 'phoneCall' ? new Date(startMs + r.int(1, 18) * 5 * MINUTE).toISOString() : null,
    counterpartyId: cp >= 0 ? pop.ids[cp] : null,
    contactPersonId: cp >= 0 && r.chance(0.3) ? pop.firstPerson[cp] : null,
    subject,
    subjectSearch: searchKey(subject),
    description: r.chance(0.3) ? 'Клиент просит перезвонить после согласования с руководством' : null,
    content: null,
    importance: r.chance(0.1) ? 'high' : r.chance(0.1) ? 'low' : 'normal',
    state,
    outcome: state === 'completed' ? (r.chance(0.7) ? 'success' : 'failure') : null,
    basisType: null,
    basisId: null,
    infoSourceId: null,
    responsibleUserId: responsible,
    createdAt,
    createdBy: responsible,
    updatedAt: createdAt,
    updatedBy: responsible,
    archivedAt: null,
  });
  // One event in ten has a reminder task for its responsible user, as events.service makes it.
  if (r.chance(0.1)) {
    const remindAt = new Date(startMs - 15 * MINUTE).toISOString();
    const done = past && r.chance(0.9);
    out.tasks.push({
      id: v7({ msecs: createdMs }),
      title: subject,
      description: null,
      dueAt: startAt,
      remindAt,
      status: done ? 'done' : 'open',
      assigneeId: responsible,
      subjectType: 'event',
      subjectId: id,
      source: 'eventReminder',
      sourceKey: null,
      completedAt: done ? startAt : null,
      completedBy: done ? responsible : null,
      snoozedUntil: null,
      alertAt: alertAtOf(remindAt, null),
      alertedAt: done || past ? remindAt : null,
      createdAt,
      createdBy: responsible,
      updatedAt: done ? startAt : createdAt,
      updatedBy: responsible,
    });
  }
}

/** A sale of 1-9 lines (5 on average) to a customer; returns the number of lines. */
export function sale(
  r: Random,
  pop: Population,
  catalogue: CatalogueProduct[],
  days: { firstDayMs: number; count: number },
  number: number,
  out: { sales: Insertable<SalesTable>[]; lines: Insertable<SaleLinesTable>[] },
): number {
  let cp = busyCounterparty(r, pop.ids.length);
  while (!pop.isCustomer[cp]) cp = (cp + 1) % pop.ids.length;
  const dayMs = days.firstDayMs + r.int(0, days.count - 1) * DAY;
  const date = new Date(dayMs).toISOString().slice(0, 10);
  const at = new Date(dayMs + r.int(9 * 60, 18 * 60) * MINUTE).toISOString();
  const n = r.int(1, 9);
  const errors: ErrorDetail[] = [];
  const lines = [];
  for (let i = 0; i < n; i++) {
    const p = catalogue[Math.floor(catalogue.length * r.next() ** 2)];
    lines.push(saleLineOf({ productId: p.id, quantity: String(r.int(1, 40)) }, p, i, errors));
  }
  const totals = saleTotals(lines, errors);
  if (errors.length) throw new Error(`generated sale ${number} is invalid: ${JSON.stringify(errors)}`);
  const id = v7({ msecs: dayMs });
  const responsible = pop.users[pop.owner[cp]];
  out.sales.push({
    id,
    number,
    date,
    counterpartyId: pop.ids[cp],
    orderId: null,
    responsibleUserId: responsible,
    comment: null,
    ...totals,
    createdAt: at,
    createdBy: responsible,
    updatedAt: at,
    updatedBy: responsible,
    archivedAt: null,
  });
  lines.forEach((l, i) => out.lines.push({ id: v7({ msecs: dayMs }), saleId: id, position: i + 1, ...l }));
  return n;
}
