import type { Deps } from '../../deps.js';
import { runMonthly } from './abc-fill.service.js';

/** Scheduled work: the monthly automatic classification (when the setting abcMonthlyAuto is on). */
export const abcJob = (deps: Deps): Promise<string> => runMonthly(deps);
