import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Task } from '../../../shared/api/tasks';
import type { User } from '../../../shared/api/users';
import { api } from '../../api/client';
import type { Page } from '../counterparties/counterparties.queries';

const flagOf = (userId: string) => `crm.startupTasks.${userId}`;

/**
 * «Показывать список задач при запуске»: once per sign-in in this tab, a user who starts on the home
 * page and has open tasks is taken to /tasks. A deep link (a bookmark, a link in a letter) is left
 * alone, and an empty list is not worth the detour. A reload keeps the flag; signing out clears it.
 */
export function useStartupTasks(user: User) {
  const navigate = useNavigate();
  const { pathname } = useLocation();

  useEffect(() => {
    const flag = flagOf(user.id);
    if (sessionStorage.getItem(flag)) return;
    sessionStorage.setItem(flag, '1');
    if (!user.showTasksAtStartup || pathname !== '/') return;
    void api
      .get<Page<Task>>('/api/tasks', { status: 'open', assigneeId: 'me', limit: 1 })
      .then((page) => {
        // The user may have moved on while we asked.
        if (page.items.length > 0 && window.location.pathname === '/') navigate('/tasks', { replace: true });
      })
      .catch(() => undefined);
  }, [user.id]); // eslint-disable-line react-hooks/exhaustive-deps

  // The layout unmounts on sign-out: the next sign-in is a new start.
  useEffect(() => () => sessionStorage.removeItem(flagOf(user.id)), [user.id]);
}
