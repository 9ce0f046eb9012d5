import { useState, type FormEvent } from 'react';
import { ActionIcon, Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconCheck, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/errors';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { notifyError, notifySuccess } from '../../components/notify';
import { useCreateInfoSource, useInfoSources, useUpdateInfoSource, type InfoSource } from './info-sources.queries';

/** One source: the name is edited in place (Enter or the check mark saves); archive hides it from pickers. */
function SourceRow({ source }: { source: InfoSource }) {
  const { t } = useTranslation();
  const [name, setName] = useState(source.name);
  const update = useUpdateInfoSource();
  const changed = name.trim() !== source.name;
  const error = fieldErrorsOf(update.error, t).name;

  const rename = (e?: FormEvent) => {
    e?.preventDefault();
    if (!changed || !name.trim()) return;
    update.mutate(
      { id: source.id, patch: { name: name.trim() } },
      {
        onSuccess: () => notifySuccess(t('common.saved')),
        onError: (err) => notifyError(err, t),
      },
    );
  };
  const setArchived = (archived: boolean) =>
    update.mutate(
      { id: source.id, patch: { archived } },
      {
        onSuccess: () => notifySuccess(t(archived ? 'common.archivedDone' : 'common.restoredDone')),
        onError: (err) => notifyError(err, t),
      },
    );

  return (
    <Table.Tr data-testid="info-source-row" data-archived={source.archived || undefined}>
      <Table.Td>
        <form onSubmit={rename}>
          <Group gap="xs" wrap="nowrap">
            <TextInput
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={100}
              error={error}
              w={340}
              aria-label={t('infoSources.name')}
              data-testid="info-source-name"
              variant={source.archived ? 'filled' : 'default'}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setName(source.name);
              }}
            />
            {changed && (
              <ActionIcon
                type="submit"
                variant="light"
                loading={update.isPending}
                aria-label={t('common.save')}
                title={t('common.save')}
                data-testid="info-source-rename"
              >
                <IconCheck size={16} />
              </ActionIcon>
            )}
          </Group>
        </form>
      </Table.Td>
      <Table.Td w={140}>
        {source.archived && (
          <Badge color="gray" variant="light">
            {t('common.archived')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td w={200}>
        {source.archived ? (
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconArrowBackUp size={14} />}
            onClick={() => setArchived(false)}
            data-testid="info-source-restore"
          >
            {t('common.restore')}
          </Button>
        ) : (
          <Button
            size="xs"
            variant="subtle"
            color="orange"
            leftSection={<IconArchive size={14} />}
            onClick={() => setArchived(true)}
            data-testid="info-source-archive"
          >
            {t('common.archive')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** «Источники информации при обращении» (admin): the list managers pick from on an event. */
export function InfoSourcesPage() {
  const { t } = useTranslation();
  const sources = useInfoSources();
  const create = useCreateInfoSource();
  const [name, setName] = useState('');
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    create.mutate(name.trim(), {
      onSuccess: () => {
        setName('');
        notifySuccess(t('common.saved'));
      },
      onError: (err) => notifyError(err, t),
    });
  };

  if (sources.isError) return <ErrorPanel error={sources.error} onRetry={() => void sources.refetch()} />;
  if (!sources.data)
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  return (
    <>
      <PageHeader title={t('infoSources.title')} />
      <Stack maw={760} gap="md">
        <Text size="sm" c="dimmed">
          {t('infoSources.hint')}
        </Text>
        <Paper withBorder p="sm" component="form" onSubmit={add}>
          <Group gap="xs" align="flex-start">
            <TextInput
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              placeholder={t('infoSources.newPlaceholder')}
              maxLength={100}
              w={340}
              aria-label={t('infoSources.newPlaceholder')}
              error={fieldErrorsOf(create.error, t).name}
              data-testid="info-source-new"
            />
            <Button
              type="submit"
              leftSection={<IconPlus size={16} />}
              loading={create.isPending}
              disabled={!name.trim()}
              data-testid="info-source-add"
            >
              {t('infoSources.add')}
            </Button>
          </Group>
        </Paper>
        {sources.data.length === 0 ? (
          <Text c="dimmed">{t('infoSources.empty')}</Text>
        ) : (
          <Table data-testid="info-sources-table">
            <Table.Tbody>
              {sources.data.map((s) => (
                <SourceRow key={`${s.id}-${s.name}`} source={s} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </>
  );
}
