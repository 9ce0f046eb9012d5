import type { Deps } from '../../deps.js';
import { runBirthdayJob } from './birthdays.service.js';

/** Scheduled work: the summary is what the job status page shows as the last result. */
export async function birthdaysJob(deps: Deps): Promise<string> {
  return (await runBirthdayJob(deps)).summary;
}
