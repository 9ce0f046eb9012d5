import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { Center, Group, Loader, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';

export interface Column<T> {
  key: string;
  header: string;
  /** The column's full name for screen readers and as a tooltip, when the header is a symbol. */
  label?: string;
  width?: number | string;
  /** A column without a width takes the free width, but never less than this (px). Set on any column,
   * the table's least width is the sum of the columns' (120 for one without either), else 900. */
  minWidth?: number;
  /** The text wraps onto more lines (a name) instead of being cut with an ellipsis; the row grows. */
  wrap?: boolean;
  /** Server sort key; when set the header is clickable. */
  sortKey?: string;
  render: (row: T) => ReactNode;
}

interface Props<T> {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  onRowClick?: (row: T) => void;
  /** Current sort: "name" or "-name". */
  sort?: string;
  onSortChange?: (sort: string) => void;
  hasMore?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
  height?: CSSProperties['height'];
  testId?: string;
  rowTestId?: string;
  /** The rows are from the previous filter while the new ones load. */
  stale?: boolean;
  /** Text under the table, e.g. how many rows are loaded. */
  footer?: ReactNode;
}

const ROW_HEIGHT = 41;
const cell: CSSProperties = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' };
const wrapping: CSSProperties = { whiteSpace: 'normal', overflowWrap: 'anywhere' };
const head: CSSProperties = { verticalAlign: 'bottom', lineHeight: 1.25 };

function SortIcon({ active, desc }: { active: boolean; desc: boolean }) {
  if (!active) return <IconArrowsSort size={14} opacity={0.4} />;
  return desc ? <IconArrowDown size={14} /> : <IconArrowUp size={14} />;
}

/**
 * A table that renders only the rows in view and asks for the next page when the user scrolls
 * near the end, so lists of hundreds of thousands of rows stay fast.
 */
export function VirtualTable<T>(p: Props<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: p.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Rows with wrapped names are taller: each row is measured, and the measure stays with its record.
    getItemKey: (i) => p.rowKey(p.rows[i]),
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : -1;

  useEffect(() => {
    if (p.hasMore && !p.loadingMore && lastIndex >= p.rows.length - 20) p.onLoadMore?.();
  }, [lastIndex, p.rows.length, p.hasMore, p.loadingMore]); // eslint-disable-line react-hooks/exhaustive-deps

  const paddingTop = items.length ? items[0].start : 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const span = p.columns.length;
  // Narrower than this the table scrolls sideways instead of squeezing the free-width columns.
  const minWidth = p.columns.some((c) => c.minWidth)
    ? p.columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : (c.minWidth ?? 120)), 0)
    : 900;

  const header = (c: Column<T>) => {
    if (!c.sortKey || !p.onSortChange) return c.header;
    const active = p.sort === c.sortKey || p.sort === `-${c.sortKey}`;
    const desc = p.sort === `-${c.sortKey}`;
    const next = active && !desc ? `-${c.sortKey}` : c.sortKey;
    return (
      <UnstyledButton onClick={() => p.onSortChange!(next)} data-testid={`sort-${c.sortKey}`} fw={700} fz="sm">
        <Group gap={4} wrap="nowrap">
          <span>{c.header}</span>
          <SortIcon active={active} desc={desc} />
        </Group>
      </UnstyledButton>
    );
  };

  return (
    <div
      ref={scrollRef}
      data-testid={p.testId}
      aria-busy={p.stale || undefined}
      style={{
        height: p.height ?? 'calc(100vh - 220px)',
        overflow: 'auto',
        minHeight: 240,
        opacity: p.stale ? 0.55 : 1,
        transition: 'opacity 150ms',
      }}
    >
      <Table stickyHeader highlightOnHover style={{ tableLayout: 'fixed', minWidth }}>
        <Table.Thead>
          <Table.Tr>
            {p.columns.map((c) => (
              <Table.Th
                key={c.key}
                style={{ width: c.width, ...head }}
                aria-label={c.label}
                title={c.label}
                aria-sort={p.sort === c.sortKey ? 'ascending' : p.sort === `-${c.sortKey}` ? 'descending' : undefined}
              >
                {header(c)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {paddingTop > 0 && (
            <tr style={{ height: paddingTop }}>
              <td colSpan={span} />
            </tr>
          )}
          {items.map((vi) => {
            const row = p.rows[vi.index];
            return (
              <Table.Tr
                key={p.rowKey(row)}
                ref={virtualizer.measureElement}
                data-index={vi.index}
                style={{ height: ROW_HEIGHT, cursor: p.onRowClick ? 'pointer' : undefined }}
                tabIndex={p.onRowClick ? 0 : undefined}
                data-testid={p.rowTestId}
                onClick={() => p.onRowClick?.(row)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') p.onRowClick?.(row);
                }}
              >
                {p.columns.map((c) => {
                  const content = c.render(row);
                  // Truncated text stays readable on hover.
                  return (
                    <Table.Td key={c.key} style={c.wrap ? wrapping : cell} title={typeof content === 'string' ? content : undefined}>
                      {content}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            );
          })}
          {paddingBottom > 0 && (
            <tr style={{ height: paddingBottom }}>
              <td colSpan={span} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
      {p.loadingMore && (
        <Center p="sm">
          <Loader size="sm" />
        </Center>
      )}
      {p.footer && !p.loadingMore && <Center p="xs">{p.footer}</Center>}
    </div>
  );
}
