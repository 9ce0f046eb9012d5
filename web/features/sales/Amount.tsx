import { Text } from '@mantine/core';

/** A figure in a table cell: right-aligned with digits of equal width, so columns of sums line up. */
export function Amount({ children, strong, testId }: { children: string; strong?: boolean; testId?: string }) {
  return (
    <Text
      size="sm"
      ta="right"
      fw={strong ? 700 : undefined}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
      data-testid={testId}
    >
      {children}
    </Text>
  );
}
