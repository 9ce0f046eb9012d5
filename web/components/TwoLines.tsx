import { Text } from '@mantine/core';

/** Two short values one above the other in a narrow table cell, each cut with an ellipsis and whole on hover. */
export function TwoLines({ first, second }: { first: string; second: string }) {
  return (
    <div style={{ lineHeight: 1.3 }}>
      <Text size="sm" truncate title={first || undefined}>
        {first}
      </Text>
      {second && (
        <Text size="xs" c="dimmed" truncate title={second}>
          {second}
        </Text>
      )}
    </div>
  );
}
