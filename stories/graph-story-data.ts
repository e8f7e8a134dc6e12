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

/**
 * Returns a ransomware alert on one device, `fileCount` encrypted files and `ipCount` IP
 * addresses, none of them linked to anything else. Above a group threshold each kind collapses
 * into one group node that hangs off the alert.
 */
export function ransomwareSnapshot(fileCount: number, ipCount = 0): IncidentSnapshot {
  const entities: Entity[] = [{ id: 'device-grouped', kind: 'device', displayName: 'WS-FIN-007', verdict: 'malicious', properties: {} }];
  for (let index = 0; index < fileCount; index++) {
    entities.push({ id: `file-${index}`, kind: 'file', displayName: `encrypted_${index}.locked`, verdict: index < 3 ? 'malicious' : 'suspicious', properties: {} });
  }
  for (let index = 0; index < ipCount; index++) {
    entities.push({ id: `ip-${index}`, kind: 'ip', displayName: `198.51.100.${index + 10}`, properties: {} });
  }
  return incidentOf(`Ransomware encrypted ${fileCount} files`, entities, [], entities.map((entity) => entity.id));
}
