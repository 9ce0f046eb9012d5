// The link both ways between an event and what was created based on it. It sits above events and
// orders (it uses both services) so neither of them imports the other.
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import type { EventRelated } from '../../../shared/api/events.js';
import * as events from '../events/events.service.js';
import * as orders from '../orders/orders.service.js';

/** GET /api/events/:id/related: the event's basis, then the events and orders created based on it
 * (only those the actor may see); 404 when the event is hidden. */
export async function related(deps: Deps, actor: Actor, eventId: string): Promise<EventRelated> {
  const links = await events.eventLinks(deps, actor, eventId);
  const based = await orders.basedOnEvent(deps, actor, eventId);
  const docs = based.map((o) => ({
    type: 'order' as const,
    id: o.id,
    number: o.number,
    title: orders.orderTitle(o.number, o.date, o.counterpartyName),
    date: o.date,
  }));
  return { basis: links.basis, documents: [...links.documents, ...docs] };
}
