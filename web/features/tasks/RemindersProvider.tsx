import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../shared/api/tasks';
import { taskKeys, useDueReminders } from './tasks.queries';
import { useFormat } from '../../lib/useFormat';
import { useBrowserNotifications } from '../notifications/browserNotifications';
import { RemindersPanel } from './RemindersPanel';
import { useNotificationStream } from '../notifications/useNotificationStream';

/**
 * Mounted once in the signed-in layout. Asks GET /api/tasks/reminders at once (so a user who was
 * away sees what fell due: the newest page, the count of all, more on request), whenever the server
 * hints (`reminder`, `taskChanged`, a (re)connect), when the window gets the focus back, and every
 * 30 s as a fallback; shows them in the panel.
 * Done or snoozed in another tab: that tab's `taskChanged` removes the popup here too.
 */
export function RemindersProvider() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const reminders = useDueReminders();

  // Any hint may change the popups and the task lists on screen (a new birthday task comes as a
  // reminder); only the queries in use are refetched.
  useNotificationStream(() => void qc.invalidateQueries({ queryKey: taskKeys.all }));

  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === 'visible') void qc.invalidateQueries({ queryKey: taskKeys.reminders });
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [qc]);

  const describe = (task: Task) =>
    task.dueAt ? t('reminders.due', { time: fmt.dateTime(task.dueAt) }) : t('reminders.remindAt', { time: fmt.dateTime(task.alertAt) });
  useBrowserNotifications(reminders.data?.items, describe);

  return (
    <RemindersPanel
      items={reminders.data?.items ?? []}
      total={reminders.data?.total ?? 0}
      left={reminders.data?.left ?? 0}
      loadingMore={reminders.isFetchingNextPage}
      onMore={() => void reminders.fetchNextPage()}
    />
  );
}
