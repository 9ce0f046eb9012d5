import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import { Settings, SettingsPatch } from '../../../shared/api/settings.js';
import * as service from './settings.service.js';

export function registerSettingsRoutes(app: App, deps: Deps) {
  app.get('/api/settings', { schema: { tags: ['settings'], response: { 200: Settings, ...errors } } }, async (req) =>
    service.getSettingsAsAdmin(deps, actorOf(req)),
  );
  app.patch('/api/settings', { schema: { tags: ['settings'], body: SettingsPatch, response: { 200: Settings, ...errors } } }, async (req) =>
    service.updateSettings(deps, actorOf(req), req.body),
  );
}
