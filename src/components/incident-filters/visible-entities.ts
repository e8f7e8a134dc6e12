/**
 * The rule that the lists share with `il-incident-graph`: an entity is listed when its graph
 * node is drawn, that is when it exists at the session's time cursor, falls inside the
 * session's time range and passes the session's noise-control filters. A list's own search
 * text narrows the rows further.
 */

import { entityMatchesSearch, normalizeSearch } from '../../session/search.js';
import type { Entity, IncidentSnapshot } from '../../model/types.js';
import type { IncidentSession } from '../../session/session.js';

/** Returns true when the graph draws this entity under the session's time and filters. */
export function entityShown(session: IncidentSession, entity: Entity): boolean {
  return session.existsNow(entity.firstSeen) && session.passesFilters(entity.id);
}

/** Returns true when `text` is blank or the entity matches it by name, id or a property value (see session/search.ts). */
export function entityMatches(entity: Entity, text: string | undefined): boolean {
  const query = normalizeSearch(text);
  return query === undefined || entityMatchesSearch(entity, query);
}

/** Returns the snapshot's entities that the graph draws and that match `search`, in snapshot order. */
export function visibleEntities(session: IncidentSession, search?: string): Entity[] {
  const snapshot: IncidentSnapshot | undefined = session.snapshot;
  if (!snapshot) return [];
  return snapshot.entities.filter((entity) => entityShown(session, entity) && entityMatches(entity, search));
}
