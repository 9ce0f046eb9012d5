import { Checkbox, Group, NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CounterpartyKind } from '../../../shared/api/counterparties';
import type { FieldErrors } from '../../api/errors';
import { ResponsibleSelect } from '../users/ResponsibleSelect';
import { COUNTERPARTY_KINDS, type CounterpartyForm } from './counterpartyForm';

interface Props {
  form: CounterpartyForm;
  errors: FieldErrors;
  onChange: (patch: Partial<CounterpartyForm>) => void;
}

/** The «Основное» tab: requisites, roles and the responsible manager. */
export function CounterpartyMainTab({ form, errors, onChange }: Props) {
  const { t } = useTranslation();
  const text = (field: 'name' | 'fullName' | 'inn' | 'kpp') => ({
    value: form[field],
    error: errors[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange({ [field]: e.currentTarget.value }),
    'data-testid': `counterparty-${field}`,
  });
  return (
    <Stack gap="sm" maw={900}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('counterparty.name')} required autoFocus maxLength={200} {...text('name')} />
        <NativeSelect
          label={t('counterparty.kind')}
          value={form.kind}
          error={errors.kind}
          data-testid="counterparty-kind"
          data={COUNTERPARTY_KINDS.map((k) => ({ value: k, label: t(`counterpartyKinds.${k}`) }))}
          onChange={(e) => onChange({ kind: e.currentTarget.value as CounterpartyKind })}
        />
      </SimpleGrid>
      <TextInput label={t('counterparty.fullName')} maxLength={500} {...text('fullName')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('counterparty.inn')}
          inputMode="numeric"
          maxLength={12}
          description={t(form.kind === 'legalEntity' ? 'counterparty.innHintLegal' : 'counterparty.innHintPerson')}
          {...text('inn')}
        />
        {form.kind === 'legalEntity' && (
          <TextInput
            label={t('counterparty.kpp')}
            inputMode="numeric"
            maxLength={9}
            description={t('counterparty.kppHint')}
            {...text('kpp')}
          />
        )}
      </SimpleGrid>
      <Group gap="xl">
        <Checkbox
          label={t('counterparty.isCustomer')}
          checked={form.isCustomer}
          error={errors.isCustomer}
          onChange={(e) => onChange({ isCustomer: e.currentTarget.checked })}
          data-testid="counterparty-isCustomer"
        />
        <Checkbox
          label={t('counterparty.isSupplier')}
          checked={form.isSupplier}
          error={errors.isSupplier}
          onChange={(e) => onChange({ isSupplier: e.currentTarget.checked })}
          data-testid="counterparty-isSupplier"
        />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <ResponsibleSelect
          label={t('counterparty.responsible')}
          value={form.responsibleUserId}
          error={errors.responsibleUserId}
          onChange={(id) => onChange({ responsibleUserId: id })}
          testId="counterparty-responsible"
        />
      </SimpleGrid>
      <Textarea
        label={t('common.comment')}
        autosize
        minRows={3}
        maxRows={10}
        maxLength={4000}
        value={form.comment}
        error={errors.comment}
        onChange={(e) => onChange({ comment: e.currentTarget.value })}
        data-testid="counterparty-comment"
      />
    </Stack>
  );
}
