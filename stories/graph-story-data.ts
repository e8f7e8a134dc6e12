/** Data helpers shared by the graph stories. */

import type { Alert, Entity, IncidentSnapshot, Relation } from '../src/model/types.js';
import { IncidentSession } from '../src/session/session.js';

/** Returns a session on `snapshot`, after `prepare` moved its time or selection. */
export function sessionOn(snapshot: IncidentSnapshot, prepare?: (session: IncidentSession) => void): IncidentSession {
  const session = new IncidentSession();
  session.setSnapshot(snapshot);
  prepare?.(session);
  return session;
}

/** Returns a snapshot of one alert on `evidenceIds`, with the given entities and relations. */
export function incidentOf(title: string, entities: Entity[], relations: Relation[], evidenceIds: string[]): IncidentSnapshot {
  const alert: Alert = {
    id: 'alert-story',
    title,
    severity: 'high',
    status: 'new',
    mitreTechniques: [],
    relatedAlertIds: [],
    firstActivityTime: Date.UTC(2024, 4, 14, 9, 0),
    evidence: evidenceIds.map((entityId) => ({ entityId, roles: ['contextual'] })),
  };
  return {
    incident: { id: `incident-${title}`, title, severity: 'high', status: 'active', tags: [] },
    alerts: [alert],
    entities,
    relations,
    issues: [],
  };
}
