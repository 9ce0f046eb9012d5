import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../features/auth/useCurrentUser';

/** Dates in the app's language and the signed-in user's time zone (not the browser's). */
export function useFormat() {
  const { i18n } = useTranslation();
  const { timeZone } = useCurrentUser();
  const locale = i18n.language === 'ru' ? 'ru-RU' : 'en-GB';
  const date = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone });
  const dateTime = new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    /** An instant as a date in the user's zone. */
    date: (iso: string | null) => (iso ? date.format(new Date(iso)) : ''),
    dateTime: (iso: string | null) => (iso ? dateTime.format(new Date(iso)) : ''),
    /** A calendar date (YYYY-MM-DD) as it is, with no zone shift. */
    day: (ymd: string | null) => (ymd ? day.format(new Date(`${ymd}T00:00:00Z`)) : ''),
  };
}
