import nodemailer from 'nodemailer';
import type { Deps } from '../../deps.js';
import { mailedOnCreation, reminderMail } from './mail.logic.js';
import * as repo from './mail.repo.js';

/** Ids per query: well under both databases' bound-parameter limits. */
const CHUNK = 500;

/** E-mails the reminders of the given tasks to the assignees who asked for them. Called only after
 * the transaction that claimed or created the tasks has committed. At most once, by design: the popup
 * in the app is the reminder that is guaranteed; a relay that is down or refuses a message is logged
 * and never fails the claim or the job (and so never makes them send the popups twice). */
export async function sendTaskReminders(deps: Deps, taskIds: string[], opts: { creation?: boolean } = {}): Promise<number> {
  const { smtpUrl, mailFrom } = deps.config;
  if (!smtpUrl || taskIds.length === 0) return 0;
  let sent = 0;
  try {
    const transport = nodemailer.createTransport({
      url: smtpUrl,
      // A relay that does not answer must not hold the scheduler's tick for minutes.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    for (let i = 0; i < taskIds.length; i += CHUNK) {
      for (const t of await repo.mailableTasks(deps.db, taskIds.slice(i, i + CHUNK))) {
        if (!opts.creation && mailedOnCreation(t)) continue;
        const { subject, text } = reminderMail(t);
        try {
          await transport.sendMail({ from: mailFrom ?? undefined, to: t.email, subject, text });
          sent++;
        } catch (err) {
          deps.log.warn({ err, taskId: t.id }, 'reminder e-mail not sent');
          // No reply code: the relay itself is unreachable, so the rest would fail the same way.
          if (!(err as { responseCode?: number }).responseCode) return sent;
        }
      }
    }
  } catch (err) {
    deps.log.warn({ err }, 'reminder e-mails not sent');
  }
  return sent;
}
