import { describe, expect, it } from 'vitest';
import { checkRequisites, isValidInn, isValidKpp, prefixEnd, searchPlan } from './counterparties.logic.js';

describe('INN check digits', () => {
  it.each(['7707083893', '7736207543', '500100732259', '772801366974'])('accepts a real INN %s', (inn) => {
    expect(isValidInn(inn)).toBe(true);
  });
  it.each(['7707083894', '500100732258', '123', '77070838931', 'abcdefghij'])('rejects %s', (inn) => {
    expect(isValidInn(inn)).toBe(false);
  });
});

describe('requisites by kind', () => {
  it('wants 10 digits for an organisation and 12 for a sole trader', () => {
    expect(checkRequisites('legalEntity', '500100732259', null)[0].code).toBe('inn_length');
    expect(checkRequisites('soleTrader', '7707083893', null)[0].code).toBe('inn_length');
    expect(checkRequisites('legalEntity', '7707083893', '773601001')).toEqual([]);
  });
  it('names a mistyped INN and a malformed KPP', () => {
    expect(checkRequisites('legalEntity', '7707083894', 'ABC')).toEqual([
      expect.objectContaining({ field: 'inn', code: 'inn_checksum' }),
      expect.objectContaining({ field: 'kpp', code: 'kpp_format' }),
    ]);
  });
  it('refuses a KPP for an individual', () => {
    expect(checkRequisites('individual', null, '773601001')[0].code).toBe('kpp_not_allowed');
  });
  it('KPP allows letters in the reason part', () => {
    expect(isValidKpp('7736AB001')).toBe(true);
    expect(isValidKpp('77360100')).toBe(false);
  });
});

describe('search plan', () => {
  it('sends each kind of text to the branch its index serves', () => {
    expect(searchPlan('Info@Romashka.RU', null)).toEqual({ email: 'info@romashka.ru' });
    expect(searchPlan('+74951234567', { e164: '+74951234567', digits: '74951234567' })).toEqual({
      phoneE164: '+74951234567',
      phoneSuffixRev: '76543215947',
    });
    expect(searchPlan('7707083893', { e164: null, digits: '7707083893' })).toEqual({
      innPrefix: '7707083893',
      phoneSuffixRev: '3983807077',
    });
    expect(searchPlan('770', null)).toEqual({ innPrefix: '770', name: '770' });
    expect(searchPlan('Ромашка', null)).toEqual({ name: 'ромашка' });
  });
  it('prefixEnd bounds a digit prefix', () => {
    expect(prefixEnd('7654321')).toBe('7654322');
    expect(prefixEnd('129')).toBe('12:');
    expect('1299' < prefixEnd('129') && '129' >= '129').toBe(true);
  });
});
