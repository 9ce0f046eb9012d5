import '@mantine/dates/styles.css';
import 'dayjs/locale/ru';
import 'dayjs/locale/en-gb';
import type { ReactNode } from 'react';
import { DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

/**
 * Calendars and pickers of @mantine/dates in the UI's language (month and day names, Monday first),
 * not the browser's. The app's date fields wrap themselves in it; mounting it once around the app
 * as well is harmless.
 */
export function UiDatesProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'ru' ? 'ru' : 'en-gb';
  return <DatesProvider settings={{ locale, firstDayOfWeek: 1, weekendDays: [0, 6], consistentWeeks: true }}>{children}</DatesProvider>;
}
