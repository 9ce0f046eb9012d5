import { useMemo } from 'react';
import { Anchor, Badge, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../shared/api/orders';
import { SaveButton } from '../../components/CardHeaderParts';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { LeaveGuard } from '../../components/LeaveGuard';
import { PageHeader } from '../../components/PageHeader';
import { eventTitle } from '../../lib/names';
import { useCardForm } from '../../lib/useCardForm';
import { usePhone } from '../../lib/usePhone';
import { toWall } from '../../lib/zonedTime';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useCounterparty } from '../counterparties/counterparties.queries';
import { useEvent } from '../events/events.queries';
import { langOf, moneyText, plainDate } from './decimalText';
import { OrderActions, OrderPrintMenu } from './OrderActions';
import { OrderHeaderFields } from './OrderHeaderFields';
import { OrderLinesEditor } from './OrderLinesEditor';
import {
  emptyOrderForm,
  formFromOrder,
  linesPayload,
  orderCreatePayload,
  orderFieldOf,
  orderPatchPayload,
  orderTotals,
  type OrderForm,
} from './orderForm';
import { isOrderEditable, OrderStateBadge } from './orderLabels';
import { useCreateOrder, useOrder, useUpdateOrder } from './orders.queries';

interface Basis {
  id: string;
  title: string | null;
}

/**
 * Route element: an order by id, or a new one — «на основании» an event (?basisEvent=), whose
 * customer and contact person it takes, or for a customer (?counterpartyId=). Nothing is stored
 * until «Записать».
 */
export function OrderCardPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const { user, timeZone } = useCurrentUser();
  const basisId = id ? null : search.get('basisEvent');
  const cpId = id ? undefined : (search.get('counterpartyId') ?? undefined);
  const order = useOrder(id);
  const basis = useEvent(basisId);
  const counterparty = useCounterparty(cpId);

  if ((id && order.isPending) || (basisId && basis.isPending) || (cpId && counterparty.isPending))
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  const failed = [order, basis, counterparty].find((q) => q.isError);
  if (failed) return <ErrorPanel error={failed.error} onRetry={() => void failed.refetch()} />;
  if (order.data) return <OrderEditor key={order.data.id} saved={order.data} />;

  const b = basis.data;
  const today = toWall(new Date(), timeZone).date;
  const prefill = b
    ? {
        counterpartyId: b.counterpartyId,
        counterpartyName: b.counterpartyName,
        contactPersonId: b.contactPersonId,
        contactPersonName: b.contactPersonName,
      }
    : { counterpartyId: counterparty.data?.id ?? null, counterpartyName: counterparty.data?.name ?? null };
  return (
    <OrderEditor
      key={`new-${search.toString()}`}
      basis={b ? { id: b.id, title: eventTitle(b.number, b.subject) } : null}
      initial={emptyOrderForm(today, user?.id ?? null, prefill)}
    />
  );
}

function OrderEditor({ saved, basis, initial }: { saved?: Order; basis?: Basis | null; initial?: OrderForm }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  // The stored order as a form: what a save compares with, renewed whenever the server answers.
  const savedForm = useMemo(() => (saved ? formFromOrder(saved, lang) : null), [saved, lang]);
  const editable = isOrderEditable(saved?.state);
  const card = useCardForm({
    saved,
    initial: () => savedForm ?? initial!,
    create: useCreateOrder(),
    update: useUpdateOrder(saved?.id ?? ''),
    toCreate: (f) => orderCreatePayload(f, basis?.id ?? null),
    toUpdate: (f) => orderPatchPayload(f, savedForm!),
    formOf: (o) => formFromOrder(o, lang),
    pathOf: (o) => `/orders/${o.id}`,
    // The server names lines by the position they were sent at; the card's inputs follow each line's key.
    errorOptions: { fieldOf: (field: string): string => orderFieldOf(field, sentKeys) },
  });
  const { form, errors } = card;
  const sentKeys: string[] = linesPayload(form.lines).keys;
  const totals = orderTotals(form.lines);
  const basisLink = saved?.basis ?? (basis ? { type: 'event' as const, ...basis } : null);
  const readOnly = !editable;
  const phone = usePhone();

  const title = saved ? t('orders.cardTitle', { number: saved.number, date: plainDate(saved.date, lang) }) : t('orders.newTitle');
  return (
    <form {...card.formProps} data-testid="order-card">
      {editable && <LeaveGuard {...card.leave} />}
      <PageHeader title={title} badge={saved && !phone && <OrderStateBadge state={saved.state} />}>
        <Button variant="default" component={Link} to="/orders">
          {t('common.backToList')}
        </Button>
        {saved && <OrderPrintMenu orderId={saved.id} />}
        {saved && <OrderActions order={saved} saveFirst={() => (card.dirty ? card.leave.save() : Promise.resolve(true))} />}
        {editable && <SaveButton saving={card.saving} testId="order-save" />}
      </PageHeader>
      <FormErrorSummary message={card.summary} />
      <Stack gap="md">
        {(basisLink || saved?.saleId || (saved && phone)) && (
          <Group gap="xl" wrap="wrap">
            {/* Beside a phone's title the badge would be cut. */}
            {saved && phone && <OrderStateBadge state={saved.state} />}
            {basisLink && (
              <Text size="sm" data-testid="order-basis">
                <Text span fw={500}>
                  {t('orders.basis')}:{' '}
                </Text>
                {basisLink.title ? (
                  <Anchor component={Link} to={`/events/${basisLink.id}`} size="sm" data-testid="order-basis-link">
                    {basisLink.title}
                  </Anchor>
                ) : (
                  t('orders.basisHidden')
                )}
              </Text>
            )}
            {saved?.saleId && (
              <Text size="sm" data-testid="order-sale">
                <Text span fw={500}>
                  {t('orders.saleLabel')}:{' '}
                </Text>
                <Anchor component={Link} to={`/sales/${saved.saleId}`} size="sm" data-testid="order-sale-link">
                  {t('orders.saleTitle', { number: saved.saleNumber ?? '' })}
                </Anchor>
              </Text>
            )}
          </Group>
        )}
        {errors.basis && (
          <Text c="red" size="sm">
            {errors.basis}
          </Text>
        )}
        <OrderHeaderFields
          form={form}
          errors={errors}
          onChange={card.patch}
          number={saved?.number ?? null}
          responsibleName={saved?.responsibleUserName ?? null}
          readOnly={readOnly}
        />
        <div>
          <Title order={2} size="h4" mb="xs">
            {t('orders.lines')}
          </Title>
          <OrderLinesEditor lines={form.lines} onChange={(lines) => card.patch({ lines })} errors={errors} readOnly={readOnly} />
        </div>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Group>
            {card.dirty && (
              <Badge color="yellow" variant="light">
                {t('common.unsaved')}
              </Badge>
            )}
          </Group>
          <Paper withBorder p="sm" miw={260} data-testid="order-totals">
            <Group justify="space-between" gap="xl">
              <Text fw={600}>{t('orders.total')}</Text>
              <Text fw={700} size="lg" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="order-total">
                {moneyText(totals.total, lang)}
              </Text>
            </Group>
            <Group justify="space-between" gap="xl">
              <Text size="sm" c="dimmed">
                {t('orders.vatIncluded')}
              </Text>
              <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="order-vat-total">
                {moneyText(totals.vatTotal, lang)}
              </Text>
            </Group>
          </Paper>
        </Group>
      </Stack>
    </form>
  );
}
