import { useCallback, useContext, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Button, Group, Modal, Text } from '@mantine/core';
import { UNSAFE_DataRouterContext, UNSAFE_NavigationContext, useBlocker, type BlockerFunction, type Navigator } from 'react-router';
import { useTranslation } from 'react-i18next';
import { onLeaveAsk, type LeaveGuardProps } from '../lib/leaveGuard';

/** Where the user was going, held while they answer. */
interface Pending {
  proceed: () => void;
  cancel: () => void;
}

type To = Parameters<Navigator['push']>[0];

const pathOf = (to: To) => (typeof to === 'string' ? to.split(/[?#]/)[0] : (to.pathname ?? ''));

/**
 * «Данные были изменены. Сохранить изменения?» when a card with unsaved changes is left: by a link
 * or navigate() inside the app, by signing out, or by closing or reloading the tab (there the browser
 * asks in its own words). The browser's Back button is held too once the app runs under a data router
 * (createBrowserRouter): a plain <BrowserRouter> cannot hold a history step that already happened.
 * Changing only the query string (a tab of the card) is not leaving.
 */
export function LeaveGuard(p: LeaveGuardProps) {
  // useBlocker needs a data router; under a plain <BrowserRouter> the history's navigator is guarded.
  const dataRouter = useContext(UNSAFE_DataRouterContext);
  return dataRouter ? <RouterGuard {...p} /> : <NavigatorGuard {...p} />;
}

function RouterGuard(p: LeaveGuardProps) {
  const dirty = useLatest(p.isDirty);
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) => dirty.current() && currentLocation.pathname !== nextLocation.pathname,
    [dirty],
  );
  const blocker = useBlocker(shouldBlock);
  const pending: Pending | null = blocker.state === 'blocked' ? { proceed: () => blocker.proceed(), cancel: () => blocker.reset() } : null;
  return <Guard {...p} navigation={pending} />;
}

function NavigatorGuard(p: LeaveGuardProps) {
  const dirty = useLatest(p.isDirty);
  const { navigator } = useContext(UNSAFE_NavigationContext);
  const [pending, setPending] = useState<Pending | null>(null);
  useEffect(
    () =>
      holdNavigations(
        navigator,
        (to) => dirty.current() && pathOf(to) !== window.location.pathname,
        (go) => setPending({ proceed: () => (setPending(null), go()), cancel: () => setPending(null) }),
      ),
    [navigator, dirty],
  );
  return <Guard {...p} navigation={pending} />;
}

/**
 * Every link and navigate() of a <BrowserRouter> goes through its navigator's push/replace: while
 * mounted, the navigations `hold` picks are handed to `onHeld` (with the way to go on) instead of
 * happening. Returns the function that restores the navigator.
 */
function holdNavigations(nav: Navigator, hold: (to: To) => boolean, onHeld: (go: () => void) => void) {
  const { push, replace } = nav;
  const guard =
    (go: Navigator['push']): Navigator['push'] =>
    (to, ...rest) => {
      if (!hold(to)) return go.call(nav, to, ...rest);
      onHeld(() => go.call(nav, to, ...rest));
    };
  nav.push = guard(push);
  nav.replace = guard(replace);
  return () => {
    nav.push = push;
    nav.replace = replace;
  };
}

/** The question itself, for a navigation held by the router and for signing out; the tab's unload. */
function Guard({ isDirty, save, navigation }: LeaveGuardProps & { navigation: Pending | null }) {
  const { t } = useTranslation();
  const dirty = useLatest(isDirty);
  const [signOut, setSignOut] = useState<Pending | null>(null);
  const [saving, setSaving] = useState(false);
  const pending = navigation ?? signOut;

  useEffect(
    () =>
      onLeaveAsk((proceed) => {
        if (!dirty.current()) return proceed();
        setSignOut({ proceed: () => (setSignOut(null), proceed()), cancel: () => setSignOut(null) });
      }),
    [dirty],
  );

  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      if (!dirty.current()) return;
      e.preventDefault();
      // Older browsers show the question only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [dirty]);

  const saveAndGo = async () => {
    if (!pending) return;
    setSaving(true);
    const saved = await save();
    setSaving(false);
    // A refused save stays on the card, with the errors at its fields.
    if (saved) pending.proceed();
    else pending.cancel();
  };

  return (
    <Modal
      opened={!!pending}
      onClose={() => pending?.cancel()}
      title={t('unsaved.title')}
      centered
      closeOnClickOutside={!saving}
      data-testid="unsaved-dialog"
    >
      <Text mb="lg">{t('unsaved.question')}</Text>
      <Group justify="flex-end" gap="sm">
        <Button onClick={() => void saveAndGo()} loading={saving} data-testid="unsaved-save">
          {t('unsaved.save')}
        </Button>
        <Button variant="default" onClick={() => pending?.proceed()} disabled={saving} data-testid="unsaved-discard">
          {t('unsaved.discard')}
        </Button>
        <Button variant="subtle" onClick={() => pending?.cancel()} disabled={saving} data-testid="unsaved-cancel">
          {t('common.cancel')}
        </Button>
      </Group>
    </Modal>
  );
}

/** A ref that always holds the latest value (read in handlers registered once). */
function useLatest<T>(value: T) {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
