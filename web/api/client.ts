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

/** The version (ETag) each card object was read with, so a form can send its If-Match on save. */
const versions = new WeakMap<object, { path: string; etag: string }>();
/** path -> the ETag a PATCH of that card sends as If-Match (set by the card form while it is open). */
const pinned = new Map<string, string>();

export const versionOf = (card: unknown) => (card && typeof card === 'object' ? versions.get(card) : undefined);
export const pinVersion = (path: string, etag: string | undefined) => (etag ? pinned.set(path, etag) : pinned.delete(path));

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  const ifMatch = method === 'PATCH' ? pinned.get(path) : undefined;
  if (ifMatch) init.headers = { ...init.headers, 'If-Match': ifMatch };
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
  const data = (await res.json()) as T;
  const etag = res.headers.get('ETag');
  if (etag && data && typeof data === 'object') versions.set(data, { path, etag });
  // A change this tab made itself (a save, archiving from the card) is not someone else's: the pin
  // follows it, or is dropped when the answer carries no version.
  if (method !== 'GET') {
    for (const card of pinned.keys()) {
      if (path !== card && !path.startsWith(`${card}/`)) continue;
      if (etag) pinned.set(card, etag);
      else pinned.delete(card);
    }
  }
  return data;
}

export const api = {
  get: <T>(path: string, params?: QueryParams) => request<T>('GET', path + toQueryString(params)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
};
