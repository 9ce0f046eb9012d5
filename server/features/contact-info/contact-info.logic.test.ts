import { describe, expect, it } from 'vitest';
import { normalizeEntries, phoneSearchOf, phoneToE164, webAddressOf } from './contact-info.logic.js';

describe('phones', () => {
  it.each(['8 (495) 123-45-67', '+7 495 1234567', '+74951234567', '84951234567', '(495) 123 45 67', '7-495-123-45-67'])(
    'reads %s as +74951234567',
    (written) => expect(phoneToE164(written, 'RU')).toBe('+74951234567'),
  );
  it('keeps foreign numbers in their own country', () => {
    expect(phoneToE164('+49 30 1234567', 'RU')).toBe('+49301234567');
  });
  it.each(['call me', '12', 'abc 495 123 45 67', ''])('rejects %s', (v) => expect(phoneToE164(v, 'RU')).toBeNull());
  it('turns a phone-like search into E.164 and digits, and leaves names alone', () => {
    expect(phoneSearchOf('+74951234567', 'RU')).toEqual({ e164: '+74951234567', digits: '74951234567' });
    expect(phoneSearchOf('123-45-67', 'RU')).toEqual({ e164: null, digits: '1234567' });
    expect(phoneSearchOf('Ромашка', 'RU')).toBeNull();
    expect(phoneSearchOf('12-3', 'RU')).toBeNull();
  });
});

describe('normalizeEntries', () => {
  it('normalises phones and e-mails and keeps what was typed', () => {
    const { entries, errors } = normalizeEntries(
      [
        { kind: 'phone', value: ' 8 (495) 123-45-67 ', comment: 'офис' },
        { kind: 'email', value: 'Sales@Romashka.RU' },
        { kind: 'legalAddress', value: 'Москва, ул. Ленина, 1', comment: '' },
      ],
      'RU',
    );
    expect(errors).toEqual([]);
    expect(entries).toEqual([
      { kind: 'phone', value: '8 (495) 123-45-67', comment: 'офис', normalized: '+74951234567', digits: '74951234567' },
      { kind: 'email', value: 'Sales@Romashka.RU', comment: null, normalized: 'sales@romashka.ru', digits: null },
      { kind: 'legalAddress', value: 'Москва, ул. Ленина, 1', comment: null, normalized: null, digits: null },
    ]);
  });
  it('names every bad entry by its position', () => {
    const { errors } = normalizeEntries(
      [
        { kind: 'phone', value: 'не знаю' },
        { kind: 'email', value: 'no-at-sign' },
        { kind: 'website', value: 'javascript:alert(1)' },
      ],
      'RU',
    );
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['contactInfo.0.value', 'phone_invalid'],
      ['contactInfo.1.value', 'email_invalid'],
      ['contactInfo.2.value', 'website_invalid'],
    ]);
  });
});

describe('web addresses', () => {
  it.each(['https://example.ru', 'http://shop.example.ru/catalog?x=1', 'www.example.ru', 'shop.example.ru:8080/catalog', 'пример.рф'])(
    'keeps %s',
    (v) => {
      expect(webAddressOf(v)).toBe(v);
    },
  );

  it('strips what browsers strip before judging', () => {
    expect(webAddressOf('  https://exa\tmple.ru\n')).toBe('https://example.ru');
  });

  it.each([
    'javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'blob:https://example.ru/uuid',
    'file:///etc/passwd',
    'ftp://example.ru',
    'https://user:pass@example.ru',
    'http://',
    '',
  ])('refuses %j', (v) => {
    expect(webAddressOf(v)).toBeNull();
  });
});
