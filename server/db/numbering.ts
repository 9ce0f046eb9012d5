import { sql } from 'kysely';
import type { DbOrTrx } from './database.js';

/** Next human number of a document type ("Номер" in 1C). Call inside the transaction that inserts
 * the document: the row lock serialises concurrent writers, so numbers never repeat. */
export async function nextNumber(db: DbOrTrx, docType: string): Promise<number> {
  const row = await db
    .insertInto('numberSequences')
    .values({ docType, lastNumber: 1 })
    .onConflict((oc) => oc.column('docType').doUpdateSet({ lastNumber: sql`number_sequences.last_number + 1` }))
    .returning('lastNumber')
    .executeTakeFirstOrThrow();
  return Number(row.lastNumber);
}
