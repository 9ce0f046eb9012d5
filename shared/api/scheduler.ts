import { Type, type Static } from '@sinclair/typebox';
import { Instant, Nullable } from './common.js';

export const JobName = Type.String({ pattern: '^[a-z][a-zA-Z0-9-]{0,49}$', description: 'birthdays (later: abc)' });

export const JobParams = Type.Object({ name: JobName }, { additionalProperties: false });
export type JobParams = Static<typeof JobParams>;

/** One scheduled job as the settings page shows it («Регламентные задания»). */
export const JobStatus = Type.Object({
  name: JobName,
  lastStartedAt: Nullable(Instant),
  lastFinishedAt: Nullable(Instant),
  lastStatus: Nullable(Type.Union([Type.Literal('ok'), Type.Literal('error')])),
  /** Short text: what the last run did, or why it failed. */
  lastResult: Nullable(Type.String()),
  /** When the next run is due under the current polling interval; null: on the scheduler's next tick. */
  nextRunAt: Nullable(Instant),
  runCount: Type.Integer(),
  /** A run is in progress on some instance. */
  running: Type.Boolean(),
});
export type JobStatus = Static<typeof JobStatus>;

export const JobStatusList = Type.Object({ items: Type.Array(JobStatus) });
export type JobStatusList = Static<typeof JobStatusList>;
