import { Button, Center, Loader, Paper, SimpleGrid, Stack, Textarea, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Sale, SaleCreate } from '../../../shared/api/sales';
import { formatMoney } from '../../../shared/money';
import { SaveButton } from '../../components/CardHeaderParts';
import { DateField } from '../../components/DateFields';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { LeaveGuard } from '../../components/LeaveGuard';
import { PageHeader } from '../../components/PageHeader';
import { useCardForm } from '../../lib/useCardForm';
import { toWall } from '../../lib/zonedTime';
import { useCurrentUser } from '../auth/useCurrentUser';
import { CounterpartyPicker } from '../counterparties/CounterpartyPicker';
import { useCounterparty } from '../counterparties/counterparties.queries';
import { SaleLinesEditor } from './SaleLinesEditor';
import { SaleTotalsPanel } from './SaleCardPage';
import { emptyLine, lineFieldOf, salePayload, saleTotals, type SaleForm } from './saleLines';
import { useCreateSale } from './sales.queries';
import { useSaleFormat } from './useSaleFormat';

/** Route element: a sale entered directly (not by shipping an order); `?counterpartyId=` fills the customer. */
export function SaleNewPage() {
  const [search] = useSearchParams();
  const counterpartyId = search.get('counterpartyId') ?? undefined;
  const cp = useCounterparty(counterpartyId);
  if (counterpartyId && cp.isPending)
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  return <SaleNewForm counterpartyId={cp.data?.id ?? null} counterpartyName={cp.data?.name ?? null} />;
}

function SaleNewForm({ counterpartyId, counterpartyName }: { counterpartyId: string | null; counterpartyName: string | null }) {
  const { t } = useTranslation();
  const { timeZone } = useCurrentUser();
  const f = useSaleFormat();
  const create = useCreateSale();
  const card = useCardForm<SaleForm, Sale, SaleCreate, SaleCreate>({
    saved: undefined,
    initial: () => ({ date: toWall(new Date(), timeZone).date, counterpartyId, counterpartyName, comment: '', lines: [emptyLine()] }),
    create,
    // A sale is a posted document: it is entered once, never edited here.
    update: create,
    toCreate: salePayload,
    toUpdate: salePayload,
    formOf: (s) => ({
      date: s.date,
      counterpartyId: s.counterpartyId,
      counterpartyName: s.counterpartyName,
      comment: s.comment ?? '',
      lines: [],
    }),
    pathOf: (s) => `/sales/${s.id}`,
    // The server names a line's field "lines[2].quantity"; the form keys its inputs "lines.2.quantity".
    errorOptions: { fieldOf: lineFieldOf },
  });
  const totals = saleTotals(card.form.lines);

  return (
    <form {...card.formProps} data-testid="sale-new">
      <LeaveGuard {...card.leave} />
      <PageHeader title={t('sales.newTitle')}>
        <Button variant="default" component={Link} to="/sales">
          {t('common.backToList')}
        </Button>
        <SaveButton saving={card.saving} testId="sale-save" />
      </PageHeader>
      <FormErrorSummary message={card.summary} />
      <Stack gap="md">
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateField
              label={t('sales.date')}
              value={card.form.date}
              onChange={(v) => card.patch({ date: v })}
              error={card.errors.date}
              required
              testId="sale-date"
            />
            <CounterpartyPicker
              label={t('sales.customer')}
              value={card.form.counterpartyId}
              valueLabel={card.form.counterpartyName}
              error={card.errors.counterpartyId}
              testId="sale-counterparty"
              placeholder={t('sales.customerPlaceholder')}
              onChange={(id, name) => card.patch({ counterpartyId: id, counterpartyName: name })}
            />
          </SimpleGrid>
          <Textarea
            mt="sm"
            label={t('common.comment')}
            autosize
            minRows={1}
            maxLength={4000}
            value={card.form.comment}
            error={card.errors.comment}
            onChange={(e) => card.patch({ comment: e.currentTarget.value })}
            data-testid="sale-comment"
          />
        </Paper>
        <Title order={2} size="h4">
          {t('sales.lines')}
        </Title>
        <SaleLinesEditor lines={card.form.lines} errors={card.errors} onChange={(lines) => card.patch({ lines })} />
        <SaleTotalsPanel
          revenue={f.money(formatMoney(totals.revenue))}
          cost={f.money(formatMoney(totals.cost))}
          grossProfit={f.money(formatMoney(totals.grossProfit))}
        />
      </Stack>
    </form>
  );
}
