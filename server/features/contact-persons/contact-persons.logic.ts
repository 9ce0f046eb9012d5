import type { ErrorDetail } from '../../errors.js';

/** A birthday must be a real calendar date, not in the future, and not absurdly old. */
export function checkBirthday(birthday: string | null, today: string): ErrorDetail[] {
  if (birthday === null) return [];
  const [y, m, d] = birthday.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) {
    return [{ field: 'birthday', code: 'date_invalid', message: 'is not a calendar date' }];
  }
  if (birthday > today) return [{ field: 'birthday', code: 'date_future', message: 'cannot be in the future' }];
  if (y < 1900) return [{ field: 'birthday', code: 'date_too_old', message: 'must be after 1900' }];
  return [];
}
