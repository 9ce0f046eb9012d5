import type { ContactPerson, ContactPersonCreate } from '../../../shared/api/contact-persons';
import { rowsFromEntries, rowsToPayload, type ContactInfoRow } from '../contact-info/contactInfo';

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

function reminderDays(v: string | number): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

export function contactPersonPayload(f: ContactPersonForm): { body: ContactPersonCreate; rowKeys: string[] } {
  const ci = rowsToPayload(f.contactInfo);
  return {
    body: {
      counterpartyId: f.counterpartyId,
      lastName: f.lastName.trim(),
      firstName: orNull(f.firstName),
      middleName: orNull(f.middleName),
      position: orNull(f.position),
      role: orNull(f.role),
      birthday: orNull(f.birthday),
      birthdayReminderDays: reminderDays(f.birthdayReminderDays),
      comment: orNull(f.comment),
      contactInfo: ci.payload,
    },
    rowKeys: ci.keys,
  };
}
