// How a route's schema becomes an OpenAPI operation beyond what @fastify/swagger does itself: an
// operationId derived from the method and path when the route gives none, no security requirement on
// public routes, and the media types of answers that are files (CSV, XLSX, PDF, iCalendar, vCard) or a stream.

const MEDIA: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  html: 'text/html',
};

const pascal = (s: string) =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');

const singular = (s: string) => (s.endsWith('ies') ? `${s.slice(0, -3)}y` : s.endsWith('ss') ? s : s.replace(/s$/, ''));

/** GET /api/counterparties → listCounterparties, GET /api/counterparties/:id → getCounterparty,
 * POST /api/counterparties/:id/archive → archiveCounterparty, GET /api/reports/events → getReportsEvents. */
export function operationIdOf(method: string, url: string): string {
  const segments = url.split('/').filter((s) => s && s !== 'api');
  const parts: string[] = [];
  segments.forEach((s, i) => {
    if (s.startsWith(':') || s.startsWith('{')) return;
    const beforeParam = segments[i + 1]?.startsWith(':') || segments[i + 1]?.startsWith('{');
    parts.push(beforeParam ? singular(s) : s);
  });
  const last = segments[segments.length - 1] ?? '';
  const endsWithParam = last.startsWith(':') || last.startsWith('{');
  const m = method.toUpperCase();
  // A verb-like last segment after an id (archive, restore, confirm) is the operation's verb.
  if (m === 'POST' && !endsWithParam && segments.length >= 3 && segments[segments.length - 2].startsWith(':')) {
    const verb = parts.pop()!;
    return `${verb.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}${pascal(parts.join('-'))}`;
  }
  if (m === 'POST' && !endsWithParam) {
    // A collection gets "create"; an action path (auth/login, setup) is named after itself.
    if (/s$/.test(last)) return `create${pascal([...parts.slice(0, -1), singular(last)].join('-'))}`;
    const name = pascal(parts.join('-'));
    return name[0].toLowerCase() + name.slice(1);
  }
  const verb =
    m === 'GET'
      ? endsWithParam || !/s$/.test(last)
        ? 'get'
        : 'list'
      : m === 'POST'
        ? 'create'
        : m === 'PATCH'
          ? 'update'
          : m === 'PUT'
            ? 'replace'
            : m === 'DELETE'
              ? 'delete'
              : m.toLowerCase();
  return `${verb}${pascal(parts.join('-'))}`;
}

function formatsOf(schema: Record<string, unknown> | undefined): string[] {
  const q = schema?.querystring as { properties?: Record<string, unknown> } | undefined;
  const format = q?.properties?.format as { anyOf?: { const?: string }[]; enum?: string[]; const?: string } | undefined;
  if (!format) return [];
  const values = [...(format.anyOf ?? []).map((a) => a.const), ...(format.enum ?? []), format.const];
  return values.filter((v): v is string => typeof v === 'string' && v in MEDIA);
}

function mediaTypesOf(schema: Record<string, unknown> | undefined, url: string): string[] {
  const types = formatsOf(schema).map((f) => MEDIA[f]);
  if (url.endsWith('/vcard')) types.push('text/vcard');
  if (url.startsWith('/api/calendar/')) types.push('text/calendar');
  if (url.endsWith('/stream')) types.push('text/event-stream');
  return types;
}

export function transformRoute(
  schema: Record<string, unknown> | undefined,
  opts: { operationId: string; url: string; isPublic: boolean },
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(schema ?? {}), operationId: opts.operationId };
  if (opts.isPublic) out.security = [];
  const types = mediaTypesOf(schema, opts.url);
  if (types.length > 0) {
    const response = { ...((schema?.response as Record<string, unknown> | undefined) ?? {}) };
    const json = response[200] as Record<string, unknown> | undefined;
    const content: Record<string, unknown> = {};
    if (json && !('content' in json)) content['application/json'] = { schema: json };
    for (const t of types) content[t] = { schema: { type: 'string', ...(t.startsWith('text/') ? {} : { format: 'binary' }) } };
    response[200] = { description: (json?.description as string | undefined) ?? 'Success', content };
    out.response = response;
  }
  return out;
}
