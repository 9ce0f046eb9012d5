import type { ErrorBody } from '../../shared/api/common';

interface ApiErrorDetail {
  field?: string;
  message: string;
  code?: string;
}

/** Every failed request becomes an ApiError; `code` drives the translated message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[] = [],
    /** Seconds the server asks to wait before trying again (Retry-After of a 429). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** Builds "?a=1&b=2", skipping empty values so the server applies its defaults. */
export function toQueryString(params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function parseError(res: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> | null;
  try {
    body = (await res.json()) as Partial<ErrorBody>;
  } catch {
    body = null;
  }
  const error = body?.error;
  const wait = Number(res.headers.get('Retry-After'));
  const retryAfter = Number.isFinite(wait) && wait > 0 ? wait : undefined;
  if (error && typeof error.code === 'string') {
    return new ApiError(res.status, error.code, error.message ?? res.statusText, error.details ?? [], retryAfter);
  }
  return new ApiError(res.status, res.status >= 500 ? 'internal_error' : 'http_error', res.statusText || `HTTP ${res.status}`);
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  // State-changing requests always carry a JSON body, even an empty one (the server requires it).
  if (method !== 'GET') {
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body ?? {});
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (err) {
    throw new ApiError(0, 'network_error', err instanceof Error ? err.message : 'Network error');
  }
  if (!res.ok) throw await parseError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, params?: QueryParams) => request<T>('GET', path + toQueryString(params)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
};
