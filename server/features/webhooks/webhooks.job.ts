import type { Deps } from '../../deps.js';
import { sendDue } from './webhooks.service.js';

/** Sends the webhook deliveries that are due (new ones and retries after their backoff). */
export async function webhooksJob(deps: Deps): Promise<string> {
  const r = await sendDue(deps);
  return `delivered ${r.delivered}, failed attempts ${r.failed}`;
}
