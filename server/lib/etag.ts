// Optimistic concurrency for cards: GET sends an ETag made of the card as the API shows it (so two
// changes within one millisecond still differ), and a PATCH with If-Match is refused with 412 when
// the card changed since it was read.
import { createHash } from 'node:crypto';
import { AppError } from '../errors.js';

export function etagOf(card: object): string {
  return `"${createHash('sha256').update(JSON.stringify(card)).digest('base64url').slice(0, 27)}"`;
}

/** Throws 412 unless `ifMatch` (absent: no condition) names the record's current ETag. */
export function assertIfMatch(ifMatch: string | undefined, card: object): void {
  if (ifMatch === undefined) return;
  const current = etagOf(card);
  const tags = ifMatch.split(',').map((s) => s.trim().replace(/^W\//, ''));
  if (tags.includes('*') || tags.includes(current)) return;
  throw new AppError(412, 'precondition_failed', 'The record was changed by someone else since it was read', [
    { field: 'If-Match', code: 'stale_version', message: 'reload the record and apply the change again' },
  ]);
}

export const ifMatchOf = (headers: Record<string, string | string[] | undefined>) => {
  const h = headers['if-match'];
  return Array.isArray(h) ? h.join(',') : h;
};
