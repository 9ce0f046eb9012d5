import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { App } from '../http.js';
import { operationIdOf, transformRoute } from './openapi-transform.js';
import { withEntityComponents } from './openapi-components.js';

export async function registerOpenApi(app: App) {
  // One id per operation even when two routes would derive the same one: generated clients need them unique.
  const taken = new Map<string, string>();
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Trade CRM API',
        version: '1',
        description: 'Counterparties, contact persons, events, tasks and reports. Errors: { error: { code, message, details } }.',
      },
      servers: [{ url: '/', description: 'This server (paths start with /api)' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'crm_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token from POST /api/me/tokens' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: ({ schema, url, route }) => {
      const method = String(Array.isArray(route.method) ? route.method[0] : route.method);
      const routeKey = `${method} ${url}`;
      let id = (schema as { operationId?: string } | undefined)?.operationId ?? taken.get(routeKey) ?? operationIdOf(method, url);
      if (!taken.has(routeKey)) {
        const used = new Set(taken.values());
        for (let n = 2; used.has(id); n++) id = `${operationIdOf(method, url)}${n}`;
        taken.set(routeKey, id);
      }
      return {
        url,
        schema: transformRoute(schema as Record<string, unknown> | undefined, {
          operationId: taken.get(routeKey)!,
          url,
          isPublic: (route.config as { public?: boolean } | undefined)?.public === true,
        }) as typeof schema,
      };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  let doc: unknown;
  app.get(
    '/api/openapi.json',
    { config: { public: true }, schema: { hide: true } },
    async () => (doc ??= withEntityComponents(app.swagger())),
  );
}
