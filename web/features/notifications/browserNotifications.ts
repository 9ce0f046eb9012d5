import { useEffect, useRef, useState } from 'react';
import type { Task } from '../../../shared/api/tasks';

const supported = () => typeof window !== 'undefined' && 'Notification' in window;

/** The browser's permission for its own notifications; asking happens only on the user's click. */
export function useBrowserNotificationPermission() {
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(() =>
    supported() ? Notification.permission : 'unsupported',
  );
  const request = async () => {
    if (!supported()) return;
    setPermission(await Notification.requestPermission());
  };
  return { permission, request };
}

/** Shows the browser's notification for reminders that arrive while the tab is in the background. */
export function useBrowserNotifications(items: Task[] | undefined, describe: (t: Task) => string) {
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!items) return;
    const keyOf = (t: Task) => `${t.id}@${t.alertAt}`;
    const ids = new Set(items.map(keyOf));
    // The first answer is what was already due at sign-in: the panel shows it, no need to pop up.
    const before = seen.current;
    seen.current = ids;
    if (!before || !supported() || Notification.permission !== 'granted' || !document.hidden) return;
    for (const t of items) {
      if (before.has(keyOf(t))) continue;
      try {
        const n = new Notification(t.title, { body: describe(t), tag: t.id });
        n.onclick = () => {
          window.focus();
          n.close();
        };
      } catch {
        // Some browsers allow notifications only from a service worker; the panel still shows it.
      }
    }
  }, [items]); // eslint-disable-line react-hooks/exhaustive-deps
}
