import type { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { ErrorBody } from '../../../shared/api/common.js';
import * as service from './counterparties-import.service.js';
import { tooLarge, withSpooledUpload } from './counterparties-import.upload.js';

/**
 * The largest file taken: about 1,200,000 counterparties as CSV. The body is streamed to a temporary
 * file and read from there row by row, so memory does not depend on this; disk and time do.
 */
export const COUNTERPARTY_IMPORT_LIMIT = 200 * 1024 * 1024;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const CounterpartyImportResult = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  skipped: Type.Integer({ description: 'rows of the contact information report that are not counterparties' }),
  errors: ErrorBody.properties.error.properties.details,
});

/** The 422 import_invalid answer: the usual error body, and how many problems there are beyond the listed ones. */
export const CounterpartyImportInvalid = Type.Object({
  error: Type.Object({
    ...ErrorBody.properties.error.properties,
    total: Type.Integer({ description: `every problem found; details lists the first ${service.MAX_DETAILS} by line` }),
    lines: Type.Integer({ description: 'lines with at least one problem' }),
  }),
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
Any bad line: 422 import_invalid, nothing written; details lists the problems by line (details[].line), the first
${service.MAX_DETAILS} of them, error.total counts them all and error.lines the lines they are on. dryRun=true: the same
answer, nothing written. The body is streamed to disk and read row by row; over ${COUNTERPARTY_IMPORT_LIMIT / 1024 / 1024} MB
is 413 payload_too_large.`;

// A class instance, so a JSON body shaped like a parsed file cannot pass for one. The stream is a
// private field: the input-safety hook walks a body's own properties and must not walk a socket.
class Upload {
  readonly #body: Readable;
  constructor(
    readonly type: service.ImportFile['type'],
    body: Readable,
  ) {
    this.#body = body;
  }
  get body() {
    return this.#body;
  }
}

/** Hands the body over unread; a declared length over the limit is refused before a byte is read. */
const streamed =
  (type: service.ImportFile['type']) => (req: FastifyRequest, payload: Readable, done: (err: Error | null, body?: unknown) => void) => {
    const declared = Number(req.headers['content-length']);
    if (declared > COUNTERPARTY_IMPORT_LIMIT) return done(tooLarge(COUNTERPARTY_IMPORT_LIMIT));
    done(null, new Upload(type, payload));
  };

// The CSV and XLSX parsers live only in this plugin's scope: no other route accepts these bodies.
export async function registerCounterpartyImportRoutes(app: App, deps: Deps) {
  await app.register(async (scope: App) => {
    scope.addContentTypeParser('text/csv', streamed('csv'));
    scope.addContentTypeParser(XLSX_TYPE, streamed('xlsx'));
    scope.post(
      '/api/counterparties/import',
      {
        schema: {
          tags: ['counterparties'],
          summary: 'Counterparties from a CSV or XLSX file: created or updated, all rows or none',
          description: DESCRIPTION,
          consumes: ['text/csv', XLSX_TYPE],
          querystring: Type.Object(
            { dryRun: Type.Optional(Type.Boolean({ description: 'check and count without writing' })) },
            { additionalProperties: false },
          ),
          response: { 200: CounterpartyImportResult, 422: CounterpartyImportInvalid, ...errors },
        },
      },
      async (req, reply) => {
        const upload = req.body;
        if (!(upload instanceof Upload)) throw new AppError(415, 'validation_failed', `the body must be text/csv or ${XLSX_TYPE}`);
        const opts = { limit: COUNTERPARTY_IMPORT_LIMIT, utf8: upload.type === 'csv' };
        try {
          return await withSpooledUpload(upload.body, opts, (path) =>
            service.importCounterparties(deps, actorOf(req), { type: upload.type, path }, req.query.dryRun === true),
          );
        } catch (e) {
          if (!(e instanceof service.ImportInvalid)) throw e;
          const { code, message, details, total, lines } = e;
          return reply.status(422).send({ error: { code, message, details, total, lines } });
        }
      },
    );
  });
}
