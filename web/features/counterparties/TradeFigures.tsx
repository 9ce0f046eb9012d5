import { Paper, SimpleGrid, Text } from '@mantine/core';

/** Figures above a tab's list: a label and a large number each. */
export function TradeFigures({ items, testId }: { items: { label: string; value: string; testId: string }[]; testId: string }) {
  return (
    <SimpleGrid cols={items.length} spacing="xs" data-testid={testId}>
      {items.map((i) => (
        <Paper key={i.testId} withBorder p="xs">
          <Text size="xs" c="dimmed">
            {i.label}
          </Text>
          <Text
            fz={{ base: 'sm', sm: 'lg' }}
            fw={700}
            style={{ fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}
            data-testid={i.testId}
          >
            {i.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
