import { NumberInput, SegmentedControl, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/api/settings';
import { percentSum } from '../abc/abcPercents';

type AbcSettings = Pick<
  Settings,
  'abcBasis' | 'abcClassAPercent' | 'abcClassBPercent' | 'abcClassCPercent' | 'xyzXPercent' | 'xyzYPercent' | 'abcMonthlyAuto'
>;

interface Props {
  form: AbcSettings;
  errors: Record<string, string | undefined>;
  onChange: (patch: Partial<Settings>) => void;
}

const PERCENTS = [
  ['abcClassAPercent', 'classA'],
  ['abcClassBPercent', 'classB'],
  ['abcClassCPercent', 'classC'],
] as const;

/** «ABC-классификация покупателей» in the accounting settings: the basis, default class bounds, XYZ bounds and the monthly run. */
export function AbcSettingsSection({ form, errors, onChange }: Props) {
  const { t } = useTranslation();
  const whole = (v: string | number) => (typeof v === 'number' ? v : Number(v) || 0);
  // A blur re-reports the same value: only a real change is an edit (an edit clears the field's refusal).
  const number = (
    key: 'abcClassAPercent' | 'abcClassBPercent' | 'abcClassCPercent' | 'xyzXPercent' | 'xyzYPercent',
    v: string | number,
  ) => {
    if (whole(v) !== form[key]) onChange({ [key]: whole(v) });
  };
  const sum = percentSum({
    classAPercent: form.abcClassAPercent,
    classBPercent: form.abcClassBPercent,
    classCPercent: form.abcClassCPercent,
  });
  return (
    <Stack gap="sm" data-testid="settings-abc">
      <Title order={2} size="h4" mt="md">
        {t('settings.abc')}
      </Title>
      <div>
        <Text size="sm" fw={500} mb={4} id="settings-abc-basis">
          {t('settings.abcBasis')}
        </Text>
        <SegmentedControl
          aria-labelledby="settings-abc-basis"
          value={form.abcBasis}
          onChange={(v) => onChange({ abcBasis: v === 'grossProfit' ? 'grossProfit' : 'revenue' })}
          data={[
            { value: 'revenue', label: t('settings.abcRevenue') },
            { value: 'grossProfit', label: t('settings.abcGrossProfit') },
          ]}
        />
      </div>
      <Text size="sm" fw={500}>
        {t('abc.settings.percents')}
      </Text>
      <SimpleGrid cols={{ base: 3, sm: 4 }}>
        {PERCENTS.map(([key, label]) => (
          <NumberInput
            key={key}
            label={t(`abc.settings.${label}`)}
            min={0}
            max={100}
            allowDecimal={false}
            allowNegative={false}
            hideControls
            value={form[key]}
            error={errors[key]}
            onChange={(v) => number(key, v)}
            data-testid={`settings-${key}`}
          />
        ))}
        <Text size="sm" fw={600} c={sum === 100 ? undefined : 'red'} pt={30} data-testid="settings-abc-sum" role="status">
          {t('abc.percentSum', { sum })}
        </Text>
      </SimpleGrid>
      <Text size="sm" fw={500}>
        {t('abc.settings.xyz')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <NumberInput
          label={t('abc.settings.xyzX')}
          min={0}
          max={1000}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          value={form.xyzXPercent}
          error={errors.xyzXPercent}
          onChange={(v) => number('xyzXPercent', v)}
          data-testid="settings-xyzXPercent"
        />
        <NumberInput
          label={t('abc.settings.xyzY')}
          description={t('abc.settings.xyzHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          min={0}
          max={1000}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          value={form.xyzYPercent}
          error={errors.xyzYPercent}
          onChange={(v) => number('xyzYPercent', v)}
          data-testid="settings-xyzYPercent"
        />
      </SimpleGrid>
      <Switch
        label={t('abc.settings.monthlyAuto')}
        checked={form.abcMonthlyAuto}
        onChange={(e) => onChange({ abcMonthlyAuto: e.currentTarget.checked })}
        data-testid="settings-abcMonthlyAuto"
      />
    </Stack>
  );
}
