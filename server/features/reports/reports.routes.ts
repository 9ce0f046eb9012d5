import type { FastifyReply } from 'fastify';
import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import { ContactInfoReport, ContactInfoReportQuery } from '../../../shared/api/reports.js';
import { attachment, toCsv, toXlsx } from '../../lib/export.js';
import * as service from './reports.service.js';
import { REPORT_TITLE } from './reports.logic.js';

export function registerReportRoutes(app: App, deps: Deps) {
  app.get('/api/reports/contact-info', {
    schema: {
      tags: ['reports'],
      summary: '«Отчет о контактной информации»: objects with the chosen kinds of contact information as columns; format=csv|xlsx downloads a file',
      querystring: ContactInfoReportQuery,
      response: { 200: ContactInfoReport, ...errors },
    },
  }, async (req, reply) => {
    const format = req.query.format ?? 'json';
    const actor = actorOf(req);
    const { report, kinds, lang } = await service.contactInfoReport(deps, actor, req.query, format === 'json' ? service.SCREEN_LIMIT : service.EXPORT_LIMIT);
    if (format === 'json') return report;
    const table = service.asTable(report, kinds, lang);
    const stamp = deps.clock.now().toISOString().slice(0, 10);
    const name = `${REPORT_TITLE[lang]} ${stamp}.${format}`;
    // A file, not the JSON report: bypass the typed reply (and its serializer).
    const raw = reply as unknown as FastifyReply;
    raw.header('Content-Disposition', attachment(name));
    if (format === 'csv') return raw.type('text/csv; charset=utf-8').send(toCsv(table, lang));
    return raw.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(table));
  });
}
