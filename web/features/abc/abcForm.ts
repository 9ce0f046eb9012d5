// The «Параметры» tab as a form and as request bodies. Percents are typed as text so a half-typed
// value can be shown and refused at its field; the server gets whole numbers.
import type { AbcClassification, AbcClassificationCreate, AbcClassificationPatch } from '../../../shared/api/abc';
import type { Settings } from '../../../shared/api/settings';
import { percentErrors, percentValue } from './abcPercents';

export type AbcBasis = AbcClassification['basis'];

export interface AbcForm {
  date: string;
  periodFrom: string;
  periodTo: string;
  basis: AbcBasis;
  classAPercent: string;
  classBPercent: string;
  classCPercent: string;
  comment: string;
}

type Defaults = Pick<Settings, 'abcBasis' | 'abcClassAPercent' | 'abcClassBPercent' | 'abcClassCPercent'>;

/** The first and last day of the month before `today` (YYYY-MM-DD): what a classification usually covers. */
export function previousMonth(today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number);
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` };
}

export function emptyAbcForm(today: string, s: Defaults | undefined): AbcForm {
  const period = previousMonth(today);
  return {
    date: today,
    periodFrom: period.from,
    periodTo: period.to,
    basis: s?.abcBasis ?? 'revenue',
    classAPercent: String(s?.abcClassAPercent ?? 70),
    classBPercent: String(s?.abcClassBPercent ?? 20),
    classCPercent: String(s?.abcClassCPercent ?? 10),
    comment: '',
  };
}

export function formFromAbc(c: AbcClassification): AbcForm {
  return {
    date: c.date,
    periodFrom: c.periodFrom,
    periodTo: c.periodTo,
    basis: c.basis,
    classAPercent: String(c.classAPercent),
    classBPercent: String(c.classBPercent),
    classCPercent: String(c.classCPercent),
    comment: c.comment ?? '',
  };
}

function formErrors(f: AbcForm): Record<string, string> {
  const errors: Record<string, string> = { ...percentErrors(f) };
  if (!f.date) errors.date = 'required';
  if (!f.periodFrom) errors.periodFrom = 'required';
  if (!f.periodTo) errors.periodTo = 'required';
  if (f.periodFrom && f.periodTo && f.periodTo < f.periodFrom) errors.periodTo = 'abc_period_order';
  return errors;
}

export function abcCreatePayload(f: AbcForm): { body: AbcClassificationCreate; errors: Record<string, string> } {
  const body: AbcClassificationCreate = {
    date: f.date || undefined,
    periodFrom: f.periodFrom,
    periodTo: f.periodTo,
    basis: f.basis,
    classAPercent: percentValue(f.classAPercent) ?? 0,
    classBPercent: percentValue(f.classBPercent) ?? 0,
    classCPercent: percentValue(f.classCPercent) ?? 0,
    comment: f.comment.trim() || null,
  };
  return { body, errors: formErrors(f) };
}

/** Only what changed since the stored document; the three percents go together (their sum is checked). */
export function abcPatchPayload(f: AbcForm, saved: AbcForm): { body: AbcClassificationPatch; errors: Record<string, string> } {
  const { body: full, errors } = abcCreatePayload(f);
  const body: AbcClassificationPatch = {};
  if (f.date !== saved.date && f.date) body.date = f.date;
  if (f.periodFrom !== saved.periodFrom) body.periodFrom = full.periodFrom;
  if (f.periodTo !== saved.periodTo) body.periodTo = full.periodTo;
  if (f.basis !== saved.basis) body.basis = f.basis;
  if (f.classAPercent !== saved.classAPercent || f.classBPercent !== saved.classBPercent || f.classCPercent !== saved.classCPercent) {
    body.classAPercent = full.classAPercent;
    body.classBPercent = full.classBPercent;
    body.classCPercent = full.classCPercent;
  }
  if (f.comment.trim() !== saved.comment.trim()) body.comment = full.comment;
  return { body, errors };
}
