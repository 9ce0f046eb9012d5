import { describe, expect, it } from 'vitest';
import { normalizeRequisites, requisitesErrors, type Requisites } from './requisites';

const empty: Requisites = {
  companyInn: '',
  companyKpp: '',
  companyLegalAddress: '',
  companyPhone: '',
  companyBank: '',
  companyBik: '',
  companyAccount: '',
  companyCorrAccount: '',
  companyDirector: '',
  companyAccountant: '',
};

describe('company requisites', () => {
  it('allows every field empty', () => {
    expect(requisitesErrors(empty)).toEqual({});
  });

  it('checks the lengths: INN 10 or 12, KPP and BIK 9, accounts 20 digits', () => {
    const bad = {
      ...empty,
      companyInn: '12345',
      companyKpp: '12345678',
      companyBik: '04452522',
      companyAccount: '4070281',
      companyCorrAccount: 'abc',
    };
    expect(requisitesErrors(bad)).toEqual({
      companyInn: 'inn_length',
      companyKpp: 'kpp_format',
      companyBik: 'bik_format',
      companyAccount: 'account_format',
      companyCorrAccount: 'account_format',
    });
    const good = {
      ...empty,
      companyInn: '7707083893',
      companyKpp: '773601001',
      companyBik: '044525225',
      companyAccount: '4070 2810 4000 0000 0001',
      companyCorrAccount: '30101810400000000225',
    };
    expect(requisitesErrors(good)).toEqual({});
    expect(requisitesErrors({ ...empty, companyInn: '500100732259' })).toEqual({});
  });

  it('sends numbers without the spaces people paste and texts trimmed', () => {
    const sent = normalizeRequisites({ ...empty, companyAccount: '4070 2810-4000 0000 0001', companyBank: '  ПАО Сбербанк ' });
    expect(sent.companyAccount).toBe('40702810400000000001');
    expect(sent.companyBank).toBe('ПАО Сбербанк');
  });
});
