import type { ReactNode } from 'react';
import { Grid, Text, TextInput, Textarea } from '@mantine/core';
import { usePhone } from '../../lib/usePhone';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../api/errors';
import { DateField } from '../../components/DateFields';
import { CounterpartyPicker } from '../counterparties/CounterpartyPicker';
import { ContactPersonPicker } from '../events/ContactPersonPicker';
import { ResponsibleSelect } from '../users/ResponsibleSelect';
import { langOf, plainDate } from './decimalText';
import type { OrderForm } from './orderForm';

interface Props {
  form: OrderForm;
  errors: FieldErrors;
  onChange: (patch: Partial<OrderForm>) => void;
  number: number | null;
  responsibleName: string | null;
  readOnly: boolean;
}

/** The header of «Заказ покупателя»: number and date, the customer and whom we deal with there, who answers for it. */
export function OrderHeaderFields({ form, errors, onChange, number, responsibleName, readOnly }: Props) {
  const { t, i18n } = useTranslation();
  const phone = usePhone();
  const counterparty = (
    <CounterpartyPicker
      label={t('orders.customer')}
      value={form.counterpartyId}
      valueLabel={form.counterpartyName}
      // Another customer's person does not fit any more.
      onChange={(id, name) =>
        onChange(
          id === form.counterpartyId
            ? { counterpartyId: id, counterpartyName: name }
            : { counterpartyId: id, counterpartyName: name, contactPersonId: null, contactPersonName: null },
        )
      }
      error={errors.counterpartyId}
      testId="order-counterparty"
    />
  );
  const col = (span: { base: number; sm?: number; lg?: number }, node: ReactNode) => <Grid.Col span={span}>{node}</Grid.Col>;
  const text = (label: string, value: string, testId: string) => <TextInput label={label} value={value} readOnly data-testid={testId} />;
  return (
    <Grid gap="md">
      {col({ base: 6, sm: 3, lg: 2 }, text(t('orders.number'), number === null ? '—' : String(number), 'order-number'))}
      {col(
        { base: 6, sm: 3, lg: 2 },
        readOnly ? (
          text(t('orders.date'), plainDate(form.date, langOf(i18n.language)), 'order-date')
        ) : (
          <DateField
            label={t('orders.date')}
            value={form.date}
            onChange={(v) => onChange({ date: v })}
            required
            error={errors.date}
            testId="order-date"
          />
        ),
      )}
      {col(
        { base: 12, sm: 6, lg: 8 },
        readOnly ? (
          <Textarea
            label={t('orders.customer')}
            value={form.counterpartyName ?? ''}
            readOnly
            autosize
            minRows={1}
            data-testid="order-counterparty"
          />
        ) : (
          <>
            {counterparty}
            {/* A picker shows one line: on a phone a long name is cut, so it is written out whole under it. */}
            {phone && form.counterpartyName && form.counterpartyName.length > 28 && (
              <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }} data-testid="order-counterparty-full">
                {form.counterpartyName}
              </Text>
            )}
          </>
        ),
      )}
      {col(
        { base: 12, sm: 6, lg: 4 },
        readOnly ? (
          text(t('orders.contactPerson'), form.contactPersonName ?? '', 'order-person')
        ) : (
          <ContactPersonPicker
            label={t('orders.contactPerson')}
            value={form.contactPersonId}
            valueLabel={form.contactPersonName}
            counterpartyId={form.counterpartyId}
            onChange={(p, id, name) =>
              onChange({
                contactPersonId: id,
                contactPersonName: name,
                // A person picked before the customer brings the customer along.
                ...(!form.counterpartyId && p?.counterpartyId
                  ? { counterpartyId: p.counterpartyId, counterpartyName: p.counterpartyName }
                  : {}),
              })
            }
            error={errors.contactPersonId}
            testId="order-person"
          />
        ),
      )}
      {col(
        { base: 12, sm: 6, lg: 4 },
        readOnly ? (
          text(t('orders.responsible'), responsibleName ?? '', 'order-responsible')
        ) : (
          <ResponsibleSelect
            label={t('orders.responsible')}
            value={form.responsibleUserId}
            onChange={(id) => onChange({ responsibleUserId: id })}
            error={errors.responsibleUserId}
            testId="order-responsible"
          />
        ),
      )}
      {col(
        { base: 12, lg: 4 },
        <Textarea
          label={t('common.comment')}
          value={form.comment}
          onChange={(e) => onChange({ comment: e.currentTarget.value })}
          readOnly={readOnly}
          autosize
          minRows={1}
          maxRows={4}
          maxLength={4000}
          error={errors.comment}
          data-testid="order-comment"
        />,
      )}
    </Grid>
  );
}
