import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { ReminderPage, SnoozeBody, Task, TaskCreate } from '../../../shared/api/tasks';
import { api, type QueryParams } from '../../api/client';
import type { Page } from '../counterparties/counterparties.queries';
import { joinReminderPages, withoutReminder } from './reminderPages';

export type TaskStatusFilter = 'open' | 'overdue' | 'done' | 'all';

export interface TaskListParams extends QueryParams {
  status?: TaskStatusFilter;
  assigneeId?: string;
  from?: string;
  to?: string;
}

/** Every task query starts with 'tasks', so one invalidation refreshes lists, the home page and the popups. */
export const taskKeys = {
  all: ['tasks'] as const,
  list: (params: QueryParams) => ['tasks', 'list', params] as const,
  summary: ['tasks', 'summary'] as const,
  reminders: ['tasks', 'reminders'] as const,
};

const PAGE_SIZE = 100;

export function useTaskList(params: TaskListParams) {
  return useInfiniteQuery({
    queryKey: taskKeys.list(params),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get<Page<Task>>('/api/tasks', { ...params, limit: PAGE_SIZE, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** The signed-in user's open tasks, nearest due first (home page summary). */
export function useMyOpenTasks(limit = 100) {
  return useQuery({
    queryKey: [...taskKeys.summary, limit],
    queryFn: () => api.get<Page<Task>>('/api/tasks', { status: 'open', assigneeId: 'me', limit }),
  });
}

/** Popups per request: more than anyone works through at once; the panel offers the rest. */
const REMINDER_PAGE_SIZE = 100;

/** The popups due now, newest first, a page at a time (the panel loads more on request), with the
 * count of all of them. The server-sent events say when to ask again; the poll is the fallback; a
 * refetch refreshes every loaded page. */
export function useDueReminders(enabled = true) {
  return useInfiniteQuery({
    queryKey: taskKeys.reminders,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get<ReminderPage>('/api/tasks/reminders', { limit: REMINDER_PAGE_SIZE, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor,
    select: (d) => joinReminderPages(d.pages),
    enabled,
    staleTime: 0,
    refetchInterval: 30_000,
    refetchIntervalInBackground: true,
  });
}

function useAfterChange() {
  const qc = useQueryClient();
  return (task: Task) => {
    // The popup goes at once; the refetch confirms it.
    qc.setQueryData<InfiniteData<ReminderPage>>(taskKeys.reminders, (d) => (d ? { ...d, pages: withoutReminder(d.pages, task.id) } : d));
    void qc.invalidateQueries({ queryKey: taskKeys.all });
  };
}

export function useCompleteTask() {
  const after = useAfterChange();
  return useMutation({ mutationFn: (id: string) => api.post<Task>(`/api/tasks/${id}/complete`, {}), onSuccess: after });
}

export function useSnoozeTask() {
  const after = useAfterChange();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SnoozeBody }) => api.post<Task>(`/api/tasks/${id}/snooze`, body),
    onSuccess: after,
  });
}

export function useCreateTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskCreate) => api.post<Task>('/api/tasks', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: taskKeys.all }),
  });
}
