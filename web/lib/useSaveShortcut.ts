import { useEffect, useLayoutEffect, useRef } from 'react';

/** Ctrl+S / Cmd+S saves the open card, even while typing in a field. */
export function useSaveShortcut(save: () => void, enabled = true) {
  const ref = useRef(save);
  useLayoutEffect(() => {
    ref.current = save;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.code === 'KeyS' || e.key.toLowerCase() === 's')) {
        e.preventDefault();
        ref.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
