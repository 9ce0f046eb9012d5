// Reminder e-mails sent to a real SMTP server listening on a random local port.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { makeTestApp, type TestApp } from '../../test/test-app.js';
import { dispatchDueReminders } from '../tasks/tasks.service.js';
import { runBirthdayJob } from '../birthdays/birthdays.service.js';
import { loadConfig } from '../../config.js';

interface Mail {
  from: string;
  to: string[];
  raw: string;
}

async function smtp(): Promise<{ url: string; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** The decoded subject (nodemailer encodes non-ASCII subjects as RFC 2047 words). */
const subjectOf = (raw: string) => {
  const header = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(raw)![1];
  return header.replace(/\r\n[ \t]/g, ' ').replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
};

let t: TestApp;
let relay: Awaited<ReturnType<typeof smtp>>;
beforeEach(async () => {
  relay = await smtp();
  t = await makeTestApp({ now: '2026-11-27T09:00:00Z', env: { SMTP_URL: relay.url, MAIL_FROM: 'CRM <crm@example.com>' } });
});
afterEach(async () => {
  await t.close();
  await relay.close();
});

async function userWithMail(on: boolean, language: 'ru' | 'en') {
  const u = await t.userWithCookie('manager', language === 'en' ? 'Mary Manager' : 'Мария Менеджер');
  const res = await t.patch(u.cookie, '/api/me/settings', { emailReminders: on, language, timeZone: 'Europe/Moscow' });
  expect(res.statusCode).toBe(200);
  expect(res.json().emailReminders).toBe(on);
  return u;
}
const task = async (cookie: string, title: string) => {
  const res = await t.post(cookie, '/api/tasks', { title, remindAt: '2026-11-27T10:00:00Z', dueAt: '2026-11-27T12:30:00Z' });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
};

describe('reminders by e-mail', () => {
  it('the setting is off by default, shown by GET /api/me and changed by PATCH /api/me/settings', async () => {
    const u = await t.userWithCookie('manager', 'Пётр');
    expect((await t.get(u.cookie, '/api/me')).json().emailReminders).toBe(false);
    expect((await t.patch(u.cookie, '/api/me/settings', { emailReminders: true })).json().emailReminders).toBe(true);
    expect((await t.get(u.cookie, '/api/me')).json().emailReminders).toBe(true);
    const row = await t.db.selectFrom('users').select('emailReminders').where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(Number(row.emailReminders)).toBe(1);
    const bad = await t.patch(u.cookie, '/api/me/settings', { emailReminders: 'yes' });
    expect(bad.statusCode).toBe(400);
  });

  it('a due reminder is mailed once to a user who asked for it, in their language; a user who did not gets none', async () => {
    const on = await userWithMail(true, 'en');
    const off = await userWithMail(false, 'ru');
    await task(on.cookie, 'Call Romashka back');
    await task(off.cookie, 'Перезвонить');
    t.clock.set('2026-11-27T10:00:00Z');
    expect(await dispatchDueReminders(t.app.deps)).toBe(2);
    expect(await dispatchDueReminders(t.app.deps)).toBe(0);
    expect(relay.mails).toHaveLength(1);
    const [m] = relay.mails;
    expect(m.to).toEqual([on.email]);
    expect(m.from).toBe('crm@example.com');
    expect(subjectOf(m.raw)).toBe('Reminder: Call Romashka back');
    // The due time in the user's time zone (UTC+3) and the path of the tasks page.
    expect(m.raw).toContain('Due: 27.11.2026 15:30 (Europe/Moscow)');
    expect(m.raw).toContain('/tasks');
  });

  it('a Russian user gets a Russian subject', async () => {
    const on = await userWithMail(true, 'ru');
    await task(on.cookie, 'Отправить счёт');
    t.clock.set('2026-11-27T10:00:00Z');
    await dispatchDueReminders(t.app.deps);
    expect(relay.mails.map((m) => subjectOf(m.raw))).toEqual(['Напоминание: Отправить счёт']);
  });

  it('the birthday job mails the new task once (not again when its popup comes); an SMTP server that is down fails nothing', async () => {
    const robot = await userWithMail(true, 'ru');
    expect((await t.patch(t.adminCookie, '/api/settings', { scheduledJobsUserId: robot.id })).statusCode).toBe(200);
    const p = await t.post(t.adminCookie, '/api/contact-persons', {
      lastName: 'Петрова',
      firstName: 'Мария',
      birthday: '1985-11-28',
      birthdayReminderDays: 3,
    });
    expect(p.statusCode).toBe(201);
    const first = await runBirthdayJob(t.app.deps);
    expect(first.created).toBe(1);
    expect(relay.mails).toHaveLength(1);
    expect(relay.mails[0].to).toEqual([robot.email]);
    expect(subjectOf(relay.mails[0].raw)).toMatch(/^Напоминание: .*Петрова/);
    expect(await dispatchDueReminders(t.app.deps)).toBe(1);
    expect(await runBirthdayJob(t.app.deps)).toMatchObject({ created: 0 });
    expect(relay.mails).toHaveLength(1);

    // The relay goes away: the job and the claim still succeed, the tasks and popups are there.
    await relay.close();
    await t.post(t.adminCookie, '/api/contact-persons', {
      lastName: 'Иванов',
      firstName: 'Иван',
      birthday: '1990-11-29',
      birthdayReminderDays: 3,
    });
    await task(robot.cookie, 'Позвонить');
    t.clock.set('2026-11-27T10:00:00Z');
    expect(await runBirthdayJob(t.app.deps)).toMatchObject({ created: 1 });
    expect(await dispatchDueReminders(t.app.deps)).toBe(2);
    expect(await t.db.selectFrom('tasks').select('id').where('alertedAt', 'is', null).execute()).toEqual([]);
    expect(relay.mails).toHaveLength(1);
  });
});

describe('mail configuration', () => {
  it('both unset means no e-mail; a wrong SMTP_URL or MAIL_FROM stops start-up naming the variable', () => {
    expect(loadConfig({})).toMatchObject({ smtpUrl: null, mailFrom: null });
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.com:465' })).toMatchObject({ mailFrom: 'crm@mail.example.com' });
    expect(() => loadConfig({ SMTP_URL: 'mail.example.com' })).toThrow(/^SMTP_URL must be/);
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.com' })).toThrow(/^SMTP_URL must be/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.com', MAIL_FROM: 'not an address' })).toThrow(/^MAIL_FROM must be/);
    expect(() => loadConfig({ MAIL_FROM: 'crm@example.com' })).toThrow(/^MAIL_FROM is set but SMTP_URL is not/);
  });
});
