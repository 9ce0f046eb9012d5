import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { SaleImportResult } from '../../../shared/api/sales.js';
import * as service from './sales-import.service.js';

/** A year of sales of a mid-sized wholesaler fits; anything larger is refused with 413 before it is read. */
export const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

// The text/csv parser lives only in this plugin's scope: no other route accepts CSV bodies.
export async function registerSaleImportRoutes(app: App, deps: Deps) {
  await app.register(async (scope: App) => {
    scope.addContentTypeParser(
      'text/csv',
      { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
      (_req: FastifyRequest, body: Buffer, done) => {
        try {
          // The decoder drops a leading BOM; bytes that are not UTF-8 are refused rather than turned into "�".
          done(null, utf8.decode(body));
        } catch {
          done(
            new AppError(400, 'validation_failed', 'the file must be UTF-8', [
              { field: '(root)', code: 'invalid_unicode', message: 'the file must be UTF-8' },
            ]),
            undefined,
          );
        }
      },
    );
    scope.post(
      '/api/sales/import',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags: ['sales'],
          summary:
            'Sales from a CSV file (text/csv, UTF-8, ";" or ","): header date;counterparty;sku;description;quantity;amount;cost by name in any order; rows with the same date and counterparty form one sale; any bad line -> 422 import_invalid listing every line, nothing written',
          consumes: ['text/csv'],
          body: Type.String({ description: 'the CSV file' }),
          response: { 201: SaleImportResult, ...errors },
        },
      },
      async (req, reply) => {
        const result = await service.importSales(deps, actorOf(req), req.body);
        return reply.status(201).send(result);
      },
    );
  });
}
