import { describe, expect, it } from 'vitest';
import { buyerOf, dateInWords, inlineDisposition, plural, printNumber, rublesInWords, supplierOf } from './printing.logic.js';
import { escapeHtml } from './printing.html.js';

const RUB = ['рубль', 'рубля', 'рублей'] as const;

describe('amounts in words', () => {
  it('plural forms of рубль', () => {
    expect([1, 2, 5, 11, 12, 14, 21, 22, 25, 101, 111, 1001, 2000, 1_000_000].map((n) => plural(n, RUB))).toEqual([
      'рубль',
      'рубля',
      'рублей',
      'рублей',
      'рублей',
      'рублей',
      'рубль',
      'рубля',
      'рублей',
      'рубль',
      'рублей',
      'рубль',
      'рублей',
      'рублей',
    ]);
  });

  it.each([
    [100, 'Один рубль 00 копеек'],
    [200, 'Два рубля 00 копеек'],
    [500, 'Пять рублей 00 копеек'],
    [1100, 'Одиннадцать рублей 00 копеек'],
    [2100, 'Двадцать один рубль 00 копеек'],
    [10100, 'Сто один рубль 00 копеек'],
    [100100, 'Одна тысяча один рубль 00 копеек'],
    [200000, 'Две тысячи рублей 00 копеек'],
    [100_000_000, 'Один миллион рублей 00 копеек'],
    [1, 'Ноль рублей 01 копейка'],
    [28529, 'Двести восемьдесят пять рублей 29 копеек'],
    [2_100_022, 'Двадцать одна тысяча рублей 22 копейки'],
  ])('%i kopecks -> %s', (kopecks, words) => {
    expect(rublesInWords(kopecks)).toBe(words);
  });
});

describe('print formatting', () => {
  it('dates and numbers the Russian way', () => {
    expect(dateInWords('2026-11-30')).toBe('30 ноября 2026 г.');
    expect(dateInWords('2027-01-05')).toBe('5 января 2027 г.');
    expect(printNumber('1234567.50')).toBe('1\u00a0234\u00a0567,50');
    expect(printNumber('2.5')).toBe('2,5');
    expect(printNumber('100')).toBe('100');
  });

  it('the supplier and the buyer from requisites and contact information', () => {
    const s = supplierOf({
      companyName: 'ООО «Торговый дом»',
      companyInn: '7707083893',
      companyKpp: '773601001',
      companyLegalAddress: 'Москва',
      companyPhone: '+7 495 000-00-00',
      companyBank: 'ПАО Сбербанк',
      companyBik: '044525225',
      companyAccount: '40702810938000012345',
      companyCorrAccount: '30101810400000000225',
    } as never);
    expect(s.supplier).toBe('ООО «Торговый дом», ИНН 7707083893, КПП 773601001, Москва, тел.: +7 495 000-00-00');
    expect(s.bank).toBe('р/с 40702810938000012345, в ПАО Сбербанк, БИК 044525225, к/с 30101810400000000225');
    const contact = (kind: string, value: string) => ({ id: kind + value, kind, value, comment: null, normalized: null }) as never;
    expect(
      buyerOf({
        name: 'Альфа',
        fullName: 'ООО «Альфа»',
        inn: '7707083893',
        kpp: null,
        contactInfo: [contact('phone', '111'), contact('legalAddress', 'Тверь'), contact('phone', '222')],
      }),
    ).toBe('ООО «Альфа», ИНН 7707083893, Тверь, тел.: 111');
  });

  it('escapes html and names the file in ASCII and UTF-8', () => {
    expect(escapeHtml(`<b a="1">'&'</b>`)).toBe('&lt;b a=&quot;1&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;');
    expect(inlineDisposition({ ascii: 'zakaz-5.pdf', utf8: 'Заказ № 5.pdf' })).toBe(
      `inline; filename="zakaz-5.pdf"; filename*=UTF-8''%D0%97%D0%B0%D0%BA%D0%B0%D0%B7%20%E2%84%96%205.pdf`,
    );
  });
});
