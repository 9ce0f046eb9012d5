// Crash test: the real server on a SQLite file, concurrent writers on its HTTP API, `kill -9` at a
// random moment, restart on the same file, then prove that every acknowledged (2xx) write is there
// with its values, that nothing is half-written and that the file is intact. Run it with
// `npm run crash-test -- --cycles 40 --writers 4 --seconds 600`; server/crash.test.ts runs a short one.
// Traffic goes only to 127.0.0.1; cycles and seconds are bounded; children are killed on every exit.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ADMIN = { name: 'Crash Test', email: 'crash@example.com', password: 'crash-test-password' };

export interface CrashTestOptions {
  cycles: number;
  writers: number;
  /** Wall-clock budget: no new cycle starts when the last one would not fit. */
  seconds: number;
  /** The kill comes this many milliseconds after the writers start: [min, max]. */
  killWindowMs?: [number, number];
  /** Keep the temporary directory (it is always kept when something is wrong). */
  keep?: boolean;
  log?: (line: string) => void;
}

export interface CrashTestResult {
  cycles: number;
  writers: number;
  acknowledged: number;
  /** Acknowledged records missing or holding other values than acknowledged. */
  lost: number;
  /** Every finding (lost, half-written, phantom, integrity, duplicates); empty when all is well. */
  problems: string[];
  integrity: 'ok' | 'FAILED';
  inFlightAtKill: number;
  /** In-flight (unacknowledged) writes found complete after the restart; the rest were absent. */
  landedUnacknowledged: number;
  refused: number;
  seconds: number;
  dir: string;
  dbFile: string;
  /** Every record the run knows, with the state last acknowledged (or found whole) for it. */
  entities: Entity[];
}

type Kind = 'counterparty' | 'person' | 'event';
/** The comparable state of a record, the same shape whether read from the file or through the API. */
type State = Record<string, unknown>;
export interface Entity {
  kind: Kind;
  id: string;
  key: string;
  writer: number;
  state: State;
}
/** A write whose answer never came (the server died): it may be there or not, but never in part. */
export interface Pending {
  kind: Kind;
  key: string;
  /** Create: the full state it would leave (number unknown). Otherwise the entity and its state after the write. */
  create?: State;
  target?: Entity;
  after?: State;
}

interface Server {
  child: ChildProcess;
  base: string;
  output: string[];
}

type Outcome = { kind: 'ack'; body: Record<string, unknown> } | { kind: 'refused'; status: number; text: string } | { kind: 'unknown' };

const children = new Set<ChildProcess>();
export function killChildren() {
  for (const c of children) c.kill('SIGKILL');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
/** Key order does not matter, array order does (contact information keeps its positions). */
const canon = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canon)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, x]) => [k, canon(x)]),
        )
      : v;
const same = (a: State, b: State) => JSON.stringify(canon(a)) === JSON.stringify(canon(b));

async function freePort(): Promise<number> {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 40000);
    const free = await new Promise<boolean>((ok) => {
      const s = createServer();
      s.once('error', () => ok(false));
      s.listen(port, '127.0.0.1', () => s.close(() => ok(true)));
    });
    if (free) return port;
  }
}

async function startServer(dbFile: string): Promise<Server> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `sqlite:${dbFile}`, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    const server: Server = { child, base: `http://127.0.0.1:${port}`, output: [] };
    const keep = (chunk: Buffer) => {
      server.output.push(...chunk.toString().split('\n').filter(Boolean));
      if (server.output.length > 40) server.output.splice(0, server.output.length - 40);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('exit', () => children.delete(child));
    const until = Date.now() + 60_000;
    while (child.exitCode === null && child.signalCode === null && Date.now() < until) {
      const ok = await fetch(`${server.base}/api/health`, { signal: AbortSignal.timeout(1000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return server;
      await sleep(50);
    }
    await stopServer(server, 'SIGKILL');
    const tail = server.output.slice(-15).join('\n');
    if (/EADDRINUSE/.test(tail) && attempt < 5) continue;
    throw new Error(`the server did not start on ${dbFile}:\n${tail}`);
  }
}

async function stopServer(s: Server, signal: NodeJS.Signals) {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill(signal);
  await Promise.race([exited, sleep(10_000).then(() => s.child.kill('SIGKILL'))]);
  await exited;
}

class Api {
  cookie = '';
  constructor(public server: Server) {}

  async call(method: string, path: string, body?: unknown): Promise<Outcome> {
    const headers: Record<string, string> = { origin: this.server.base, cookie: this.cookie };
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      const res = await fetch(this.server.base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      const text = await res.text();
      const session = res.headers.getSetCookie().find((c) => c.startsWith('crm_session='));
      if (session) this.cookie = session.split(';')[0];
      if (!res.ok) return { kind: 'refused', status: res.status, text: text.slice(0, 300) };
      return { kind: 'ack', body: JSON.parse(text) as Record<string, unknown> };
    } catch {
      return { kind: 'unknown' };
    }
  }

  async get(path: string): Promise<Record<string, unknown>> {
    const r = await this.call('GET', path);
    if (r.kind !== 'ack') throw new Error(`GET ${path}: ${r.kind === 'refused' ? `${r.status} ${r.text}` : 'no answer'}`);
    return r.body;
  }
}

// ---- what the writers send, and the state each request must leave ----

type Info = { kind: string; value: string; comment: string | null };
const infoState = (xs: Info[]) => xs.map((c) => [c.kind, c.value, c.comment]);

function contactInfo(tag: string): Info[] {
  const all: Info[] = [
    { kind: 'phone', value: `+7 916 ${digits(3)}-${digits(2)}-${digits(2)}`, comment: pick([null, 'офис', 'мобильный']) },
    { kind: 'email', value: `${tag}@crash.example`, comment: null },
    { kind: 'actualAddress', value: `г. Москва, ул. Тестовая, д. ${digits(2)}`, comment: pick([null, 'склад']) },
  ];
  return all.slice(0, 1 + Math.floor(Math.random() * 3));
}

interface Op {
  method: string;
  path: string;
  body?: unknown;
  pending: Pending;
  /** The entity an acknowledged create adds, from the answer. */
  created?: (body: Record<string, unknown>) => Entity;
}

function nextOp(w: number, seq: number, own: Entity[]): Op {
  const cps = own.filter((e) => e.kind === 'counterparty' && !e.state.archived);
  const r = Math.random();
  const tag = `w${w}n${seq}`;
  if (cps.length === 0 || r < 0.25) {
    const key = `Краш ${tag}`;
    const info = contactInfo(tag);
    const body = { name: key, kind: 'legalEntity', comment: pick([null, `заметка ${tag}`]), contactInfo: info };
    const state = { name: key, comment: body.comment, archived: false, contactInfo: infoState(info) };
    return create('counterparty', '/api/counterparties', key, body, state, w);
  }
  if (r < 0.45) {
    const key = `Краш-${tag}`;
    const info = contactInfo(tag);
    const body = {
      counterpartyId: Math.random() < 0.8 ? pick(cps).id : null,
      lastName: key,
      firstName: pick(['Иван', 'Мария', null]),
      birthday: Math.random() < 0.5 ? `19${60 + Math.floor(Math.random() * 40)}-0${1 + Math.floor(Math.random() * 9)}-1${digits(1)}` : null,
      contactInfo: info,
    };
    const state = { ...body, archived: false, contactInfo: infoState(info) };
    return create('person', '/api/contact-persons', key, body, state, w);
  }
  if (r < 0.7) {
    const key = `Звонок ${tag}`;
    const startAt = new Date(Date.now() - 3_600_000).toISOString();
    const remindAt = new Date(Date.now() + 86_400_000 + Math.floor(Math.random() * 86_400_000)).toISOString();
    const text = pick([null, `Перезвонить ${tag}`]);
    const counterpartyId = Math.random() < 0.8 ? pick(cps).id : null;
    const body = { kind: 'phoneCall', direction: 'outgoing', startAt, subject: key, counterpartyId, reminder: { remindAt, text } };
    const state = { subject: key, startAt, counterpartyId, archived: false, reminders: [[text ?? key, remindAt]] };
    return create('event', '/api/events', key, body, state, w);
  }
  if (r < 0.8) {
    const target = pick(cps);
    const info = contactInfo(`${tag}p`);
    const body = { comment: `изменено ${tag}`, contactInfo: info };
    const after = { ...target.state, comment: body.comment, contactInfo: infoState(info) };
    return {
      method: 'PATCH',
      path: `/api/counterparties/${target.id}`,
      body,
      pending: { kind: target.kind, key: target.key, target, after },
    };
  }
  const target = pick(own);
  const verb = target.state.archived ? 'restore' : 'archive';
  const base = { counterparty: '/api/counterparties', person: '/api/contact-persons', event: '/api/events' }[target.kind];
  const after = { ...target.state, archived: !target.state.archived };
  return { method: 'POST', path: `${base}/${target.id}/${verb}`, pending: { kind: target.kind, key: target.key, target, after } };
}

function create(kind: Kind, path: string, key: string, body: unknown, state: State, writer: number): Op {
  return {
    method: 'POST',
    path,
    body,
    pending: { kind, key, create: state },
    created: (b) => ({ kind, id: String(b.id), key, writer, state: kind === 'event' ? { number: b.number, ...state } : state }),
  };
}

// ---- reading back: the file (read-only) and the API ----

interface FileState {
  byId: Map<string, { kind: Kind; key: string; state: State }>;
  byKey: Map<string, string>;
  /** integrity_check and foreign_key_check findings. */
  integrity: string[];
  problems: string[];
}

function readFile(dbFile: string): FileState {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const problems: string[] = [];
    const integrity: string[] = [];
    const check = db.pragma('integrity_check') as { integrity_check: string }[];
    if (check.length !== 1 || check[0].integrity_check !== 'ok')
      integrity.push(`integrity_check: ${check.map((r) => r.integrity_check).join('; ')}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length) integrity.push(`foreign_key_check: ${fk.length} rows, ${JSON.stringify(fk.slice(0, 5))}`);
    const all = <T>(q: string) => db.prepare(q).all() as T[];
    for (const d of all<{ number: number; n: number }>('select number, count(*) n from events group by number having count(*) > 1'))
      problems.push(`event number ${d.number} used ${d.n} times`);
    const seq = all<{ behind: number }>(
      `select coalesce((select max(number) from events), 0) > coalesce((select last_number from number_sequences where doc_type = 'event'), 0) behind`,
    );
    if (seq[0].behind) problems.push('number_sequences is behind the highest event number');
    for (const r of all<{ entity_type: string; id: string }>(
      `select 'counterparty' entity_type, id from counterparties union all select 'contactPerson', id from contact_persons
       union all select 'event', id from events except select entity_type, entity_id from audit_log where action = 'create'`,
    ))
      problems.push(`${r.entity_type} ${r.id} has no audit record of its creation`);
    // Archiving writes its audit record in the same transaction: the last one must agree with archived_at.
    for (const r of all<{ type: string; id: string; archived: number; last: string | null }>(
      `select x.type, x.id, x.archived, (select action from audit_log a where a.entity_type = x.type and a.entity_id = x.id
         and a.action in ('archive', 'restore') order by a.id desc limit 1) last
       from (select 'counterparty' type, id, archived_at is not null archived from counterparties
         union all select 'contactPerson', id, archived_at is not null from contact_persons
         union all select 'event', id, archived_at is not null from events) x`,
    ))
      if (r.archived ? r.last !== 'archive' : r.last === 'archive')
        problems.push(`${r.type} ${r.id}: archived_at disagrees with its audit log`);

    const info = new Map<string, unknown[]>();
    for (const c of all<{ owner: string } & Info>(
      'select coalesce(counterparty_id, contact_person_id) owner, kind, value, comment from contact_info order by owner, position',
    ))
      info.set(c.owner, [...(info.get(c.owner) ?? []), [c.kind, c.value, c.comment]]);
    const reminders = new Map<string, unknown[]>();
    for (const t of all<{ subject_id: string; title: string; remind_at: string }>(
      `select subject_id, title, remind_at from tasks where subject_type = 'event' and source = 'eventReminder' order by id`,
    ))
      reminders.set(t.subject_id, [...(reminders.get(t.subject_id) ?? []), [t.title, t.remind_at]]);

    const fs: FileState = { byId: new Map(), byKey: new Map(), integrity, problems };
    const put = (kind: Kind, id: string, key: string, state: State) => {
      fs.byId.set(id, { kind, key, state });
      fs.byKey.set(`${kind}:${key}`, id);
    };
    type Row = Record<string, string | number | null>;
    for (const r of all<Row>('select id, name, comment, archived_at from counterparties'))
      put('counterparty', String(r.id), String(r.name), {
        name: r.name,
        comment: r.comment,
        archived: r.archived_at !== null,
        contactInfo: info.get(String(r.id)) ?? [],
      });
    for (const r of all<Row>('select id, counterparty_id, last_name, first_name, birthday, archived_at from contact_persons'))
      put('person', String(r.id), String(r.last_name), {
        counterpartyId: r.counterparty_id,
        lastName: r.last_name,
        firstName: r.first_name,
        birthday: r.birthday,
        archived: r.archived_at !== null,
        contactInfo: info.get(String(r.id)) ?? [],
      });
    for (const r of all<Row>('select id, number, subject, start_at, counterparty_id, archived_at from events'))
      put('event', String(r.id), String(r.subject), {
        number: r.number,
        subject: r.subject,
        startAt: r.start_at,
        counterpartyId: r.counterparty_id,
        archived: r.archived_at !== null,
        reminders: reminders.get(String(r.id)) ?? [],
      });
    return fs;
  } finally {
    db.close();
  }
}

async function readApi(api: Api, e: Entity): Promise<State> {
  const info = (b: Record<string, unknown>) => infoState(b.contactInfo as Info[]);
  if (e.kind === 'counterparty') {
    const b = await api.get(`/api/counterparties/${e.id}`);
    return { name: b.name, comment: b.comment, archived: b.archivedAt !== null, contactInfo: info(b) };
  }
  if (e.kind === 'person') {
    const b = await api.get(`/api/contact-persons/${e.id}`);
    const { counterpartyId, lastName, firstName, birthday } = b;
    return { counterpartyId, lastName, firstName, birthday, archived: b.archivedAt !== null, contactInfo: info(b) };
  }
  const b = await api.get(`/api/events/${e.id}`);
  const tasks = await api.get(`/api/tasks?subjectType=event&subjectId=${e.id}&status=all&assigneeId=all`);
  const reminders = (tasks.items as { title: string; remindAt: string }[]).map((t) => [t.title, t.remindAt]);
  return {
    number: b.number,
    subject: b.subject,
    startAt: b.startAt,
    counterpartyId: b.counterpartyId,
    archived: b.archivedAt !== null,
    reminders,
  };
}

// ---- the run ----

export async function runCrashTest(opts: CrashTestOptions): Promise<CrashTestResult> {
  const log = opts.log ?? (() => {});
  const [killMin, killMax] = opts.killWindowMs ?? [300, 2000];
  const started = Date.now();
  const deadline = started + opts.seconds * 1000;
  const dir = mkdtempSync(join(tmpdir(), 'crm-crash-'));
  const dbFile = join(dir, 'crm.sqlite');
  const entities: Entity[] = [];
  const seqs = Array.from({ length: opts.writers }, () => 0);
  const result: CrashTestResult = {
    cycles: 0,
    writers: opts.writers,
    acknowledged: 0,
    lost: 0,
    problems: [],
    integrity: 'ok',
    inFlightAtKill: 0,
    landedUnacknowledged: 0,
    refused: 0,
    seconds: 0,
    dir,
    dbFile,
    entities,
  };
  const onExit = () => killChildren();
  process.on('exit', onExit);
  let server = await startServer(dbFile);
  try {
    const api = new Api(server);
    const setup = await api.call('POST', '/api/setup', ADMIN);
    if (setup.kind !== 'ack') throw new Error(`setup failed: ${JSON.stringify(setup)}`);
    let lastCycleMs = 0;
    for (let cycle = 1; cycle <= opts.cycles; cycle++) {
      if (cycle > 1 && Date.now() + lastCycleMs > deadline) break;
      const cycleStart = Date.now();
      let stop = false;
      const pendings: (Pending | null)[] = Array.from({ length: opts.writers }, () => null);
      const writer = async (w: number) => {
        const own = entities.filter((e) => e.writer === w);
        while (!stop) {
          const op = nextOp(w, ++seqs[w], own);
          pendings[w] = op.pending;
          const out = await api.call(op.method, op.path, op.body);
          if (out.kind === 'unknown') return; // the server is gone: this write stays pending
          pendings[w] = null;
          if (out.kind === 'refused') {
            result.refused++;
            if (result.refused > 5) continue;
            log(`refused: ${op.method} ${op.path} -> ${out.status} ${out.text}`);
            // A server error is logged by the server with its request id: show why.
            const reqId = /\(request (\S+)\)/.exec(out.text)?.[1];
            if (reqId) await sleep(200);
            for (const line of reqId ? server.output.filter((l) => l.includes(`"${reqId}"`)) : []) log(`  server: ${line.slice(0, 1500)}`);
            continue;
          }
          result.acknowledged++;
          if (op.created) {
            const e = op.created(out.body);
            entities.push(e);
            own.push(e);
          } else if (op.pending.target && op.pending.after) op.pending.target.state = op.pending.after;
        }
      };
      const running = Array.from({ length: opts.writers }, (_, w) => writer(w));
      await sleep(killMin + Math.random() * (killMax - killMin));
      server.child.kill('SIGKILL');
      result.inFlightAtKill += pendings.filter(Boolean).length;
      await stopServer(server, 'SIGKILL');
      stop = true;
      await Promise.all(running);

      server = await startServer(dbFile);
      api.server = server;
      await verify(
        api,
        dbFile,
        entities,
        pendings.filter((p): p is Pending => p !== null),
        result,
      );
      result.cycles = cycle;
      lastCycleMs = Date.now() - cycleStart;
      log(
        `cycle ${cycle}: ${result.acknowledged} acknowledged so far, ${entities.length} records, ${result.lost} lost, ${result.problems.length} problems`,
      );
    }
    await stopServer(server, 'SIGTERM');
    const final = checkFile(dbFile, entities);
    if (final.integrity.length) result.integrity = 'FAILED';
    result.lost += final.lost;
    result.problems.push(...[...final.integrity, ...final.problems].map((p) => `after a clean stop: ${p}`));
  } finally {
    await stopServer(server, 'SIGKILL');
    process.off('exit', onExit);
  }
  result.seconds = Math.round((Date.now() - started) / 1000);
  if (!opts.keep && result.problems.length === 0) rmSync(dir, { recursive: true, force: true });
  return result;
}

export interface FileCheck {
  /** Acknowledged records missing or holding other values. */
  lost: number;
  /** Pending writes found whole in the file. */
  landed: number;
  integrity: string[];
  problems: string[];
}

/** Compares the file with what was acknowledged and settles the pending writes: a pending write found
 * whole becomes the record's known state. Exported so a test can show that a loss is caught. */
export function checkFile(dbFile: string, entities: Entity[], pendings: Pending[] = []): FileCheck {
  const file = readFile(dbFile);
  const c: FileCheck = { lost: 0, landed: 0, integrity: file.integrity, problems: file.problems };
  const known = new Set<string>();
  for (const e of entities) {
    known.add(e.id);
    const actual = file.byId.get(e.id)?.state;
    const p = pendings.find((x) => x.target === e);
    if (!actual) {
      c.lost++;
      c.problems.push(`LOST: ${e.kind} ${e.id} "${e.key}" was acknowledged but is missing`);
    } else if (same(actual, e.state)) {
      // as acknowledged
    } else if (p?.after && same(actual, p.after)) {
      e.state = p.after; // the in-flight write landed whole
      c.landed++;
    } else {
      c.lost++;
      c.problems.push(`LOST: ${e.kind} ${e.id} acknowledged ${JSON.stringify(e.state)} but holds ${JSON.stringify(actual)}`);
    }
  }
  for (const p of pendings) {
    if (!p.create) continue;
    const id = file.byKey.get(`${p.kind}:${p.key}`);
    if (!id) continue; // never committed: allowed
    const actual = file.byId.get(id)!.state;
    const { number: _number, ...rest } = actual;
    if (!same(rest, p.create)) {
      c.problems.push(
        `HALF-WRITTEN: unacknowledged ${p.kind} "${p.key}" holds ${JSON.stringify(actual)}, sent ${JSON.stringify(p.create)}`,
      );
    }
    // From now on it is committed state like any other (its writer may change it in the next cycles).
    const writer = Number(/w(\d+)n/.exec(p.key)?.[1]);
    entities.push({ kind: p.kind, id, key: p.key, writer, state: actual });
    known.add(id);
    c.landed++;
  }
  for (const [id, r] of file.byId) {
    if (!known.has(id)) c.problems.push(`PHANTOM: ${r.kind} ${id} "${r.key}" is stored but was neither acknowledged nor in flight`);
  }
  return c;
}

/** After a restart: the file, then the restarted server's answers. */
async function verify(api: Api, dbFile: string, entities: Entity[], pendings: Pending[], result: CrashTestResult) {
  const c = checkFile(dbFile, entities, pendings);
  if (c.integrity.length) result.integrity = 'FAILED';
  result.lost += c.lost;
  result.landedUnacknowledged += c.landed;
  result.problems.push(...c.integrity, ...c.problems);
  // The newest records (the ones a crash threatens most) and a few others.
  const sample = new Set([...entities.slice(-30), ...Array.from({ length: Math.min(10, entities.length) }, () => pick(entities))]);
  for (const e of sample) {
    const seen = await readApi(api, e).catch((err: Error) => ({ error: err.message }));
    if (!same(seen, e.state))
      result.problems.push(`API: ${e.kind} ${e.id} answers ${JSON.stringify(seen)}, expected ${JSON.stringify(e.state)}`);
  }
}

export function summaryLine(r: CrashTestResult): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const integrity = r.integrity === 'ok' ? 'integrity ok' : 'integrity FAILED';
  return `crash test: ${n(r.cycles)} cycles, ${r.writers} writers, ${n(r.acknowledged)} acknowledged writes, ${n(r.lost)} lost, ${integrity}`;
}

async function main() {
  const { values } = parseArgs({
    options: {
      cycles: { type: 'string', default: '20' },
      writers: { type: 'string', default: '4' },
      seconds: { type: 'string', default: '300' },
      keep: { type: 'boolean', default: false },
    },
  });
  const int = (name: string, v: string, max: number) => {
    const x = Number(v);
    if (!Number.isInteger(x) || x < 1 || x > max) throw new Error(`--${name} must be an integer from 1 to ${max}, got "${v}"`);
    return x;
  };
  const opts = {
    cycles: int('cycles', values.cycles, 1000),
    writers: int('writers', values.writers, 32),
    seconds: int('seconds', values.seconds, 3600),
    keep: values.keep,
    log: (line: string) => console.log(line),
  };
  process.on('SIGINT', () => {
    killChildren();
    process.exit(130);
  });
  // A hard stop even if something hangs: the budget plus time for the last cycle.
  setTimeout(
    () => {
      console.error('crash test: over its time limit, stopping');
      killChildren();
      process.exit(3);
    },
    (opts.seconds + 120) * 1000,
  ).unref();
  const r = await runCrashTest(opts);
  for (const p of r.problems.slice(0, 50)) console.error(p);
  if (r.problems.length) console.error(`${r.problems.length} problems; the database is kept in ${r.dir}`);
  console.log(
    `in flight at the kills: ${r.inFlightAtKill} writes (${r.landedUnacknowledged} landed whole, the rest absent); refused: ${r.refused}; ${r.seconds} s`,
  );
  console.log(summaryLine(r));
  process.exit(r.problems.length === 0 && r.lost === 0 ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: Error) => {
    console.error(`crash test could not run: ${err.stack ?? err.message}`);
    killChildren();
    process.exit(2);
  });
}
