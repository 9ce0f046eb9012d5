import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { App } from '../http.js';

export async function registerOpenApi(app: App) {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Trade CRM API',
        version: '1',
        description: 'Counterparties, contact persons, events, tasks and reports. Errors: { error: { code, message, details } }.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'crm_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token from POST /api/me/tokens' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
}
