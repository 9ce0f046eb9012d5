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
  products: {
    all: ['products'] as const,
    list: (params: QueryParams) => ['products', 'list', params] as const,
    options: (q: string) => ['products', 'options', q] as const,
    one: (id: string) => ['products', 'one', id] as const,
  },
  orders: {
    all: ['orders'] as const,
    list: (params: QueryParams) => ['orders', 'list', params] as const,
    one: (id: string) => ['orders', 'one', id] as const,
    totals: (params: QueryParams) => ['orders', 'totals', params] as const,
  },
  sales: {
    all: ['sales'] as const,
    list: (params: QueryParams) => ['sales', 'list', params] as const,
    one: (id: string) => ['sales', 'one', id] as const,
    totals: (params: QueryParams) => ['sales', 'totals', params] as const,
    productOptions: (q: string) => ['sales', 'product-options', q] as const,
  },
  salesReport: (params: QueryParams) => ['reports', 'sales', params] as const,
  abc: {
    list: (params: QueryParams) => ['abc', 'list', params] as const,
    one: (id: string) => ['abc', 'one', id] as const,
    lines: (id: string, params: QueryParams) => ['abc', 'lines', id, params] as const,
    history: (counterpartyId: string) => ['abc', 'history', counterpartyId] as const,
  },
  abcReport: (params: QueryParams) => ['reports', 'abc', params] as const,
  abcMovement: (params: QueryParams) => ['reports', 'abc-movement', params] as const,
  counterpartyOrders: {
    list: (params: QueryParams) => ['orders', 'list', 'counterparty', params] as const,
    totals: (params: QueryParams) => ['orders', 'totals', params] as const,
  },
};
