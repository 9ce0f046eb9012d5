import { Box, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DIGIT_FIELDS, type RequisiteField, type Requisites } from './requisites';

const MAX: Partial<Record<RequisiteField, number>> = {
  companyInn: 12,
  companyKpp: 9,
  companyBik: 9,
  companyAccount: 20,
  companyCorrAccount: 20,
};

interface Props {
  form: Requisites;
  errors: Partial<Record<string, string>>;
  onChange: (p: Partial<Requisites>) => void;
}

/** «Реквизиты организации» for the printed forms: INN, KPP, address, bank, BIK, accounts, signatories. */
export function RequisitesSection({ form, errors, onChange }: Props) {
  const { t } = useTranslation();
  const input = (f: RequisiteField, wide = false) => (
    <TextInput
      key={f}
      label={t(`requisites.fields.${f}`)}
      description={t(`requisites.hints.${f}`, { defaultValue: '' }) || undefined}
      value={form[f]}
      error={errors[f]}
      maxLength={DIGIT_FIELDS.includes(f) ? (MAX[f] ?? 0) + 6 : 300}
      inputMode={DIGIT_FIELDS.includes(f) ? 'numeric' : undefined}
      autoComplete="off"
      style={wide ? { gridColumn: '1 / -1' } : undefined}
      onChange={(e) => onChange({ [f]: e.currentTarget.value })}
      data-testid={`settings-${f}`}
    />
  );
  return (
    <Stack gap="sm" data-testid="settings-requisites">
      <Title order={2} size="h4" mt="md">
        {t('requisites.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing={6}>
        {input('companyInn')}
        {input('companyKpp')}
        {input('companyLegalAddress', true)}
        {input('companyPhone', true)}
        {input('companyBank', true)}
        {input('companyBik')}
        {input('companyCorrAccount')}
        {input('companyAccount')}
        {/* Keeps the signatories on a row of their own beside each other. */}
        <Box visibleFrom="sm" />
        {input('companyDirector')}
        {input('companyAccountant')}
      </SimpleGrid>
    </Stack>
  );
}
