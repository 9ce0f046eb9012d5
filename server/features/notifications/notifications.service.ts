import type { PubSub } from '../../db/dialect.js';

export interface UserNotification {
  userId: string;
  /** reminder: a popup came due; taskChanged: a task was completed, snoozed or edited (close its popup). */
  type: 'reminder' | 'taskChanged';
  taskId: string;
}

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
