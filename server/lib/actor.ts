export interface Actor {
  id: string;
  role: 'admin' | 'manager';
  name: string;
  email: string;
  language: 'ru' | 'en';
  timeZone: string;
  via: 'session' | 'token';
}

export const isAdmin = (a: Actor) => a.role === 'admin';

/** The users columns an Actor is read from (by a session or an API token). */
export const ACTOR_COLUMNS = ['users.id', 'users.role', 'users.name', 'users.email', 'users.language', 'users.timeZone'] as const;
