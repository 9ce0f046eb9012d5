import { useEffect, useLayoutEffect, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { Box, Center, Group, Loader, NativeSelect, Stack, Text } from '@mantine/core';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { VirtualTable } from './VirtualTable';
import { usePhone } from '../lib/usePhone';

/** A record as a phone shows it: its name in full first, then the key facts, one per line. */
export interface RowCard {
  title: ReactNode;
  /** Marks beside the name (archived, ABC class, importance). */
  badges?: ReactNode;
  /** Short lines under the name; empty ones are left out. */
  facts: ReactNode[];
}

type Props<T> = ComponentProps<typeof VirtualTable<T>> & { card: (row: T) => RowCard };

/**
 * A list that is a table on a wide screen and readable rows on a phone, where a table's columns
 * would leave no room for the names. Both page through the same rows and load more on scroll.
 */
export function ResponsiveList<T>(p: Props<T>) {
  const phone = usePhone();
  if (!phone) return <VirtualTable {...p} />;
  return <CardList {...p} />;
}

const ESTIMATE = 76;

function CardList<T>(p: Props<T>) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => setOffset(listRef.current?.offsetTop ?? 0), []);
  // The page itself scrolls (filters scroll away); only the rows near the screen are rendered.
  const virtualizer = useWindowVirtualizer({
    count: p.rows.length,
    estimateSize: () => ESTIMATE,
    getItemKey: (i) => p.rowKey(p.rows[i]),
    overscan: 6,
    scrollMargin: offset,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : -1;

  useEffect(() => {
    if (p.hasMore && !p.loadingMore && lastIndex >= p.rows.length - 10) p.onLoadMore?.();
  }, [lastIndex, p.rows.length, p.hasMore, p.loadingMore]); // eslint-disable-line react-hooks/exhaustive-deps

  const sortable = p.columns.filter((c) => c.sortKey);
  return (
    <div data-testid={p.testId} aria-busy={p.stale || undefined} style={{ opacity: p.stale ? 0.55 : 1, transition: 'opacity 150ms' }}>
      {sortable.length > 0 && p.onSortChange && (
        <NativeSelect
          mb="xs"
          size="xs"
          label={t('lists.sort')}
          value={p.sort}
          onChange={(e) => p.onSortChange!(e.currentTarget.value)}
          data={sortable.flatMap((c) => [
            { value: c.sortKey!, label: `${c.label ?? c.header} ↑` },
            { value: `-${c.sortKey}`, label: `${c.label ?? c.header} ↓` },
          ])}
          data-testid={p.testId ? `${p.testId}-sort` : undefined}
        />
      )}
      <div ref={listRef} role="list" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((vi) => {
          const row = p.rows[vi.index];
          const c = p.card(row);
          return (
            <Box
              key={vi.key}
              ref={virtualizer.measureElement}
              data-index={vi.index}
              role="listitem"
              tabIndex={p.onRowClick ? 0 : undefined}
              data-testid={p.rowTestId}
              onClick={() => p.onRowClick?.(row)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') p.onRowClick?.(row);
              }}
              py={10}
              px={4}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${vi.start - offset}px)`,
                borderBottom: '1px solid var(--mantine-color-gray-3)',
                cursor: p.onRowClick ? 'pointer' : undefined,
              }}
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="row-title">
                  {c.title}
                </Text>
                {c.badges && (
                  <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                    {c.badges}
                  </Group>
                )}
              </Group>
              <Stack gap={0} mt={2}>
                {c.facts
                  .filter((f) => f !== null && f !== undefined && f !== '' && f !== false)
                  .map((f, i) => (
                    <Text key={i} size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {f}
                    </Text>
                  ))}
              </Stack>
            </Box>
          );
        })}
      </div>
      {p.loadingMore && (
        <Center p="sm">
          <Loader size="sm" />
        </Center>
      )}
      {p.footer && !p.loadingMore && <Center p="xs">{p.footer}</Center>}
    </div>
  );
}
