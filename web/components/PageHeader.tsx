import type { ReactNode } from 'react';
import { Group, Title } from '@mantine/core';

export function PageHeader({ title, children, badge }: { title: ReactNode; children?: ReactNode; badge?: ReactNode }) {
  return (
    <Group justify="space-between" mb="md" wrap="wrap" gap="sm">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <Title order={2} style={{ overflowWrap: 'anywhere' }} data-testid="page-title">
          {title}
        </Title>
        {badge}
      </Group>
      {children && <Group gap="sm">{children}</Group>}
    </Group>
  );
}
