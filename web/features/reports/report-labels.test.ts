import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../i18n/resources';
import { eventGroupLabel, monthLabel, periodLabel, salesRowLabel } from './report-labels';

let ru: TFunction;
let en: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: 'ru', fallbackLng: 'en', interpolation: { escapeValue: false }, showSupportNotice: false });
  ru = i18n.getFixedT('ru');
  en = i18n.getFixedT('en');
});

describe('report labels from codes', () => {
  it('translates event kinds, importance and state codes in both languages', () => {
    expect(eventGroupLabel({ grouping: 'kind', key: 'phoneCall', label: null }, 'month', ru, 'ru')).toBe('Телефонный звонок');
    expect(eventGroupLabel({ grouping: 'kind', key: 'phoneCall', label: null }, 'month', en, 'en')).toBe('Phone call');
    expect(eventGroupLabel({ grouping: 'importance', key: 'high', label: null }, 'month', ru, 'ru')).toBe('Высокая');
    expect(eventGroupLabel({ grouping: 'state', key: 'cancelled', label: null }, 'month', en, 'en')).toBe('Cancelled');
  });

  it('keeps names that are data and names an empty value', () => {
    expect(eventGroupLabel({ grouping: 'counterparty', key: 'id-1', label: 'Ромашка' }, 'month', en, 'en')).toBe('Ромашка');
    expect(eventGroupLabel({ grouping: 'contactPerson', key: null, label: null }, 'month', ru, 'ru')).toBe('<не указано>');
    expect(eventGroupLabel({ grouping: 'contactPerson', key: null, label: null }, 'month', en, 'en')).toBe('<not set>');
  });

  it('writes periods: a day, a week by its Monday, a month', () => {
    expect(periodLabel('2026-12-01', 'day', ru, 'ru')).toBe('01.12.2026');
    expect(periodLabel('2026-11-23', 'week', ru, 'ru')).toBe('Неделя с 23.11.2026');
    expect(periodLabel('2026-11-23', 'week', en, 'en')).toBe('Week of 23/11/2026');
    expect(monthLabel('2026-12', 'ru')).toBe('Декабрь 2026');
    expect(eventGroupLabel({ grouping: 'period', key: '2026-11', label: null }, 'month', en, 'en')).toBe('November 2026');
  });

  it('sales rows: months and the empty product or responsible in the UI language', () => {
    expect(salesRowLabel({ grouping: 'month', key: '2026-03', label: null }, ru, 'ru')).toBe('Март 2026');
    expect(salesRowLabel({ grouping: 'product', key: null, label: null }, ru, 'ru')).toBe('Без номенклатуры');
    expect(salesRowLabel({ grouping: 'product', key: null, label: null }, en, 'en')).toBe('No product');
    expect(salesRowLabel({ grouping: 'responsible', key: null, label: null }, en, 'en')).toBe('<not set>');
    expect(salesRowLabel({ grouping: 'customer', key: 'x', label: 'ООО «Ромашка»' }, en, 'en')).toBe('ООО «Ромашка»');
  });
});
