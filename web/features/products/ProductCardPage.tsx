import { Button, Center, Grid, Loader, Select, Stack, TextInput } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../shared/api/products';
import type { VatRate } from '../../../shared/money';
import { ArchiveControls } from '../../components/ArchiveControls';
import { ArchivedBadge, SaveButton } from '../../components/CardHeaderParts';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { LeaveGuard } from '../../components/LeaveGuard';
import { PageHeader } from '../../components/PageHeader';
import { useCardForm } from '../../lib/useCardForm';
import { langOf } from '../orders/decimalText';
import { vatRateOptions } from './productLabels';
import { emptyProductForm, formFromProduct, productCreatePayload, productPatchPayload } from './productForm';
import { useArchiveProduct, useCreateProduct, useProduct, useUpdateProduct } from './products.queries';

/** Route element: a product by id, or a new one. */
export function ProductCardPage() {
  const { id } = useParams();
  const query = useProduct(id);
  if (id && query.isPending)
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  if (id && query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  return <ProductEditor key={id ?? 'new'} saved={query.data} />;
}

function ProductEditor({ saved }: { saved?: Product }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const initial = saved ? formFromProduct(saved, lang) : emptyProductForm();
  const archive = useArchiveProduct(saved?.id ?? '');
  const card = useCardForm({
    saved,
    initial: () => initial,
    create: useCreateProduct(),
    update: useUpdateProduct(saved?.id ?? ''),
    toCreate: productCreatePayload,
    toUpdate: (f) => productPatchPayload(f, initial),
    formOf: (p) => formFromProduct(p, lang),
    pathOf: (p) => `/products/${p.id}`,
  });
  const { form, errors, patch } = card;
  const money = (field: 'price' | 'costPrice', required: boolean) => (
    <TextInput
      label={t(`products.${field}`)}
      value={form[field]}
      onChange={(e) => patch({ [field]: e.currentTarget.value })}
      inputMode="decimal"
      placeholder="0,00"
      required={required}
      error={errors[field]}
      data-testid={`product-${field}`}
      styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
    />
  );

  return (
    <form {...card.formProps} data-testid="product-card">
      <LeaveGuard {...card.leave} />
      <PageHeader title={saved ? saved.name : t('products.newTitle')} badge={<ArchivedBadge archivedAt={saved?.archivedAt} />}>
        <Button variant="default" component={Link} to="/products">
          {t('common.backToList')}
        </Button>
        {saved && (
          <ArchiveControls
            archived={!!saved.archivedAt}
            mutation={archive}
            testId="product"
            question={t('products.archiveQuestion', { name: saved.name })}
          />
        )}
        <SaveButton saving={card.saving} testId="product-save" />
      </PageHeader>
      <FormErrorSummary message={card.summary} />
      <Stack gap="md" maw={760}>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label={t('products.sku')}
              value={form.sku}
              onChange={(e) => patch({ sku: e.currentTarget.value })}
              required
              autoFocus={!saved}
              maxLength={50}
              error={errors.sku}
              data-testid="product-sku"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput
              label={t('products.name')}
              value={form.name}
              onChange={(e) => patch({ name: e.currentTarget.value })}
              required
              maxLength={300}
              error={errors.name}
              data-testid="product-name"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <TextInput
              label={t('products.unit')}
              value={form.unit}
              onChange={(e) => patch({ unit: e.currentTarget.value })}
              required
              maxLength={20}
              error={errors.unit}
              data-testid="product-unit"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <Select
              label={t('products.vatRate')}
              data={vatRateOptions(t)}
              value={form.vatRate}
              onChange={(v) => v && patch({ vatRate: v as VatRate })}
              allowDeselect={false}
              error={errors.vatRate}
              data-testid="product-vat"
              comboboxProps={{ withinPortal: true }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>{money('price', true)}</Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>{money('costPrice', false)}</Grid.Col>
        </Grid>
      </Stack>
    </form>
  );
}
