// Frozen once released: append a new migration instead of editing this one.
import type { Kysely } from 'kysely';
import type { MigrationContext } from './context.js';

export async function up(_db: Kysely<any>, _ctx: MigrationContext): Promise<void> {}
