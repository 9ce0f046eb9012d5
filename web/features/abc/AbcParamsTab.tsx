import { Grid, NumberInput, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../api/errors';
import { DateField } from '../../components/DateFields';
import { useSaleFormat } from '../sales/useSaleFormat';
import { CLASS_PERCENT_FIELDS, percentSum } from './abcPercents';
import type { AbcBasis, AbcForm } from './abcForm';

interface Props {
  form: AbcForm;
  errors: FieldErrors;
  onChange: (patch: Partial<AbcForm>) => void;
  number: number | null;
  responsibleName: string | null;
  readOnly: boolean;
}

const LETTER = { classAPercent: 'A', classBPercent: 'B', classCPercent: 'C' } as const;

/** «Параметры»: the date, the period, the basis and the class boundaries, with their sum kept in view. */
export function AbcParamsTab({ form, errors, onChange, number, responsibleName, readOnly }: Props) {
  const { t } = useTranslation();
  const f = useSaleFormat();
  const sum = percentSum(form);
  const date = (key: 'date' | 'periodFrom' | 'periodTo', label: string) =>
    readOnly ? (
      <TextInput label={label} value={f.day(form[key])} readOnly data-testid={`abc-${key}`} />
    ) : (
      <DateField
        label={label}
        value={form[key]}
        onChange={(v) => onChange({ [key]: v })}
        required
        error={errors[key]}
        testId={`abc-${key}`}
      />
    );
  return (
    <Stack gap="md" maw={860}>
      <Grid gap="md">
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <TextInput label={t('abc.number')} value={number === null ? '—' : String(number)} readOnly data-testid="abc-number" />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>{date('date', t('abc.date'))}</Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label={t('abc.responsible')} value={responsibleName ?? '—'} readOnly data-testid="abc-responsible" />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>{date('periodFrom', t('abc.periodFrom'))}</Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>{date('periodTo', t('abc.periodTo'))}</Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          {readOnly ? (
            <TextInput label={t('abc.basis')} value={t(`abc.bases.${form.basis}`)} readOnly data-testid="abc-basis" />
          ) : (
            <>
              <Text size="sm" fw={500} mb={4} id="abc-basis-label">
                {t('abc.basis')}
              </Text>
              <SegmentedControl
                aria-labelledby="abc-basis-label"
                value={form.basis}
                onChange={(v) => onChange({ basis: v as AbcBasis })}
                data={[
                  { value: 'revenue', label: t('abc.bases.revenue') },
                  { value: 'grossProfit', label: t('abc.bases.grossProfit') },
                ]}
                data-testid="abc-basis"
              />
            </>
          )}
        </Grid.Col>
      </Grid>
      <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }} data-testid="abc-percents">
        <Text component="legend" size="sm" fw={600} mb={6}>
          {t('abc.percentsLegend')}
        </Text>
        <Grid gap="md" align="flex-start">
          {CLASS_PERCENT_FIELDS.map((k) => (
            <Grid.Col key={k} span={{ base: 4, sm: 2 }}>
              <NumberInput
                label={t('abc.classPercent', { letter: LETTER[k] })}
                value={form[k]}
                min={0}
                max={100}
                allowDecimal={false}
                allowNegative={false}
                hideControls
                suffix=" %"
                readOnly={readOnly}
                error={errors[k]}
                // A blur re-reports the same value: it must not count as an edit (that would clear the field's mark).
                onChange={(v) => String(v) !== form[k] && onChange({ [k]: String(v) })}
                data-testid={`abc-${k}`}
              />
            </Grid.Col>
          ))}
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Text
              size="sm"
              fw={600}
              c={sum === 100 ? undefined : 'red'}
              role="status"
              data-testid="abc-percent-sum"
              data-sum={sum}
              pt={{ base: 0, sm: 32 }}
            >
              {t('abc.percentSum', { sum })}
              {sum !== 100 && ` — ${t('abc.percentSumMust')}`}
            </Text>
          </Grid.Col>
        </Grid>
      </fieldset>
      <Textarea
        label={t('common.comment')}
        value={form.comment}
        readOnly={readOnly}
        autosize
        minRows={2}
        maxLength={4000}
        error={errors.comment}
        onChange={(e) => onChange({ comment: e.currentTarget.value })}
        data-testid="abc-comment"
      />
    </Stack>
  );
}
