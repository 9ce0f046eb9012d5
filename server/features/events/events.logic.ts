import type { ErrorDetail } from '../../errors.js';

export const durationMinutes = (startAt: string, endAt: string | null): number | null =>
  endAt === null ? null : Math.max(0, Math.round((new Date(endAt).getTime() - new Date(startAt).getTime()) / 60_000));

export function checkTimes(startAt: string, endAt: string | null): ErrorDetail[] {
  if (endAt !== null && new Date(endAt).getTime() < new Date(startAt).getTime()) {
    return [{ field: 'endAt', code: 'end_before_start', message: 'must not be before the start' }];
  }
  return [];
}

/** A contact person fits the event when it belongs to the event's counterparty, or is an individual. */
export function checkPersonFits(counterpartyId: string | null, personCounterpartyId: string | null): ErrorDetail[] {
  if (personCounterpartyId === null || counterpartyId === null || personCounterpartyId === counterpartyId) return [];
  return [{ field: 'contactPersonId', code: 'contact_person_mismatch', message: 'belongs to another counterparty' }];
}
