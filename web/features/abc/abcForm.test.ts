import { describe, expect, it } from 'vitest';
import { abcCreatePayload, abcPatchPayload, emptyAbcForm, previousMonth } from './abcForm';

describe('classification form', () => {
  it('starts on the previous month with the settings’ basis and percents', () => {
    expect(previousMonth('2026-03-15')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousMonth('2024-03-01')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(previousMonth('2026-01-10')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    const f = emptyAbcForm('2026-11-30', { abcBasis: 'grossProfit', abcClassAPercent: 80, abcClassBPercent: 15, abcClassCPercent: 5 });
    expect(f).toMatchObject({ date: '2026-11-30', periodFrom: '2026-10-01', periodTo: '2026-10-31', basis: 'grossProfit' });
    expect([f.classAPercent, f.classBPercent, f.classCPercent]).toEqual(['80', '15', '5']);
  });

  it('sends whole numbers and refuses a sum other than 100 or a reversed period', () => {
    const f = emptyAbcForm('2026-11-30', undefined);
    expect(abcCreatePayload(f)).toEqual({
      body: {
        date: '2026-11-30',
        periodFrom: '2026-10-01',
        periodTo: '2026-10-31',
        basis: 'revenue',
        classAPercent: 70,
        classBPercent: 20,
        classCPercent: 10,
        comment: null,
      },
      errors: {},
    });
    const bad = abcCreatePayload({ ...f, classCPercent: '15', periodTo: '2026-09-30' }).errors;
    expect(bad).toEqual({
      classAPercent: 'abc_percent_sum',
      classBPercent: 'abc_percent_sum',
      classCPercent: 'abc_percent_sum',
      periodTo: 'abc_period_order',
    });
  });

  it('patches only what changed, the three percents together', () => {
    const saved = emptyAbcForm('2026-11-30', undefined);
    expect(abcPatchPayload(saved, saved).body).toEqual({});
    expect(abcPatchPayload({ ...saved, classAPercent: '75', classCPercent: '5', comment: ' x ' }, saved).body).toEqual({
      classAPercent: 75,
      classBPercent: 20,
      classCPercent: 5,
      comment: 'x',
    });
  });
});
