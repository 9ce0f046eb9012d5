import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../http.js';
import { actorOf, errors } from '../../http.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { ErrorBody, IdParams } from '../../../shared/api/common.js';
import * as service from './contact-persons-vcard.service.js';

const BODY_LIMIT = 5 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export const VcardImportResult = Type.Object({
  created: Type.Integer(),
  errors: ErrorBody.properties.error.properties.details,
});

// The vCard body parser lives only in this plugin's scope: no other route accepts text/vcard.
export async function registerContactPersonVcardRoutes(app: App, deps: Deps) {
  await app.register(async (scope: App) => {
    scope.addContentTypeParser(
      ['text/vcard', 'text/x-vcard'],
      { parseAs: 'buffer', bodyLimit: BODY_LIMIT },
      (_req: FastifyRequest, body: Buffer, done) => {
        try {
          done(null, utf8.decode(body));
        } catch {
          done(
            new AppError(400, 'validation_failed', 'the vCard must be UTF-8', [
              { field: '(root)', code: 'invalid_unicode', message: 'the vCard must be UTF-8' },
            ]),
            undefined,
          );
        }
      },
    );
    scope.get(
      '/api/contact-persons/:id/vcard',
      {
        schema: {
          tags: ['contact persons'],
          summary: 'The contact person as a vCard 4.0 (text/vcard): name, position, organisation, phones, e-mails, birthday, note',
          produces: ['text/vcard'],
          params: IdParams,
          response: { 200: Type.String({ description: 'vCard 4.0' }), ...errors },
        },
      },
      async (req, reply) => {
        const { text, fileName } = await service.exportVcard(deps, actorOf(req), req.params.id);
        return reply
          .header('content-type', 'text/vcard; charset=utf-8')
          .header('content-disposition', `attachment; filename="contact.vcf"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
          .send(text);
      },
    );
    scope.post(
      '/api/contact-persons/import',
      {
        bodyLimit: BODY_LIMIT,
        schema: {
          tags: ['contact persons'],
          summary:
            'Contact persons from one or many vCards (text/vcard, versions 3.0 and 4.0): an ORG equal to a visible counterparty name attaches the person to it; any bad card -> 422 import_invalid naming its card and line, nothing written',
          consumes: ['text/vcard'],
          body: Type.String({ description: 'one or many vCards' }),
          response: { 201: VcardImportResult, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await service.importVcards(deps, actorOf(req), req.body)),
    );
  });
}
