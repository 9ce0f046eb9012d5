import { Input, NativeSelect, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../api/errors';
import { ResponsibleSelect } from '../users/ResponsibleSelect';
import { useInfoSources } from '../info-sources/info-sources.queries';
import { ContactPersonPicker } from './ContactPersonPicker';
import { CounterpartyPicker } from '../counterparties/CounterpartyPicker';
import { DateTimeField } from './DateTimeField';
import type { EventForm } from './eventForm';
import { IMPORTANCES, KINDS, KindIcon, OUTCOMES, STATES, formatDuration, type EventKind } from './eventLabels';
import { fromWall } from '../../lib/zonedTime';

interface Props {
  form: EventForm;
  errors: FieldErrors;
  onChange: (patch: Partial<EventForm>) => void;
  timeZone: string;
  /** The counterparty the chosen person belongs to (null: an individual; undefined: not known). */
  personOwnerId: string | null | undefined;
  onPersonOwner: (id: string | null | undefined) => void;
  autoFocus?: boolean;
}

function durationOf(f: EventForm, tz: string): number | null {
  const start = fromWall({ date: f.startDate, time: f.startTime }, tz);
  const end = fromWall({ date: f.endDate || f.startDate, time: f.endTime }, tz);
  if (!start || !end) return null;
  const min = Math.round((Date.parse(end) - Date.parse(start)) / 60_000);
  return min >= 0 ? min : null;
}

/** The fields of «Событие», laid out as in 1C: what, when, with whom, about what, how it ended. */
export function EventFields({ form, errors, onChange, timeZone, personOwnerId, onPersonOwner, autoFocus }: Props) {
  const { t } = useTranslation();
  const sources = useInfoSources();
  const sourceData = (sources.data ?? [])
    .filter((s) => !s.archived || s.id === form.infoSourceId)
    .map((s) => ({ value: s.id, label: s.archived ? `${s.name} (${t('common.archived')})` : s.name }));
  const duration = durationOf(form, timeZone);

  const setCounterparty = (id: string | null, name: string | null) => {
    const patch: Partial<EventForm> = { counterpartyId: id, counterpartyName: name };
    // A person of another counterparty does not fit any more; individuals fit everywhere.
    if (id && form.contactPersonId && personOwnerId && personOwnerId !== id) {
      patch.contactPersonId = null;
      patch.contactPersonName = null;
      onPersonOwner(undefined);
    }
    onChange(patch);
  };

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <NativeSelect
          label={t('events.kind')}
          value={form.kind}
          error={errors.kind}
          leftSection={<KindIcon kind={form.kind} />}
          data={KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))}
          onChange={(e) => onChange({ kind: e.currentTarget.value as EventKind })}
          data-testid="event-kind"
        />
        <Input.Wrapper label={t('events.direction')} error={errors.direction}>
          <SegmentedControl
            fullWidth
            value={form.direction}
            data-testid="event-direction"
            onChange={(v) => onChange({ direction: v as EventForm['direction'] })}
            data={[
              { value: '', label: '—' },
              { value: 'incoming', label: t('events.directions.incoming') },
              { value: 'outgoing', label: t('events.directions.outgoing') },
            ]}
          />
        </Input.Wrapper>
        <Input.Wrapper label={t('events.importance')} error={errors.importance}>
          <SegmentedControl
            fullWidth
            value={form.importance}
            color={form.importance === 'high' ? 'red' : undefined}
            onChange={(v) => onChange({ importance: v as EventForm['importance'] })}
            data-testid="event-importance"
            data={IMPORTANCES.map((i) => ({ value: i, label: t(`events.importances.${i}`) }))}
          />
        </Input.Wrapper>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <DateTimeField
          label={t('events.startAt')}
          required
          date={form.startDate}
          time={form.startTime}
          error={errors.startAt}
          onChange={(d, tm) => onChange({ startDate: d, startTime: tm })}
          testId="event-start"
        />
        <DateTimeField
          label={t('events.endAt')}
          date={form.endDate}
          time={form.endTime}
          error={errors.endAt}
          onChange={(d, tm) => onChange({ endDate: d || (tm && !form.endDate ? form.startDate : d), endTime: tm })}
          testId="event-end"
        >
          {duration !== null && (
            <Text size="sm" c="dimmed" mt={8} style={{ whiteSpace: 'nowrap' }} data-testid="event-duration">
              {formatDuration(duration, t)}
            </Text>
          )}
        </DateTimeField>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <CounterpartyPicker
          label={t('events.counterparty')}
          value={form.counterpartyId}
          valueLabel={form.counterpartyName}
          error={errors.counterpartyId}
          onChange={setCounterparty}
          testId="event-counterparty"
          placeholder={t('events.counterpartyPlaceholder')}
        />
        <ContactPersonPicker
          label={t('events.contactPerson')}
          value={form.contactPersonId}
          valueLabel={form.contactPersonName}
          counterpartyId={form.counterpartyId}
          error={errors.contactPersonId}
          testId="event-contact-person"
          onChange={(person, id, name) => {
            const patch: Partial<EventForm> = { contactPersonId: id, contactPersonName: name };
            onPersonOwner(person ? person.counterpartyId : undefined);
            // Choosing a person of a counterparty fills the counterparty.
            if (person?.counterpartyId && person.counterpartyId !== form.counterpartyId) {
              patch.counterpartyId = person.counterpartyId;
              patch.counterpartyName = person.counterpartyName;
            }
            onChange(patch);
          }}
        />
      </SimpleGrid>
      <TextInput
        label={t('events.subject')}
        required
        maxLength={300}
        value={form.subject}
        error={errors.subject}
        autoFocus={autoFocus}
        onChange={(e) => onChange({ subject: e.currentTarget.value })}
        data-testid="event-subject"
      />
      <TextInput
        label={t('events.description')}
        maxLength={4000}
        value={form.description}
        error={errors.description}
        onChange={(e) => onChange({ description: e.currentTarget.value })}
        data-testid="event-description"
      />
      <Textarea
        label={t('events.content')}
        autosize
        minRows={4}
        maxRows={14}
        maxLength={20000}
        value={form.content}
        error={errors.content}
        onChange={(e) => onChange({ content: e.currentTarget.value })}
        data-testid="event-content"
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Input.Wrapper label={t('events.state')} error={errors.state}>
          <SegmentedControl
            fullWidth
            value={form.state}
            onChange={(v) => onChange({ state: v as EventForm['state'] })}
            data={STATES.map((s) => ({ value: s, label: t(`events.states.${s}`) }))}
            data-testid="event-state"
          />
        </Input.Wrapper>
        {form.kind === 'phoneCall' ? (
          <Input.Wrapper label={t('events.outcome')} error={errors.outcome}>
            <SegmentedControl
              fullWidth
              value={form.outcome}
              onChange={(v) => onChange({ outcome: v as EventForm['outcome'] })}
              color={form.outcome === 'failure' ? 'orange' : undefined}
              data-testid="event-outcome"
              data={[{ value: '', label: '—' }, ...OUTCOMES.map((o) => ({ value: o, label: t(`events.outcomes.${o}`) }))]}
            />
          </Input.Wrapper>
        ) : (
          <div />
        )}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Select
          label={t('events.infoSource')}
          data={sourceData}
          value={form.infoSourceId}
          clearable
          error={errors.infoSourceId}
          onChange={(v) => onChange({ infoSourceId: v })}
          placeholder={t('events.infoSourcePlaceholder')}
          data-testid="event-info-source"
          comboboxProps={{ withinPortal: true }}
        />
        <ResponsibleSelect
          label={t('events.responsible')}
          value={form.responsibleUserId}
          error={errors.responsibleUserId}
          onChange={(id) => onChange({ responsibleUserId: id })}
          testId="event-responsible"
        />
      </SimpleGrid>
    </Stack>
  );
}
