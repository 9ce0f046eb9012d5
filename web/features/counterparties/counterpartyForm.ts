import type { Counterparty, CounterpartyCreate, CounterpartyKind } from '../../../shared/api/counterparties';
import { rowsFromEntries, rowsToPayload, type ContactInfoRow } from '../contact-info/contactInfo';
import { requiredText } from '../../lib/required';

export interface CounterpartyForm {
  kind: CounterpartyKind;
  name: string;
  fullName: string;
  inn: string;
  kpp: string;
  isCustomer: boolean;
  isSupplier: boolean;
  responsibleUserId: string | null;
  comment: string;
  contactInfo: ContactInfoRow[];
}

export const COUNTERPARTY_KINDS: readonly CounterpartyKind[] = ['legalEntity', 'soleTrader', 'individual'];

/** Fields of the Main tab; an error on any of them opens that tab. */
export const MAIN_FIELDS = ['kind', 'name', 'fullName', 'inn', 'kpp', 'isCustomer', 'isSupplier', 'responsibleUserId', 'comment'];

export function emptyCounterpartyForm(responsibleUserId: string | null): CounterpartyForm {
  return {
    kind: 'legalEntity',
    name: '',
    fullName: '',
    inn: '',
    kpp: '',
    isCustomer: true,
    isSupplier: false,
    responsibleUserId,
    comment: '',
    contactInfo: [],
  };
}

export function formFromCounterparty(c: Counterparty): CounterpartyForm {
  return {
    kind: c.kind,
    name: c.name,
    fullName: c.fullName ?? '',
    inn: c.inn ?? '',
    kpp: c.kpp ?? '',
    isCustomer: c.isCustomer,
    isSupplier: c.isSupplier,
    responsibleUserId: c.responsibleUserId,
    comment: c.comment ?? '',
    contactInfo: rowsFromEntries(c.contactInfo),
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The whole card as one body (PATCH with contactInfo replaces the list). */
export function counterpartyPayload(f: CounterpartyForm): { body: CounterpartyCreate; rowKeys: string[] } {
  const ci = rowsToPayload(f.contactInfo);
  return {
    body: {
      kind: f.kind,
      name: requiredText(f.name),
      fullName: orNull(f.fullName),
      inn: orNull(f.inn.replace(/\s+/g, '')),
      kpp: f.kind === 'legalEntity' ? orNull(f.kpp.replace(/\s+/g, '')) : null,
      isCustomer: f.isCustomer,
      isSupplier: f.isSupplier,
      responsibleUserId: f.responsibleUserId,
      comment: orNull(f.comment),
      contactInfo: ci.payload,
    },
    rowKeys: ci.keys,
  };
}
