import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { User } from '../../shared/api/users';
import { keys } from '../api/keys';

/** Dates in the app's language and the signed-in user's time zone (not the browser's). */
export function useFormat() {
  const { i18n } = useTranslation();
  const me = useQueryClient().getQueryData<User | null>(keys.me);
  const locale = i18n.language === 'ru' ? 'ru-RU' : 'en-GB';
  const timeZone = me?.timeZone;
  const safe = (opts: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(locale, { ...opts, timeZone });
    } catch {
      return new Intl.DateTimeFormat(locale, opts);
    }
  };
  const date = safe({ day: '2-digit', month: '2-digit', year: 'numeric' });
  const dateTime = safe({ day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    /** An instant as a date in the user's zone. */
    date: (iso: string | null) => (iso ? date.format(new Date(iso)) : ''),
    dateTime: (iso: string | null) => (iso ? dateTime.format(new Date(iso)) : ''),
    /** A calendar date (YYYY-MM-DD) as it is, with no zone shift. */
    day: (ymd: string | null) => (ymd ? day.format(new Date(`${ymd}T00:00:00Z`)) : ''),
  };
}
