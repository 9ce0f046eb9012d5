import { Button, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function NotFoundPage({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" p="md">
      <Title order={1} size="h3">
        {title}
      </Title>
      <Button component={Link} to="/counterparties" variant="light">
        {t('nav.counterparties')}
      </Button>
    </Stack>
  );
}
