import { useEffect, useState } from 'react';
import { ActionIcon, Affix, Badge, Button, Group, Paper, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { useElementSize, useMediaQuery } from '@mantine/hooks';
import { IconBell, IconBellPlus, IconChevronDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../shared/api/tasks';
import { useBrowserNotificationPermission } from '../notifications/browserNotifications';
import { ReminderCard } from './ReminderCard';

interface Props {
  /** The loaded popups, newest first. */
  items: Task[];
  /** All popups due now (the count on the header), loaded or not. */
  total: number;
  /** How many are not loaded yet; the button at the bottom loads the next page. */
  left: number;
  loadingMore: boolean;
  onMore(): void;
}

const PHONE = '(max-width: 36em)';
const STORE = 'crm.remindersPanel';
/** Keys of popups already seen, kept so a reload does not count them as new again. */
const SEEN_CAP = 500;
/** Room between the page's last line and the dock, so nothing of the page stays under it. */
const GAP = 16;

interface Stored {
  collapsed: boolean | null;
  seen: string[];
}

function readStored(): Stored {
  try {
    const s = JSON.parse(sessionStorage.getItem(STORE) ?? 'null') as Partial<Stored> | null;
    return { collapsed: typeof s?.collapsed === 'boolean' ? s.collapsed : null, seen: Array.isArray(s?.seen) ? s.seen : [] };
  } catch {
    return { collapsed: null, seen: [] };
  }
}

function writeStored(s: Stored) {
  try {
    sessionStorage.setItem(STORE, JSON.stringify({ collapsed: s.collapsed, seen: s.seen.slice(-SEEN_CAP) }));
  } catch {
    // Private mode or a full storage: the panel still works, it just forgets on reload.
  }
}

/**
 * The reminder window (1C's «Напоминания»): a narrow non-modal dock at the bottom right listing the
 * reminders due now, newest first, so work on the page goes on. It collapses to a small counter
 * button «Напоминания: N» (the choice is kept while the tab lives, across pages and reloads); a new
 * reminder expands it, except on a phone, where it stays a counter. The page gets bottom padding as
 * tall as the dock, so the dock never hides the page's own buttons.
 */
export function RemindersPanel({ items, total, left, loadingMore, onMore }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery(PHONE, window.matchMedia(PHONE).matches, { getInitialValueInEffect: false });
  const [state, setState] = useState<Stored>(readStored);
  const browser = useBrowserNotificationPermission();
  const { ref, height } = useElementSize();
  // Without a choice of the user's, a phone shows the counter and a larger screen the list.
  const collapsed = state.collapsed ?? phone;
  const visible = items.length > 0;
  const choose = (c: boolean) => setState((s) => ({ ...s, collapsed: c }));

  // A snoozed reminder that comes back is new again: the key includes its alert time. A new one
  // expands the list (adjusted during render, not in an effect); on a phone only the count grows.
  const seen = new Set(state.seen);
  const fresh = items.map((x) => `${x.id}@${x.alertAt}`).filter((k) => !seen.has(k));
  if (fresh.length > 0) {
    setState((s) => ({ collapsed: phone ? s.collapsed : false, seen: [...s.seen, ...fresh].slice(-SEEN_CAP) }));
  }

  useEffect(() => writeStored(state), [state]);

  useEffect(() => {
    if (!visible || height === 0) return;
    const body = document.body.style;
    const before = body.paddingBottom;
    body.paddingBottom = `${Math.ceil(height) + GAP * 2}px`;
    return () => {
      body.paddingBottom = before;
    };
  }, [visible, height]);

  if (!visible) return null;
  return (
    <Affix position={{ bottom: GAP, right: GAP }} zIndex={190}>
      <div ref={ref} data-testid="reminders-panel" data-folded={collapsed || undefined}>
        {collapsed ? (
          <Tooltip label={t('reminders.expand')} withinPortal>
            <Button
              variant="filled"
              color="teal"
              radius="xl"
              size="compact-md"
              leftSection={<IconBell size={16} />}
              onClick={() => choose(false)}
              aria-expanded={false}
              data-testid="reminders-toggle"
              style={{ boxShadow: 'var(--mantine-shadow-md)' }}
            >
              <span>
                {t('reminders.title')}: <span data-testid="reminders-count">{total}</span>
              </span>
            </Button>
          </Tooltip>
        ) : (
          <Paper
            shadow="xl"
            withBorder
            radius="md"
            w={360}
            maw="calc(100vw - 32px)"
            role="dialog"
            aria-label={t('reminders.title')}
            data-testid="reminders-window"
            style={{ overflow: 'hidden' }}
          >
            <Group justify="space-between" pl="sm" pr={6} py={6} wrap="nowrap" bg="teal.0" gap="xs">
              <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                <IconBell size={16} style={{ flexShrink: 0 }} />
                <Text fw={700} size="sm" truncate>
                  {t('reminders.title')}
                </Text>
                <Badge size="sm" color="red" circle={total < 100} data-testid="reminders-count">
                  {total}
                </Badge>
              </Group>
              <Group gap={2} wrap="nowrap">
                {browser.permission === 'default' && (
                  <Tooltip label={t('reminders.enableBrowser')} withinPortal>
                    <ActionIcon
                      variant="subtle"
                      onClick={() => void browser.request()}
                      aria-label={t('reminders.enableBrowser')}
                      data-testid="reminders-browser-permission"
                    >
                      <IconBellPlus size={18} />
                    </ActionIcon>
                  </Tooltip>
                )}
                <Tooltip label={t('reminders.collapse')} withinPortal>
                  <ActionIcon
                    variant="subtle"
                    onClick={() => choose(true)}
                    aria-expanded
                    aria-label={t('reminders.collapse')}
                    data-testid="reminders-toggle"
                  >
                    <IconChevronDown size={18} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Group>
            <ScrollArea.Autosize mah="min(45vh, 420px)" type="auto" scrollbars="y" offsetScrollbars>
              <Stack gap={6} p={6}>
                {items.map((task) => (
                  <ReminderCard key={task.id} task={task} />
                ))}
                {left > 0 && (
                  <Button variant="subtle" size="xs" onClick={onMore} loading={loadingMore} data-testid="reminders-more">
                    {t('reminders.more', { left })}
                  </Button>
                )}
              </Stack>
            </ScrollArea.Autosize>
          </Paper>
        )}
      </div>
    </Affix>
  );
}
