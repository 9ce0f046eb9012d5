import type { PubSub } from '../../db/dialect.js';

/** reminder: a popup came due; taskChanged: a task was completed, snoozed or edited (close its popup);
 * signedOut: a session or API token of the user ended, so the user's open streams re-check theirs
 * (never sent to browsers). */
export type UserNotification =
  { userId: string; type: 'reminder' | 'taskChanged'; taskId: string } | { userId: string; type: 'signedOut'; taskId?: undefined };

export interface Notifier {
  notify(n: UserNotification): Promise<void>;
  /** Listen for one user's notifications; returns the unsubscribe function. */
  listen(userId: string, fn: (n: UserNotification) => void): () => void;
}

export function createNotifier(pubsub: PubSub): Notifier {
  return {
    notify: (n) => pubsub.publish(n),
    listen: (userId, fn) =>
      pubsub.subscribe((m: UserNotification) => {
        if (m?.userId === userId) fn(m);
      }),
  };
}
