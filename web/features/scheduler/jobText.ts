import type { TFunction } from 'i18next';

/** A job's name for people; an unknown job keeps its technical name. */
export const jobTitle = (name: string, t: TFunction) => t(`scheduler.jobNames.${name}`, { defaultValue: name });

const BIRTHDAYS = /^(\d+) task\(s\) created; (\d+) birthday\(s\) due(?:; (\d+) with nobody to remind: set the scheduled-jobs user)?$/;

/**
 * The server reports a run's result as an English line; the known ones are shown in the user's
 * language, anything else as it came (an error message, a future job).
 */
export function jobResultText(name: string, result: string | null, t: TFunction): string {
  if (!result) return '';
  if (name === 'birthdays') {
    const m = BIRTHDAYS.exec(result);
    if (m) {
      const main = t('scheduler.results.birthdays', { created: Number(m[1]), due: Number(m[2]) });
      return m[3] ? `${main}; ${t('scheduler.results.unassigned', { count: Number(m[3]) })}` : main;
    }
    if (result.startsWith('Nothing created: no active scheduled-jobs user')) return t('scheduler.results.birthdaysNothing');
  }
  return result;
}
