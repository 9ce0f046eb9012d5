import type { FastifyReply } from 'fastify';
import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import {
  AbcMovement,
  AbcMovementQuery,
  AbcReport,
  AbcReportQuery,
  ColdCallsQuery,
  ColdCallsReport,
  ContactInfoReport,
  ContactInfoReportQuery,
  EventsReport,
  EventsReportQuery,
  SalesReport,
  SalesReportQuery,
} from '../../../shared/api/reports.js';
import * as eventsReport from './events-report.service.js';
import * as salesReport from './sales-report.service.js';
import * as abcReport from './abc-report.service.js';
import { ABC_REPORT_TITLE, abcReportTable } from './abc-report.logic.js';
import { SALES_REPORT_TITLE, salesReportTable } from './sales-report.logic.js';
import { sendTable } from '../../lib/export.js';
import * as service from './reports.service.js';
import { REPORT_TITLE } from './reports.logic.js';
import { COLD_CALLS_TITLE, coldCallsTables, contactInfoTable, EVENTS_REPORT_TITLE, eventsReportTable } from './report-tables.logic.js';

// A file, not the JSON report: bypass the typed reply (and its serializer).
const fileReply = (reply: unknown) => reply as FastifyReply;
const stamp = (deps: Deps) => deps.clock.now().toISOString().slice(0, 10);

export function registerReportRoutes(app: App, deps: Deps) {
  app.get(
    '/api/reports/contact-info',
    {
      schema: {
        tags: ['reports'],
        summary:
          '«Отчет о контактной информации»: objects with the chosen kinds of contact information as columns; format=csv|xlsx downloads a file',
        querystring: ContactInfoReportQuery,
        response: { 200: ContactInfoReport, ...errors },
      },
    },
    async (req, reply) => {
      const format = req.query.format ?? 'json';
      const actor = actorOf(req);
      if (format === 'json') return service.contactInfoReport(deps, actor, req.query);
      // The file has every row, streamed from the database a page at a time.
      const q = await service.contactInfoQuery(deps, actor, req.query);
      const table = contactInfoTable(q.columns, service.contactInfoRows(deps, q), q.kinds, q.lang, actor.timeZone);
      await sendTable(fileReply(reply), `${REPORT_TITLE[q.lang]} ${stamp(deps)}`, format, table);
      return reply;
    },
  );

  app.get(
    '/api/reports/events',
    {
      schema: {
        tags: ['reports'],
        summary:
          '«Отчет по событиям»: user-ordered groupings (groupBy=counterparty,contactPerson,period…) with count and duration totals; format=csv|xlsx downloads',
        querystring: EventsReportQuery,
        response: { 200: EventsReport, ...errors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { lang, ...report } = await eventsReport.eventsReport(deps, actor, req.query);
      const format = req.query.format ?? 'json';
      if (format === 'json') return report;
      const table = eventsReportTable(report, lang, actor.timeZone);
      await sendTable(fileReply(reply), `${EVENTS_REPORT_TITLE[lang]} ${stamp(deps)}`, format, table);
      return reply;
    },
  );

  app.get(
    '/api/reports/cold-calls',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Outgoing calls and their success rate per responsible and period; incoming requests by information source; format=csv|xlsx downloads',
        querystring: ColdCallsQuery,
        response: { 200: ColdCallsReport, ...errors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { lang, ...report } = await eventsReport.coldCallsReport(deps, actor, req.query);
      const format = req.query.format ?? 'json';
      if (format === 'json') return report;
      const tables = coldCallsTables(report, lang, actor.timeZone);
      await sendTable(fileReply(reply), `${COLD_CALLS_TITLE[lang]} ${stamp(deps)}`, format, tables);
      return reply;
    },
  );

  app.get(
    '/api/reports/sales',
    {
      schema: {
        tags: ['reports'],
        summary:
          '«Продажи»: revenue, cost, gross profit, margin and share by customer, product, responsible or month (thenBy: a second level); format=csv|xlsx downloads',
        querystring: SalesReportQuery,
        response: { 200: SalesReport, ...errors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { lang, ...report } = await salesReport.salesReport(deps, actor, req.query);
      const format = req.query.format ?? 'json';
      if (format === 'json') return report;
      await sendTable(
        fileReply(reply),
        `${SALES_REPORT_TITLE[lang]} ${stamp(deps)}`,
        format,
        salesReportTable(report, lang, actor.timeZone),
      );
      return reply;
    },
  );
  app.get(
    '/api/reports/abc',
    {
      schema: {
        tags: ['reports'],
        summary:
          '«АВС-анализ покупателей»: per class, the ABC×XYZ matrix and the customers of a classification (default: the latest applied); format=csv|xlsx downloads',
        querystring: AbcReportQuery,
        response: { 200: AbcReport, ...errors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const format = req.query.format ?? 'json';
      const { lang, ...report } = await abcReport.abcReport(deps, actor, req.query, { all: format !== 'json' });
      if (format === 'json') return report;
      await sendTable(fileReply(reply), `${ABC_REPORT_TITLE[lang]} ${stamp(deps)}`, format, abcReportTable(report, lang, actor.timeZone));
      return reply;
    },
  );

  app.get(
    '/api/reports/abc-movement',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Class movement between two classifications (default: the two latest applied): the matrix and the customers who moved down',
        querystring: AbcMovementQuery,
        response: { 200: AbcMovement, ...errors },
      },
    },
    async (req) => abcReport.abcMovement(deps, actorOf(req), req.query),
  );
}
