import { describe, expect, it } from 'vitest';
import { accountKeyValid, requisitesErrors } from './settings.logic.js';

const EMPTY = { companyInn: '', companyKpp: '', companyBik: '', companyAccount: '', companyCorrAccount: '' };
const GOOD = {
  companyInn: '7707083893',
  companyKpp: '773601001',
  companyBik: '044525225',
  companyAccount: '40702810938000012345',
  companyCorrAccount: '30101810400000000225',
};

describe('company requisites', () => {
  it('accepts empty and correct requisites', () => {
    expect(requisitesErrors(EMPTY)).toEqual([]);
    expect(requisitesErrors(GOOD)).toEqual([]);
    expect(requisitesErrors({ ...GOOD, companyInn: '500100732259', companyKpp: '' })).toEqual([]);
  });

  it('checks the account keys against the BIK (Sberbank, Moscow)', () => {
    expect(accountKeyValid('044525225', '30101810400000000225', 'correspondent')).toBe(true);
    expect(accountKeyValid('044525225', '40702810938000012345', 'settlement')).toBe(true);
    expect(accountKeyValid('044525225', '40702810038000012345', 'settlement')).toBe(false);
    expect(accountKeyValid('044584226', '30101810400000000225', 'correspondent')).toBe(false);
  });

  it('names every bad field with its code', () => {
    const errors = requisitesErrors({
      companyInn: '7707083894',
      companyKpp: '77360100',
      companyBik: '04452522',
      companyAccount: '4070281093800001234',
      companyCorrAccount: '30101810400000000225',
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['companyInn', 'inn_checksum'],
      ['companyKpp', 'kpp_format'],
      ['companyBik', 'bik_format'],
      ['companyAccount', 'account_format'],
    ]);
    expect(requisitesErrors({ ...GOOD, companyInn: '12345' }).map((e) => e.code)).toEqual(['inn_length']);
    expect(requisitesErrors({ ...GOOD, companyAccount: '40702810038000012345' }).map((e) => [e.field, e.code])).toEqual([
      ['companyAccount', 'account_key'],
    ]);
  });
});
