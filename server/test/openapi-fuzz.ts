// Requests generated from the app's own OpenAPI document: every operation, with path parameters,
// query strings and bodies that are mostly valid and partly hostile (far dates, NUL, broken Unicode,
// huge numbers, wrong types, unknown fields). The only rule checked: the server never answers 5xx,
// and every API error has the documented shape. Used by the suite (fixed seed, bounded count) and by
// `npm run fuzz` (as many runs as asked).
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './test-app.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- walks JSON schemas of any shape */
type Schema = Record<string, any>;

export interface Operation {
  method: string;
  /** OpenAPI path, e.g. /api/events/{id} */
  path: string;
  params: { in: 'path' | 'query'; name: string; schema: Schema }[];
  body: Schema | null;
}

/** Operations that would end the harness's own access or never finish an inject. */
const SKIPPED = new Set(['POST /api/auth/logout', 'GET /api/notifications/stream', 'POST /api/me/password']);

export function operationsOf(doc: any): Operation[] {
  const ops: Operation[] = [];
  for (const [path, byMethod] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(byMethod)) {
      if (SKIPPED.has(`${method.toUpperCase()} ${path}`)) continue;
      ops.push({
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? []).filter((p: any) => p.in === 'path' || p.in === 'query'),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return ops;
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u001b[31m',
  '\u0085',
  '\u202eabc',
  '💥🚚',
  'Ёлка ООО «Торговый дом Северо-Западная продовольственная компания»',
  "' OR '1'='1",
  '"; drop table users; --',
  '%',
  '_',
  '\\',
  '../../etc/passwd',
  '=HYPERLINK("http://x","y")',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  'java\tscript:alert(1)',
  '__proto__',
  'constructor',
  'null',
  'true',
  '-1',
  '1e309',
  'NaN',
  'x'.repeat(301),
  'я'.repeat(5000),
];
const DATES = [
  '2026-11-27',
  '1000-01-01',
  '2999-12-31',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '2026-02-30',
  '2026-13-01',
  '99999-01-01',
  '2026-1-1',
];
const INSTANTS = [
  '2026-11-27T10:00:00Z',
  '2026-11-27T10:00:00+03:00',
  '2026-11-27T10:00:00+14:00',
  '2999-12-31T23:59:59.999Z',
  '9999-12-31T23:59:59.999-23:59',
  '0000-01-01T00:00:00Z',
  '+010000-01-01T00:00:00Z',
  '2026-11-27T23:59:60Z',
  '2026-11-27T10:00:00+25:00',
  '2026-11-27',
  '1970-01-01T00:00:00.000000001Z',
];
const NUMBERS = [0, -1, 1, 5, 50, 500, 501, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, 0.5, -0.0001];
const NOT_A_UUID = [
  'x',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '0190e7a0-0000-7000-8000-00000000000g',
];

/** Anything JSON: what a schema does not expect. */
const anyJson = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(...NUMBERS),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constant([]),
  fc.constant({}),
  fc.constant({ __proto__x: 1, isAdmin: true }),
);

/** What the generator aims at: valid values only (to reach the code behind validation), or hostile ones. */
interface Ctx {
  ids: string[];
  hostile: boolean;
}

const VALID_DATES = DATES.slice(0, 3);
const VALID_INSTANTS = INSTANTS.slice(0, 4);

function stringArb(s: Schema, ctx: Ctx): fc.Arbitrary<string> {
  if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum.filter((v: unknown) => typeof v === 'string'));
  const hostile = fc.constantFrom(...HOSTILE_STRINGS);
  const max = typeof s.maxLength === 'number' ? s.maxLength : 50;
  const min = s.minLength ?? 0;
  if (!ctx.hostile) {
    if (s.format === 'uuid') return fc.constantFrom(...ctx.ids);
    if (s.format === 'date') return fc.constantFrom(...VALID_DATES);
    if (s.format === 'date-time') return fc.constantFrom(...VALID_INSTANTS);
    if (s.format === 'email') return fc.emailAddress();
    if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length >= min && x.length <= max);
    return fc.oneof(
      fc.string({ minLength: Math.max(min, 1), maxLength: Math.min(max, 30) }).filter((x) => x.trim().length >= min),
      fc
        .constantFrom('Ёлка', 'ООО «Торговый дом Северо-Западная продовольственная компания»', 'Иванов', '+7 495 123-45-67')
        .filter((x) => x.length <= max),
    );
  }
  switch (s.format) {
    case 'uuid':
      return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ctx.ids) }, fc.uuid(), fc.constantFrom(...NOT_A_UUID), hostile);
    case 'date':
      return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...DATES) }, hostile);
    case 'date-time':
      return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...INSTANTS) }, hostile);
    case 'email':
      return fc.oneof(fc.emailAddress(), hostile, fc.constant('A@Example.COM'));
  }
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, 40) }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    { weight: 3, arbitrary: hostile },
  );
}

/** A value for a schema: of the right shape, and in hostile mode sometimes not. */
function valueArb(s: Schema | undefined, ctx: Ctx, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 5) return ctx.hostile ? anyJson : fc.constant(null);
  const typed = typedArb(s, ctx, depth);
  return ctx.hostile ? fc.oneof({ weight: 9, arbitrary: typed }, { weight: 1, arbitrary: anyJson }) : typed;
}

function typedArb(s: Schema, ctx: Ctx, depth: number): fc.Arbitrary<unknown> {
  const branches: Schema[] | undefined = s.anyOf ?? s.oneOf;
  if (branches) return fc.oneof(...branches.map((b) => typedArb(b, ctx, depth + 1)));
  if (s.nullable && s.enum?.length === 1 && s.enum[0] === null) return fc.constant(null);
  const base = ((): fc.Arbitrary<unknown> => {
    switch (s.type) {
      case 'string':
        return stringArb(s, ctx);
      case 'integer':
      case 'number': {
        const inRange = fc.integer({ min: s.minimum ?? 0, max: Math.min(s.maximum ?? 1000, 1_000_000) });
        return ctx.hostile ? fc.oneof(inRange, fc.constantFrom(...NUMBERS), fc.double({ noNaN: true })) : inRange;
      }
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(valueArb(s.items, ctx, depth + 1), { maxLength: 4 });
      case 'object':
        return objectArb(s, ctx, depth);
      default:
        return ctx.hostile ? anyJson : fc.constant(null);
    }
  })();
  return s.nullable ? fc.oneof({ weight: 3, arbitrary: base }, fc.constant(null)) : base;
}

function objectArb(s: Schema, ctx: Ctx, depth: number): fc.Arbitrary<unknown> {
  const props: Record<string, Schema> = s.properties ?? {};
  const required: string[] = (s.required ?? []).filter((k: string) => k in props);
  const fields = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, valueArb(v, ctx, depth + 1)]));
  const complete = fc.record(fields, { requiredKeys: required });
  if (!ctx.hostile) return complete;
  const record = fc.oneof({ weight: 4, arbitrary: complete }, { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) });
  const extra = fc.option(fc.constantFrom('isAdmin', 'role', 'createdBy', 'id', 'archivedAt'), { freq: 5 });
  return fc.tuple(record, extra).map(([obj, key]) => (key ? { ...obj, [key]: true } : obj));
}

export interface FuzzRequest {
  method: string;
  url: string;
  who: 'admin' | 'manager' | 'anonymous';
  body?: unknown;
}

const toQueryValue = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Percent-encodes like encodeURIComponent, but sends a lone surrogate as the bytes a careless
 * client would (CESU-8) instead of throwing: the server must refuse them, not fail. */
const encode = (s: string) =>
  s
    .replace(/\p{Surrogate}/gu, '\u0000SURROGATE\u0000')
    .split('\u0000SURROGATE\u0000')
    .map(encodeURIComponent)
    .join('%ED%A0%80');

export interface Targets {
  /** Ids of records to aim at (a counterparty, person, event, task, source, users). */
  ids: string[];
  /** A user the fuzz may change freely: the only id put into /api/users/{id}, so the harness's
   * own admin and manager keep their passwords and sessions. */
  victimId: string;
  jobNames: string[];
}

export function requestArb(op: Operation, targets: Targets): fc.Arbitrary<FuzzRequest> {
  const ids = op.path.startsWith('/api/users/') ? [targets.victimId] : targets.ids;
  return fc.oneof(requestIn(op, { ids, hostile: false }, targets.jobNames), requestIn(op, { ids, hostile: true }, targets.jobNames));
}

function requestIn(op: Operation, ctx: Ctx, jobNames: string[]): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.params.filter((p) => p.in === 'path');
  // A made-up cursor is always refused; valid requests leave it out.
  const queryParams = op.params.filter((p) => p.in === 'query' && (ctx.hostile || p.name !== 'cursor'));
  const pathArbs = pathParams.map((p) =>
    p.name === 'name' ? fc.oneof(fc.constantFrom(...jobNames), fc.constantFrom(...HOSTILE_STRINGS)) : valueArb(p.schema, ctx),
  );
  const queryArb = fc.record(Object.fromEntries(queryParams.map((p) => [p.name, valueArb(p.schema, ctx)])), { requiredKeys: [] });
  // A few raw URL tails that a well-behaved client would never produce.
  const rawTail = ctx.hostile
    ? fc.constantFrom('', '', '&q=%ff', '&q=%00', '&x=%c3%28', '&limit=1e9', '&cursor=WyJ6enoiLCJ4IiwiIl0')
    : fc.constant('');
  return fc
    .tuple(
      fc.tuple(...pathArbs),
      queryArb,
      rawTail,
      op.body ? valueArb(op.body, ctx) : fc.constant(undefined),
      (ctx.hostile
        ? fc.constantFrom('admin', 'admin', 'manager', 'anonymous')
        : fc.constantFrom('admin', 'admin', 'admin', 'manager')) as fc.Arbitrary<FuzzRequest['who']>,
    )
    .map(([pathValues, query, tail, body, who]) => {
      let url = op.path;
      pathParams.forEach((p, i) => {
        url = url.replace(`{${p.name}}`, encode(toQueryValue(pathValues[i])));
      });
      const search = Object.entries(query).map(([k, v]) => `${encode(k)}=${encode(toQueryValue(v))}`);
      const qs = search.join('&') + tail;
      return { method: op.method, url: qs ? `${url}?${qs.replace(/^&/, '')}` : url, who, body };
    });
}

export interface FuzzResult {
  requests: number;
  byStatus: Record<string, number>;
  failures: { request: FuzzRequest; status: number; body: string }[];
}

/** Sends `runsPerOperation` generated requests to every operation; collects every 5xx or malformed error. */
export async function fuzzApp(
  t: TestApp,
  opts: { seed: number; runsPerOperation: number; managerCookie: string } & Omit<Targets, 'jobNames'> & { jobNames?: string[] },
): Promise<FuzzResult> {
  const doc = (await t.get(t.adminCookie, '/api/openapi.json')).json();
  const result: FuzzResult = { requests: 0, byStatus: {}, failures: [] };
  const targets: Targets = { ids: opts.ids, victimId: opts.victimId, jobNames: opts.jobNames ?? ['birthdays'] };
  for (const [i, op] of operationsOf(doc).entries()) {
    const samples = fc.sample(requestArb(op, targets), { seed: opts.seed + i, numRuns: opts.runsPerOperation });
    for (const r of samples) {
      // A sign-in ends the session the browser came with, whatever its outcome: send those without one.
      const signIn = r.url.startsWith('/api/auth/') || r.url.startsWith('/api/setup');
      const cookie = signIn ? null : r.who === 'admin' ? t.adminCookie : r.who === 'manager' ? opts.managerCookie : null;
      const res: LightMyRequestResponse = await t.request(cookie, {
        method: r.method as 'GET',
        url: r.url,
        ...(r.body !== undefined && { payload: JSON.stringify(r.body), headers: { 'content-type': 'application/json' } }),
      });
      result.requests++;
      const group = `${Math.floor(res.statusCode / 100)}xx`;
      result.byStatus[group] = (result.byStatus[group] ?? 0) + 1;
      if (res.statusCode >= 500 || (res.statusCode >= 400 && !hasErrorShape(res))) {
        result.failures.push({ request: r, status: res.statusCode, body: res.body.slice(0, 500) });
      }
      // A run that lost its own sign-in would only test the 401 path from here on.
      if (cookie && res.statusCode === 401) throw new Error(`the fuzz lost the ${r.who} session at ${r.method} ${r.url}`);
    }
  }
  return result;
}

function hasErrorShape(res: LightMyRequestResponse): boolean {
  try {
    const e = res.json().error;
    return typeof e?.code === 'string' && typeof e?.message === 'string' && Array.isArray(e?.details);
  } catch {
    return false;
  }
}

/** A few records to aim at, so generated ids sometimes hit real rows. */
export async function seedForFuzz(t: TestApp): Promise<{ ids: string[]; victimId: string; managerCookie: string }> {
  const manager = await t.userWithCookie('manager', 'Менеджер Фаззов');
  const victim = await t.userWithCookie('manager', 'Жертва Фаззова');
  const cp = (await t.post(t.adminCookie, '/api/counterparties', { name: 'ООО «Фазз»', inn: '7707083893' })).json();
  const person = (
    await t.post(t.adminCookie, '/api/contact-persons', { counterpartyId: cp.id, lastName: 'Фаззов', birthday: '1980-12-01' })
  ).json();
  const event = (
    await t.post(t.adminCookie, '/api/events', {
      kind: 'phoneCall',
      subject: 'Звонок',
      startAt: '2026-11-27T10:00:00Z',
      counterpartyId: cp.id,
      reminder: { remindAt: '2026-11-27T09:30:00Z' },
    })
  ).json();
  const task = (await t.post(t.adminCookie, '/api/tasks', { title: 'Задача', dueAt: '2026-11-28T10:00:00Z' })).json();
  const source = (await t.post(t.adminCookie, '/api/info-sources', { name: 'Выставка' })).json();
  const product = (await t.post(t.adminCookie, '/api/products', { sku: 'FZ-1', name: 'Товар', price: '100.10', costPrice: '60' })).json();
  const lines = [{ productId: product.id, quantity: 3, discountPercent: 5 }];
  const order = (
    await t.post(t.adminCookie, '/api/orders', { counterpartyId: cp.id, lines, basis: { type: 'event', id: event.id } })
  ).json();
  await t.post(t.adminCookie, `/api/orders/${order.id}/confirm`);
  const sale = (
    await t.post(t.adminCookie, '/api/sales', {
      date: '2026-11-27',
      counterpartyId: cp.id,
      lines: [{ productId: product.id, quantity: 1 }],
    })
  ).json();
  // An applied ABC classification (the reports and cancel have something to work on) and a filled draft.
  const abcDoc = (await t.post(t.adminCookie, '/api/abc-classifications', { periodFrom: '2026-01-01', periodTo: '2026-11-30' })).json();
  await t.post(t.adminCookie, `/api/abc-classifications/${abcDoc.id}/fill`);
  await t.post(t.adminCookie, `/api/abc-classifications/${abcDoc.id}/apply`);
  const abcDraft = (await t.post(t.adminCookie, '/api/abc-classifications', { periodFrom: '2026-11-01', periodTo: '2026-11-30' })).json();
  await t.post(t.adminCookie, `/api/abc-classifications/${abcDraft.id}/fill`);
  const seeded = [
    ...[cp.id, person.id, event.id, task.id, source.id, manager.id, victim.id, t.adminId, product.id, order.id, sale.id],
    ...[abcDoc.id, abcDraft.id],
  ];
  const ids = seeded.filter((x): x is string => typeof x === 'string');
  if (ids.length !== seeded.length) throw new Error('fuzz seed data could not be created');
  return { ids, victimId: victim.id, managerCookie: manager.cookie };
}
