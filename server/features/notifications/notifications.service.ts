import type { PubSub } from '../../db/dialect.js';
import type { Db, Trx } from '../../db/database.js';

/** reminder: a popup came due; taskChanged: a task was completed, snoozed or edited (close its popup);
 * signedOut: a session or API token of the user ended, so the user's open streams re-check theirs
 * (never sent to browsers). */
export type UserNotification =
  { userId: string; type: 'reminder' | 'taskChanged'; taskId: string } | { userId: string; type: 'signedOut'; taskId?: undefined };

export interface Notifier {
  notify(n: UserNotification): Promise<void>;
  /** Runs `work` in a write transaction whose notifications go out only if it commits: claiming due
   * popups and pushing them is one atomic step, so a crash between the two loses nothing (the rows
   * stay unclaimed and another instance takes them). */
  inTransaction<T>(db: Db, work: (trx: Trx, notify: (n: UserNotification) => void) => Promise<T>): Promise<T>;
  /** Listen for one user's notifications; returns the unsubscribe function. */
  listen(userId: string, fn: (n: UserNotification) => void): () => void;
}

export function createNotifier(pubsub: PubSub): Notifier {
  return {
    notify: (n) => pubsub.publish(n),
    inTransaction: (db, work) => pubsub.transaction(db, (trx, publish) => work(trx, publish)),
    listen: (userId, fn) =>
      pubsub.subscribe((m: UserNotification) => {
        if (m?.userId === userId) fn(m);
      }),
  };
}

/** For processes without browsers (demo loader, benchmark): the work runs, nobody is told. */
export const silentNotifier: Notifier = {
  notify: async () => {},
  inTransaction: (db, work) => db.transaction().execute((trx) => work(trx, () => {})),
  listen: () => () => {},
};
