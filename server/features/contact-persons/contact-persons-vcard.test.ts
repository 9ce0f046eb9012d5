import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let cp: any;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-27T09:00:00Z' });
  cp = (await t.post(t.adminCookie, '/api/counterparties', { name: 'Ромашка; опт' })).json();
});
afterEach(async () => t.close());

const importCards = (cookie: string, body: string) =>
  t.request(cookie, { method: 'POST', url: '/api/contact-persons/import', headers: { 'content-type': 'text/vcard' }, payload: body });
const persons = () => t.db.selectFrom('contactPersons').selectAll().orderBy('lastName').execute();

const FIELDS = ['lastName', 'firstName', 'middleName', 'position', 'counterpartyId', 'counterpartyName', 'birthday', 'comment'];
const pick = (p: any) => ({
  ...Object.fromEntries(FIELDS.map((f) => [f, p[f]])),
  contactInfo: p.contactInfo.map((c: any) => [c.kind, c.normalized]),
});

describe('vCard', () => {
  it('exports a person and imports it back with the same fields', async () => {
    const person = (
      await t.post(t.adminCookie, '/api/contact-persons', {
        counterpartyId: cp.id,
        lastName: 'Петрова',
        firstName: 'Мария',
        middleName: 'Ивановна',
        position: 'Главный бухгалтер, финансы',
        birthday: '1985-03-14',
        comment: 'Звонить после обеда;\nне в пятницу',
        contactInfo: [
          { kind: 'phone', value: '8 (916) 123-45-67' },
          { kind: 'fax', value: '+7 495 000-11-22' },
          { kind: 'email', value: 'maria@romashka.ru' },
        ],
      })
    ).json();
    const res = await t.get(t.adminCookie, `/api/contact-persons/${person.id}/vcard`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/vcard; charset=utf-8');
    expect(res.body).toContain('VERSION:4.0\r\n');
    expect(res.body).toContain('N:Петрова;Мария;Ивановна;;\r\n');
    expect(res.body).toContain('ORG:Ромашка\\; опт\r\n');
    expect(res.body).toContain('TEL;VALUE=uri;TYPE=voice:tel:+79161234567\r\n');
    expect(res.body).toContain('TEL;VALUE=uri;TYPE=fax:tel:+74950001122\r\n');
    expect(res.body).toContain('BDAY:19850314\r\n');

    const imported = await importCards(t.adminCookie, res.body);
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toEqual({ created: 1, errors: [] });
    const rows = await persons();
    expect(rows).toHaveLength(2);
    const copyId = rows.find((r) => r.id !== person.id)!.id;
    const copy = (await t.get(t.adminCookie, `/api/contact-persons/${copyId}`)).json();
    expect(pick(copy)).toEqual(pick(person));
  });

  it('imports several 3.0 and 4.0 cards; an unknown ORG makes an individual', async () => {
    const body = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Сидоров;Пётр;;;',
      'FN:Пётр Сидоров',
      'ORG:Неизвестная фирма;Отдел',
      'item1.TEL;TYPE=CELL:+7 (926) 555-44-33',
      'EMAIL;TYPE=INTERNET:petr@example.com',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Иванов',
      'ORG:Ромашка\\; опт',
      'NOTE:длинная строка, сложен',
      ' ная пополам',
      'END:VCARD',
      '',
    ].join('\n');
    const res = await importCards(t.adminCookie, body);
    expect(res.statusCode).toBe(201);
    expect(res.json().created).toBe(2);
    const rows = await persons();
    expect(rows.map((r) => [r.lastName, r.firstName, r.counterpartyId, r.comment])).toEqual([
      ['Иванов', null, cp.id, 'длинная строка, сложенная пополам'],
      ['Сидоров', 'Пётр', null, null],
    ]);
    const info = await t.db.selectFrom('contactInfo').select(['kind', 'normalized']).where('contactPersonId', '=', rows[1].id).execute();
    expect(info).toEqual([
      { kind: 'phone', normalized: '+79265554433' },
      { kind: 'email', normalized: 'petr@example.com' },
    ]);
  });

  it('any bad card writes nothing and names the card and line', async () => {
    const body = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Хороший',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'N:Плохой;;;;',
      'TEL:позвоните мне',
      'BDAY:14.03.1985',
      'END:VCARD',
      'BEGIN:VCARD',
      'TITLE:без имени',
      'END:VCARD',
    ].join('\r\n');
    const res = await importCards(t.adminCookie, body);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('import_invalid');
    expect(res.json().error.details.map((d: any) => [d.line, d.field, d.code])).toEqual([
      [5, 'cards.1.contactInfo.0.value', 'phone_invalid'],
      [9, 'cards.1.birthday', 'date_invalid'],
      [11, 'cards.2.lastName', 'required'],
    ]);
    expect(await persons()).toEqual([]);
  });

  it('refuses a body without cards', async () => {
    const res = await importCards(t.adminCookie, 'hello');
    expect(res.statusCode).toBe(422);
    expect(await persons()).toEqual([]);
  });

  it('a limited manager neither exports hidden persons nor attaches to hidden counterparties', async () => {
    const m = await t.userWithCookie('manager');
    const hidden = (await t.post(t.adminCookie, '/api/contact-persons', { counterpartyId: cp.id, lastName: 'Скрытая' })).json();
    await t.patch(t.adminCookie, '/api/settings', { managersSeeAllCounterparties: false });
    expect((await t.get(m.cookie, `/api/contact-persons/${hidden.id}/vcard`)).statusCode).toBe(404);
    const res = await importCards(m.cookie, 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Новый\r\nORG:Ромашка\\; опт\r\nEND:VCARD\r\n');
    expect(res.statusCode).toBe(201);
    const row = await t.db.selectFrom('contactPersons').selectAll().where('lastName', '=', 'Новый').executeTakeFirstOrThrow();
    expect(row.counterpartyId).toBeNull();
  });
});
