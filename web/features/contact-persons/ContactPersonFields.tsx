import { NumberInput, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../api/errors';
import { DateField } from '../../components/DateFields';
import { CounterpartyPicker } from '../counterparties/CounterpartyPicker';
import type { ContactPersonForm } from './contactPersonForm';

interface Props {
  form: ContactPersonForm;
  errors: FieldErrors;
  onChange: (patch: Partial<ContactPersonForm>) => void;
}

type TextField = 'lastName' | 'firstName' | 'middleName' | 'position' | 'role';

/** The main fields of «Контактное лицо»: counterparty, name parts, position, birthday and its reminder. */
export function ContactPersonFields({ form, errors, onChange }: Props) {
  const { t } = useTranslation();
  const text = (field: TextField, max: number) => ({
    label: t(`contactPerson.${field}`),
    value: form[field],
    error: errors[field],
    maxLength: max,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange({ [field]: e.currentTarget.value }),
    'data-testid': `contact-person-${field}`,
  });
  return (
    <Stack gap="sm" maw={900}>
      <CounterpartyPicker
        label={t('contactPerson.counterparty')}
        value={form.counterpartyId}
        valueLabel={form.counterpartyName}
        testId="contact-person-counterparty"
        error={errors.counterpartyId}
        onChange={(id, name) => onChange({ counterpartyId: id, counterpartyName: name })}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput required autoFocus {...text('lastName', 100)} />
        <TextInput {...text('firstName', 100)} />
        <TextInput {...text('middleName', 100)} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput {...text('position', 200)} />
        <TextInput placeholder={t('contactPerson.roleHint')} {...text('role', 200)} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField
          label={t('contactPerson.birthday')}
          value={form.birthday}
          error={errors.birthday}
          clearable
          onChange={(v) => onChange({ birthday: v })}
          testId="contact-person-birthday"
        />
        <NumberInput
          label={t('contactPerson.birthdayReminderDays')}
          placeholder={t('contactPerson.birthdayReminderHint')}
          value={form.birthdayReminderDays}
          error={errors.birthdayReminderDays}
          min={0}
          max={365}
          // A typed "-3" stays as typed and is refused with a message, not turned into 3 or 0.
          clampBehavior="none"
          allowDecimal={false}
          onChange={(v) => onChange({ birthdayReminderDays: v })}
          data-testid="contact-person-reminder-days"
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
        data-testid="contact-person-comment"
      />
    </Stack>
  );
}
