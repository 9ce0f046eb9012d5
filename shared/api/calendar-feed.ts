import { Type, type Static } from '@sinclair/typebox';

export const CalendarFeed = Type.Object({
  url: Type.String({ description: 'the secret iCalendar URL; shown once, a new one revokes the previous' }),
});
export type CalendarFeed = Static<typeof CalendarFeed>;

export const CalendarFeedParams = Type.Object({ file: Type.String({ pattern: '^[A-Za-z0-9_-]{43}\\.ics$' }) });
