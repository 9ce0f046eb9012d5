import type { ContactPerson, ContactPersonCreate } from '../../../shared/api/contact-persons';
import { rowsFromEntries, rowsToPayload, type ContactInfoRow } from '../contact-info/contactInfo';
import { parseDateText } from '../../lib/dateText';
import { requiredText } from '../../lib/required';

export interface ContactPersonForm {
  counterpartyId: string | null;
  counterpartyName: string | null;
  lastName: string;
  firstName: string;
  middleName: string;
  position: string;
  role: string;
  birthday: string;
  /** Text of the number input; empty means "no reminder". */
  birthdayReminderDays: string | number;
  comment: string;
  contactInfo: ContactInfoRow[];
}

export function emptyContactPersonForm(counterpartyId: string | null, counterpartyName: string | null): ContactPersonForm {
  return {
    counterpartyId,
    counterpartyName,
    lastName: '',
    firstName: '',
    middleName: '',
    position: '',
    role: '',
    birthday: '',
    birthdayReminderDays: '',
    comment: '',
    contactInfo: [],
  };
}

export function formFromContactPerson(p: ContactPerson): ContactPersonForm {
  return {
    counterpartyId: p.counterpartyId,
    counterpartyName: p.counterpartyName,
    lastName: p.lastName,
    firstName: p.firstName ?? '',
    middleName: p.middleName ?? '',
    position: p.position ?? '',
    role: p.role ?? '',
    birthday: p.birthday ?? '',
    birthdayReminderDays: p.birthdayReminderDays ?? '',
    comment: p.comment ?? '',
    contactInfo: rowsFromEntries(p.contactInfo),
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** Days before the birthday as typed: a whole number 0-365, nothing, or why not (an error code). */
function reminderDays(v: string | number): { days: number | null; error?: string } {
  const text = String(v).trim();
  if (text === '') return { days: null };
  const n = Number(text);
  // "-3" is refused, not silently read as 3.
  if (!Number.isInteger(n)) return { days: null, error: 'integer' };
  if (n < 0) return { days: null, error: 'not_negative' };
  if (n > 365) return { days: null, error: 'maximum' };
  return { days: n };
}

export function contactPersonPayload(f: ContactPersonForm): {
  body: ContactPersonCreate;
  rowKeys: string[];
  errors: Record<string, string>;
} {
  const ci = rowsToPayload(f.contactInfo);
  const days = reminderDays(f.birthdayReminderDays);
  const errors: Record<string, string> = {};
  if (days.error) errors.birthdayReminderDays = days.error;
  if (f.birthday && !parseDateText(f.birthday)) errors.birthday = 'date_invalid';
  return {
    errors,
    body: {
      counterpartyId: f.counterpartyId,
      lastName: requiredText(f.lastName),
      firstName: orNull(f.firstName),
      middleName: orNull(f.middleName),
      position: orNull(f.position),
      role: orNull(f.role),
      birthday: orNull(f.birthday),
      birthdayReminderDays: days.days,
      comment: orNull(f.comment),
      contactInfo: ci.payload,
    },
    rowKeys: ci.keys,
  };
}
