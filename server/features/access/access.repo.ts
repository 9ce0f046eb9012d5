import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Visibility } from './access.logic.js';

// The one place the visibility rule is written in SQL. Each helper takes the aliases under which
// the caller's query has the tables, so a repo joins what it needs and asks here for the condition.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- aliases vary per query; column names below are fixed strings
export type AnyEb = ExpressionBuilder<any, any>;

/** A counterparty is visible to a limited manager when they are its responsible user. */
export function counterpartyVisible(eb: AnyEb, v: Visibility, cp = 'counterparties'): Expression<SqlBool> {
  return v.all ? eb.lit(true) : eb(eb.ref(`${cp}.responsibleUserId`), '=', v.userId);
}

/** A contact person is visible with its counterparty (joined as `cp`, left join); an individual (no
 * counterparty) to everybody, or to its author when visibility is limited. */
export function personVisible(eb: AnyEb, v: Visibility, aliases: { person: string; cp: string }): Expression<SqlBool> {
  if (v.all) return eb.lit(true);
  const { person, cp } = aliases;
  return eb.or([
    counterpartyVisible(eb, v, cp),
    eb.and([eb(eb.ref(`${person}.counterpartyId`), 'is', null), eb(eb.ref(`${person}.createdBy`), '=', v.userId)]),
  ]);
}

/** An event is visible with its counterparty (joined as `cp`, left join); without one, to everybody or
 * (when limited) to its responsible user and author. Being responsible for an event never opens a
 * hidden counterparty. */
export function eventVisible(eb: AnyEb, v: Visibility, aliases: { event: string; cp: string }): Expression<SqlBool> {
  if (v.all) return eb.lit(true);
  const { event, cp } = aliases;
  return eb.or([
    counterpartyVisible(eb, v, cp),
    eb.and([
      eb(eb.ref(`${event}.counterpartyId`), 'is', null),
      eb.or([eb(eb.ref(`${event}.responsibleUserId`), '=', v.userId), eb(eb.ref(`${event}.createdBy`), '=', v.userId)]),
    ]),
  ]);
}
