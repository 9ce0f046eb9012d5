import { Type, type Static, type TSchema } from '@sinclair/typebox';

export const Id = Type.String({ format: 'uuid', description: 'UUIDv7' });
export const Instant = Type.String({ format: 'date-time', description: 'ISO 8601 instant with offset' });
export const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** A trimmed-by-client text field with an upper bound, so nothing unbounded reaches the database. */
export const Text = (max: number, opts: { min?: number } = {}) =>
  Type.String({ maxLength: max, ...(opts.min !== undefined ? { minLength: opts.min } : {}) });

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Array(
      Type.Object({
        field: Type.Optional(Type.String()),
        /** The line of an imported file (the header is line 1). */
        line: Type.Optional(Type.Integer()),
        message: Type.String(),
        code: Type.Optional(Type.String()),
      }),
    ),
  }),
});
export type ErrorBody = Static<typeof ErrorBody>;

export const ListQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
};

export const ListOf = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

export const IdParams = Type.Object({ id: Id });

export const Ok = Type.Object({ ok: Type.Boolean() });

export const Role = Type.Union([Type.Literal('admin'), Type.Literal('manager')]);
export type Role = Static<typeof Role>;
export const Language = Type.Union([Type.Literal('ru'), Type.Literal('en')]);
export type Language = Static<typeof Language>;
export const TimeZone = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z][A-Za-z0-9_+\\-]*(/[A-Za-z0-9_+\\-]+)*$' });
