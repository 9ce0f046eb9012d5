import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fastJson from 'fast-json-stringify';
import { Type } from '@sinclair/typebox';
import { Id, Instant, DateOnly, Nullable, ListOf } from '../../shared/api/common.js';
import { forSerializer } from './validation.js';

const Row = Type.Object({
  id: Id,
  name: Type.String(),
  comment: Nullable(Type.String()),
  dueAt: Nullable(Instant),
  birthday: Nullable(DateOnly),
  amount: Nullable(Type.Number()),
  count: Nullable(Type.Integer()),
  done: Nullable(Type.Boolean()),
  kind: Nullable(Type.Union([Type.Literal('a'), Type.Literal('b')])),
  owner: Nullable(Type.Object({ id: Id, name: Type.String() })),
});
const Schema = ListOf(Row);

describe('response schemas for the serializer', () => {
  it('turns a nullable scalar into a type list and leaves other unions alone', () => {
    const s = forSerializer(Schema) as any;
    const row = s.properties.items.items.properties;
    expect(row.comment).toMatchObject({ type: ['string', 'null'] });
    expect(row.dueAt).toMatchObject({ type: ['string', 'null'], format: 'date-time' });
    expect(row.kind.anyOf).toHaveLength(2);
    expect(row.owner.anyOf).toHaveLength(2);
    expect(s.properties.nextCursor).toMatchObject({ type: ['string', 'null'] });
    // The original schema (validation, OpenAPI) is untouched.
    expect((Schema.properties.nextCursor as any).anyOf).toHaveLength(2);
  });

  it('writes exactly the JSON the original schema writes', () => {
    const before = fastJson(Schema as any);
    const after = fastJson(forSerializer(Schema) as any);
    const text = fc.oneof(fc.string(), fc.constant('кириллица «кавычки» \\ "'), fc.constant(''));
    const row = fc.record({
      id: fc.uuid(),
      name: text,
      comment: fc.option(text, { nil: null }),
      dueAt: fc.option(fc.constant('2026-11-30T10:00:00.000Z'), { nil: null }),
      birthday: fc.option(fc.constant('1990-02-28'), { nil: null }),
      amount: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
      count: fc.option(fc.integer(), { nil: null }),
      done: fc.option(fc.boolean(), { nil: null }),
      kind: fc.option(fc.constantFrom('a' as const, 'b' as const), { nil: null }),
      owner: fc.option(fc.record({ id: fc.uuid(), name: text }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), fc.option(fc.string(), { nil: null }), (items, nextCursor) => {
        expect(after({ items, nextCursor })).toBe(before({ items, nextCursor }));
      }),
      { numRuns: 300 },
    );
  });
});
