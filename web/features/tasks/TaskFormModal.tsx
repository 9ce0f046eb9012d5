import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TaskCreate } from '../../../shared/api/tasks';
import type { User } from '../../../shared/api/users';
import { fieldErrorsOf } from '../../api/errors';
import { DateTimeInput } from '../../components/DateFields';
import { notifyError, notifySuccess } from '../../components/notify';
import { fromDateTimeLocal, fromWall, nextFullHour, toDateTimeLocal } from '../../lib/zonedTime';
import { useCurrentUser } from '../auth/useCurrentUser';
import { ResponsibleSelect } from '../users/ResponsibleSelect';
import { useCreateTask } from './tasks.queries';

/** «Новая задача»: what, when it is due, when to remind; an administrator may assign it to anyone. */
export function TaskFormModal({ me, onClose }: { me: User; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateTask();
  const zone = useCurrentUser().timeZone;
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [due, setDue] = useState('');
  const [remind, setRemind] = useState(() => toDateTimeLocal(nextFullHour(zone)));
  const [assigneeId, setAssigneeId] = useState<string | null>(me.id);
  const errors = fieldErrorsOf(create.error, t, { scope: 'tasks' });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: TaskCreate = {
      title: title.trim(),
      description: description.trim() || null,
      dueAt: due ? fromWall(fromDateTimeLocal(due), zone) : null,
      remindAt: remind ? fromWall(fromDateTimeLocal(remind), zone) : null,
    };
    if (me.role === 'admin' && assigneeId && assigneeId !== me.id) body.assigneeId = assigneeId;
    create.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('tasks.created'));
        onClose();
      },
      onError: (err) => notifyError(err, t, { scope: 'tasks' }),
    });
  };

  return (
    <Modal opened onClose={onClose} title={t('tasks.new')} centered size="lg">
      <form onSubmit={submit} noValidate data-testid="task-form">
        <Stack>
          <TextInput
            label={t('tasks.form.title')}
            required
            autoFocus
            maxLength={300}
            value={title}
            error={errors.title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            data-testid="task-title"
          />
          <Textarea
            label={t('tasks.form.description')}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={4000}
            value={description}
            error={errors.description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            data-testid="task-description"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateTimeInput label={t('tasks.form.dueAt')} value={due} error={errors.dueAt} clearable onChange={setDue} testId="task-due" />
            <DateTimeInput
              label={t('tasks.form.remindAt')}
              value={remind}
              error={errors.remindAt}
              description={t('tasks.form.remindHint')}
              clearable
              onChange={setRemind}
              testId="task-remind"
            />
          </SimpleGrid>
          {me.role === 'admin' && (
            <ResponsibleSelect
              label={t('tasks.form.assignee')}
              value={assigneeId}
              error={errors.assigneeId}
              onChange={(id) => setAssigneeId(id ?? me.id)}
              testId="task-assignee"
            />
          )}
          <Group justify="space-between">
            <span style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>{t('tasks.timeZoneHint', { zone })}</span>
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} data-testid="task-save">
                {t('common.create')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
