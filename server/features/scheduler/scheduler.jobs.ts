import type { Deps } from '../../deps.js';
import { birthdaysJob } from '../birthdays/birthdays.job.js';
import { abcJob } from '../abc/abc.job.js';
import { webhooksJob } from '../webhooks/webhooks.job.js';

/** A scheduled job: idempotent work that returns a short summary for the status page. */
export interface Job {
  name: string;
  run(deps: Deps): Promise<string>;
}

/** Every job the scheduler runs. */
export const JOBS: Job[] = [
  { name: 'birthdays', run: birthdaysJob },
  { name: 'abc', run: abcJob },
  { name: 'webhooks', run: webhooksJob },
];
