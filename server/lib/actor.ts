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
