// Frozen once released: append a new migration instead of editing this one.
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './context.js';

/**
 * The task list («Задачи с оповещением») of one assignee in its own order: open tasks by due time,
 * tasks without a due time last (`coalesce(due_at, '9999-12-31T00:00:00.000Z')`, the sort key of
 * tasks.repo.ts, written here exactly as the query writes it so both databases use the index), then
 * by id. Without it a manager with tens of thousands of open tasks had every one joined and sorted
 * before the first page came back (0.5 s at 200,000 tasks).
 */
export async function up(db: Kysely<any>, _ctx: MigrationContext): Promise<void> {
  await sql`create index tasks_assignee_order_idx on tasks (assignee_id, status, (coalesce(due_at, '9999-12-31T00:00:00.000Z')), id)`.execute(
    db,
  );
}
