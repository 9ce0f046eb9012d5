// The OpenAPI document as a client generator reads it: every operation has a unique operationId and a
// 2xx answer with a schema or a media type, public routes need no credentials, files carry their media types.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../test/test-app.js';
import { operationIdOf } from './openapi-transform.js';

let t: TestApp;
let doc: any;
beforeAll(async () => {
  t = await makeTestApp();
  const res = await t.get(null, '/api/openapi.json');
  expect(res.statusCode).toBe(200);
  doc = res.json();
});
afterAll(async () => t.close());

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m] })),
  );

describe('OpenAPI document', () => {
  it('every operation has a unique operationId and a 2xx answer with a schema or a media type', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(50);
    const ids = ops.map((o) => o.op.operationId);
    expect(ops.filter((o) => !o.op.operationId).map((o) => `${o.method} ${o.path}`)).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const without = ops.filter(({ op }) => {
      const ok = Object.entries(op.responses ?? {}).filter(([code]) => /^2/.test(code));
      // 204 No Content is the one success without a body.
      return !ok.some(([code, r]: [string, any]) => code === '204' || (r.content && Object.values(r.content).some((c: any) => c.schema)));
    });
    expect(without.map((o) => `${o.method} ${o.path}`)).toEqual([]);
  });

  it('names operations after the method and path', () => {
    expect(doc.paths['/api/counterparties'].get.operationId).toBe('listCounterparties');
    expect(doc.paths['/api/counterparties'].post.operationId).toBe('createCounterparty');
    expect(doc.paths['/api/counterparties/{id}'].get.operationId).toBe('getCounterparty');
    expect(doc.paths['/api/counterparties/{id}'].patch.operationId).toBe('updateCounterparty');
    expect(doc.paths['/api/counterparties/{id}/archive'].post.operationId).toBe('archiveCounterparty');
    expect(operationIdOf('GET', '/api/contact-persons/:id/vcard')).toBe('getContactPersonVcard');
    expect(operationIdOf('POST', '/api/auth/login')).toBe('authLogin');
  });

  it('public routes carry no security requirement; the rest the document-wide one', () => {
    expect(doc.servers?.length).toBeGreaterThan(0);
    for (const [path, method] of [
      ['/api/health', 'get'],
      ['/api/setup', 'post'],
      ['/api/auth/login', 'post'],
    ]) {
      expect(doc.paths[path][method].security, `${method} ${path}`).toEqual([]);
    }
    expect(doc.paths['/api/counterparties'].get.security).toBeUndefined();
    expect(doc.security).toEqual([{ session: [] }, { bearer: [] }]);
  });

  it('answers name the main entities as components', () => {
    expect(doc.paths['/api/counterparties/{id}'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Counterparty',
    });
    expect(doc.paths['/api/counterparties'].get.responses['200'].content['application/json'].schema.properties.items.items).toEqual({
      $ref: '#/components/schemas/Counterparty',
    });
    const text = JSON.stringify(doc.paths);
    for (const name of ['ContactPerson', 'Event', 'Order', 'Product', 'User']) {
      expect(text, name).toContain(`#/components/schemas/${name}"`);
      expect(doc.components.schemas[name].type).toBe('object');
    }
  });

  it('documents the media types of exports and files', () => {
    const report = doc.paths['/api/reports/events'].get.responses['200'].content;
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']),
    );
    expect(Object.keys(doc.paths['/api/orders/{id}/print'].get.responses['200'].content)).toContain('application/pdf');
    expect(Object.keys(doc.paths['/api/notifications/stream'].get.responses['200'].content)).toContain('text/event-stream');
  });
});
