import { ActionIcon, Button, Group, NativeSelect, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ContactInfoKind } from '../../../shared/api/contact-info';
import type { RowErrors } from '../../api/errors';
import { CONTACT_INFO_KINDS, newRowKey, type ContactInfoRow } from './contactInfo';
import { usePhone } from '../../lib/usePhone';

interface Props {
  rows: ContactInfoRow[];
  onChange: (rows: ContactInfoRow[]) => void;
  errors?: RowErrors;
  /** An error for the list as a whole (e.g. too many entries). */
  listError?: string;
  readOnly?: boolean;
}

/** Editable list of typed contact information entries, shared by counterparties and contact persons. */
export function ContactInfoEditor({ rows, onChange, errors = {}, listError, readOnly }: Props) {
  const { t } = useTranslation();
  const phone = usePhone();
  const kindOptions = CONTACT_INFO_KINDS.map((k) => ({ value: k, label: t(`contactInfoKinds.${k}`) }));

  const update = (key: string, patch: Partial<ContactInfoRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const remove = (key: string) => onChange(rows.filter((r) => r.key !== key));
  const add = () => {
    const used = new Set(rows.map((r) => r.kind));
    const kind: ContactInfoKind = !used.has('phone') ? 'phone' : !used.has('email') ? 'email' : 'phone';
    onChange([...rows, { key: newRowKey(), kind, value: '', comment: '' }]);
  };

  return (
    <Stack gap="xs" data-testid="contact-info-editor">
      {rows.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('contactInfo.empty')}
        </Text>
      )}
      {rows.map((r, i) => {
        const e = errors[r.key] ?? {};
        const hint = r.normalized && r.value === r.savedValue && r.normalized !== r.value ? r.normalized : undefined;
        const kind = (
          <NativeSelect
            w={phone ? undefined : 190}
            style={phone ? { flex: 1 } : undefined}
            data={kindOptions}
            value={r.kind}
            error={e.kind}
            disabled={readOnly}
            aria-label={t('contactInfo.kind')}
            data-testid={`ci-kind-${i}`}
            onChange={(ev) => update(r.key, { kind: ev.currentTarget.value as ContactInfoKind })}
          />
        );
        const value = (
          <TextInput
            style={phone ? undefined : { flex: 2 }}
            value={r.value}
            error={e.value}
            description={hint}
            readOnly={readOnly}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            placeholder={t(`contactInfo.placeholders.${r.kind}`)}
            aria-label={t('contactInfo.value')}
            autoFocus={!r.savedValue && i === rows.length - 1 && r.value === ''}
            data-testid={`ci-value-${i}`}
            onChange={(ev) => update(r.key, { value: ev.currentTarget.value })}
          />
        );
        const comment = (
          <TextInput
            style={phone ? undefined : { flex: 1 }}
            value={r.comment}
            error={e.comment}
            readOnly={readOnly}
            placeholder={t('contactInfo.comment')}
            aria-label={t('contactInfo.comment')}
            data-testid={`ci-comment-${i}`}
            onChange={(ev) => update(r.key, { comment: ev.currentTarget.value })}
          />
        );
        const removeButton = !readOnly && (
          <Tooltip label={t('contactInfo.remove')}>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              onClick={() => remove(r.key)}
              aria-label={t('contactInfo.remove')}
              data-testid={`ci-remove-${i}`}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        );
        // On a phone a row is a small block (kind and remove, then the value, then the comment), so the
        // value has the whole width; on a wide screen it is one line.
        if (phone)
          return (
            <Stack
              key={r.key}
              gap={6}
              pb="xs"
              data-testid="contact-info-row"
              style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
            >
              <Group wrap="nowrap" gap="xs">
                {kind}
                {removeButton}
              </Group>
              {value}
              {comment}
            </Stack>
          );
        return (
          <Group key={r.key} align="flex-start" wrap="nowrap" gap="xs" data-testid="contact-info-row">
            {kind}
            {value}
            {comment}
            {removeButton}
          </Group>
        );
      })}
      {listError && (
        <Text c="red" size="sm">
          {listError}
        </Text>
      )}
      {!readOnly && (
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={add} data-testid="ci-add">
            {t('contactInfo.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
