import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../shared/api/tasks';

type Subject = NonNullable<Task['subject']>;

/** Where a task's subject opens: the event, counterparty, contact person or order card. */
export function subjectPath(s: Subject | null): string | null {
  if (!s) return null;
  if (s.type === 'event') return `/events/${s.id}`;
  if (s.type === 'counterparty') return `/counterparties/${s.id}`;
  if (s.type === 'contactPerson') return `/contact-persons/${s.id}`;
  if (s.type === 'order') return `/orders/${s.id}`;
  return null;
}

/** «Контрагент: ООО Ромашка» as a link (plain text: names are never HTML). */
export function SubjectLink({ subject, withType = true, testId }: { subject: Subject | null; withType?: boolean; testId?: string }) {
  const { t } = useTranslation();
  if (!subject) return null;
  const type = t(`tasks.subjectTypes.${subject.type}`);
  const label = subject.title ?? type;
  const text = withType && subject.title ? `${type}: ${label}` : label;
  const to = subjectPath(subject);
  if (!to)
    return (
      <Text size="sm" span truncate>
        {text}
      </Text>
    );
  return (
    <Anchor
      component={Link}
      to={to}
      size="sm"
      onClick={(e) => e.stopPropagation()}
      data-testid={testId}
      title={text}
      style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
    >
      {text}
    </Anchor>
  );
}
