import { useEffect, useLayoutEffect, useRef } from 'react';

type StreamHint = 'open' | 'reminder' | 'taskChanged';

/** After the server refused the stream (signed out, restarted), try again this much later. */
const RECONNECT_MS = 15_000;

/**
 * Listens to /api/notifications/stream. Every message is only a hint to refetch: the tables are the
 * truth. `open` also fires after each reconnect, when messages may have been missed.
 */
export function useNotificationStream(onHint: (hint: StreamHint) => void) {
  const callback = useRef(onHint);
  useLayoutEffect(() => {
    callback.current = onHint;
  });

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: number | undefined;
    let stopped = false;
    const connect = () => {
      source = new EventSource('/api/notifications/stream');
      source.addEventListener('open', () => callback.current('open'));
      source.addEventListener('reminder', () => callback.current('reminder'));
      source.addEventListener('taskChanged', () => callback.current('taskChanged'));
      source.addEventListener('error', () => {
        // The browser reconnects by itself after a dropped connection, but not after an error answer.
        if (stopped || source?.readyState !== EventSource.CLOSED) return;
        window.clearTimeout(retry);
        retry = window.setTimeout(connect, RECONNECT_MS);
      });
    };
    connect();
    return () => {
      stopped = true;
      window.clearTimeout(retry);
      source?.close();
    };
  }, []);
}
