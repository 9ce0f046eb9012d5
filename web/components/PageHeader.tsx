import type { ReactNode } from 'react';
import { Group, Title } from '@mantine/core';

/** The page's title is its one level-one heading (drawn at the size of a second-level one). */
export function PageHeader({ title, children, badge }: { title: ReactNode; children?: ReactNode; badge?: ReactNode }) {
  return (
    <Group justify="space-between" mb="md" wrap="wrap" gap="sm">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }} data-testid="page-title">
          {title}
        </Title>
        {badge}
      </Group>
      {children && <Group gap="sm">{children}</Group>}
    </Group>
  );
}
