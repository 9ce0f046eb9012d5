import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { ErrorBody } from '../../../shared/api/common.js';
import * as service from './counterparties-import.service.js';

/** About 100 000 counterparties with requisites, a phone, an e-mail and an address; larger is 413 before it is read. */
export const COUNTERPARTY_IMPORT_LIMIT = 32 * 1024 * 1024;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export const CounterpartyImportResult = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  skipped: Type.Integer({ description: 'rows of the contact information report that are not counterparties' }),
  errors: ErrorBody.properties.error.properties.details,
});

const DESCRIPTION = `A CSV (text/csv, UTF-8 with or without BOM, ";" or ",") or XLSX (first sheet) file with a header on line 1.
Columns by their Russian or English names, in any order: Наименование/Name (required), Полное наименование/Full name,
Вид/Kind, ИНН/INN, КПП/KPP, Покупатель/Customer, Поставщик/Supplier (да/нет, yes/no, 1/0), Телефон/Phone,
Эл. почта/E-mail, Юридический адрес/Legal address, Фактический адрес/Actual address, Ответственный/Responsible
(a user's e-mail), Комментарий/Comment, and the other columns of the contact information report export.
A row matches an active counterparty by INN, or by exact name when it has no INN, and updates it; the rest are created.
An empty cell leaves the card's value as it is; contact information is added, never removed. Rows are checked by the
same rules as the card (INN/KPP check digits, phones and e-mails). Access: a manager who sees only his own
counterparties matches only those (an INN of another manager's card is an error on that line) and may name only
himself as responsible; an administrator, or a manager when managers see all counterparties, imports everything.
Any bad line: 422 import_invalid listing every line (details[].line), nothing written. dryRun=true: the same answer,
nothing written.`;

// A class instance, so a JSON body shaped like a parsed file cannot pass for one.
class Upload {
  constructor(readonly file: service.ImportFile) {}
}

// The CSV and XLSX parsers live only in this plugin's scope: no other route accepts these bodies.
export async function registerCounterpartyImportRoutes(app: App, deps: Deps) {
  await app.register(async (scope: App) => {
    scope.addContentTypeParser(
      'text/csv',
      { parseAs: 'buffer', bodyLimit: COUNTERPARTY_IMPORT_LIMIT },
      (_req: FastifyRequest, body: Buffer, done) => {
        try {
          done(null, new Upload({ type: 'csv', text: utf8.decode(body) }));
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
    scope.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: COUNTERPARTY_IMPORT_LIMIT }, (_req, body: Buffer, done) =>
      done(null, new Upload({ type: 'xlsx', buffer: body })),
    );
    scope.post(
      '/api/counterparties/import',
      {
        bodyLimit: COUNTERPARTY_IMPORT_LIMIT,
        schema: {
          tags: ['counterparties'],
          summary: 'Counterparties from a CSV or XLSX file: created or updated, all rows or none',
          description: DESCRIPTION,
          consumes: ['text/csv', XLSX_TYPE],
          querystring: Type.Object(
            { dryRun: Type.Optional(Type.Boolean({ description: 'check and count without writing' })) },
            { additionalProperties: false },
          ),
          response: { 200: CounterpartyImportResult, ...errors },
        },
      },
      async (req) => {
        if (!(req.body instanceof Upload)) throw new AppError(415, 'validation_failed', `the body must be text/csv or ${XLSX_TYPE}`);
        return service.importCounterparties(deps, actorOf(req), req.body.file, req.query.dryRun === true);
      },
    );
  });
}
