import type { QueryParams } from './client';

/** Query keys in one place so invalidation after a save hits every dependent list. */
export const keys = {
  setup: ['setup'] as const,
  me: ['me'] as const,
  userRefs: ['user-refs'] as const,
  users: ['users'] as const,
  settings: ['settings'] as const,
  tokens: ['me', 'tokens'] as const,
  counterparties: {
    all: ['counterparties'] as const,
    list: (params: QueryParams) => ['counterparties', 'list', params] as const,
    options: (q: string) => ['counterparties', 'options', q] as const,
    one: (id: string) => ['counterparties', 'one', id] as const,
  },
  contactPersons: {
    all: ['contact-persons'] as const,
    list: (params: QueryParams) => ['contact-persons', 'list', params] as const,
    one: (id: string) => ['contact-persons', 'one', id] as const,
  },
  reports: {
    contactInfo: (params: QueryParams) => ['reports', 'contact-info', params] as const,
  },
};
