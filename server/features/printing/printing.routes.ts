import type { FastifyReply } from 'fastify';
import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import { IdParams } from '../../../shared/api/common.js';
import { PrintQuery } from '../../../shared/api/orders.js';
import * as service from './printing.service.js';
import { inlineDisposition, type PrintModel } from './printing.logic.js';
import { renderPdf } from './printing.pdf.js';
import { renderHtml } from './printing.html.js';

async function send(reply: FastifyReply, model: PrintModel, format: 'pdf' | 'html') {
  // A printed form is a snapshot of a document that may change: never cached by the browser or a proxy.
  reply.header('Cache-Control', 'no-store');
  if (format === 'html') return reply.type('text/html; charset=utf-8').send(renderHtml(model));
  reply.header('Content-Disposition', inlineDisposition(model.fileName));
  return reply.type('application/pdf').send(await renderPdf(model));
}

const schema = (summary: string) => ({
  tags: ['printing'],
  summary,
  params: IdParams,
  querystring: PrintQuery,
  produces: ['application/pdf', 'text/html'],
  response: { ...errors },
});

export function registerPrintingRoutes(app: App, deps: Deps) {
  app.get(
    '/api/orders/:id/print',
    { schema: schema('«Заказ покупателя» printed form with our and the customer’s requisites: format=pdf (default, inline) or html') },
    async (req, reply) =>
      send(reply as FastifyReply, await service.orderForm(deps, actorOf(req), req.params.id), req.query.format ?? 'pdf'),
  );
  app.get(
    '/api/sales/:id/print',
    { schema: schema('«Расходная накладная» printed form of a sale: format=pdf (default, inline) or html') },
    async (req, reply) => send(reply as FastifyReply, await service.saleForm(deps, actorOf(req), req.params.id), req.query.format ?? 'pdf'),
  );
}
