import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import { UpcomingBirthdays, UpcomingBirthdaysQuery } from '../../../shared/api/birthdays.js';
import * as service from './birthdays.service.js';

export function registerBirthdayRoutes(app: App, deps: Deps) {
  app.get(
    '/api/birthdays/upcoming',
    {
      schema: {
        tags: ['birthdays'],
        summary: 'Upcoming birthdays of contact persons (home page), in the user’s time zone',
        querystring: UpcomingBirthdaysQuery,
        response: { 200: UpcomingBirthdays, ...errors },
      },
    },
    async (req) => service.upcomingBirthdays(deps, actorOf(req), req.query.days ?? 30, req.query.limit ?? 100),
  );
}
