import { Paper, SimpleGrid, Text } from '@mantine/core';

/** Figures above a tab's list: a label and a large number each. */
export function TradeFigures({ items, testId }: { items: { label: string; value: string; testId: string }[]; testId: string }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: items.length }} spacing="sm" data-testid={testId}>
      {items.map((i) => (
        <Paper key={i.testId} withBorder p="sm">
          <Text size="xs" c="dimmed">
            {i.label}
          </Text>
          <Text size="lg" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={i.testId}>
            {i.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
