import { useEffect, useRef, useState } from 'react';
import { ActionIcon, Affix, Badge, Button, Group, Paper, ScrollArea, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconBell, IconBellPlus, IconChevronDown, IconChevronUp } from '@tabler/icons-react';
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

/**
 * The reminder window (1C's «Напоминания»): a non-modal panel in the corner listing the reminders
 * due now, newest first, so work on the page can go on. It can be folded; a new reminder unfolds
 * it. A user back after a long absence sees the count of all and loads older ones on request.
 */
export function RemindersPanel({ items, total, left, loadingMore, onMore }: Props) {
  const { t } = useTranslation();
  const [folded, setFolded] = useState(false);
  const seen = useRef(new Set<string>());
  const browser = useBrowserNotificationPermission();

  useEffect(() => {
    // A snoozed reminder that comes back is new again: the key includes its alert time.
    const keys = items.map((x) => `${x.id}@${x.alertAt}`);
    const fresh = keys.some((k) => !seen.current.has(k));
    for (const k of keys) seen.current.add(k);
    if (fresh) setFolded(false);
  }, [items]);

  if (items.length === 0) return null;
  return (
    <Affix position={{ bottom: 16, right: 16 }} zIndex={190}>
      <Paper
        shadow="xl"
        withBorder
        radius="md"
        w={430}
        maw="calc(100vw - 32px)"
        role="dialog"
        aria-label={t('reminders.title')}
        data-testid="reminders-panel"
        data-folded={folded || undefined}
      >
        <Group
          justify="space-between"
          px="sm"
          py={8}
          wrap="nowrap"
          bg="teal.0"
          style={{ borderRadius: folded ? 'var(--mantine-radius-md)' : 'var(--mantine-radius-md) var(--mantine-radius-md) 0 0' }}
        >
          <UnstyledButton onClick={() => setFolded((f) => !f)} style={{ flex: 1 }} data-testid="reminders-toggle">
            <Group gap="xs" wrap="nowrap">
              <IconBell size={18} />
              <Text fw={700} size="sm">
                {t('reminders.title')}
              </Text>
              <Badge size="sm" circle={total < 100} color="red" data-testid="reminders-count">
                {total}
              </Badge>
            </Group>
          </UnstyledButton>
          <Group gap={4} wrap="nowrap">
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
            <ActionIcon
              variant="subtle"
              onClick={() => setFolded((f) => !f)}
              aria-label={folded ? t('reminders.expand') : t('reminders.collapse')}
            >
              {folded ? <IconChevronUp size={18} /> : <IconChevronDown size={18} />}
            </ActionIcon>
          </Group>
        </Group>
        {!folded && (
          <ScrollArea.Autosize mah="min(55vh, 520px)" type="auto">
            <Stack gap="xs" p="xs">
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
        )}
      </Paper>
    </Affix>
  );
}
